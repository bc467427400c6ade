import type { BankOpeningRequest, SimRegistrationRequest } from '@duanka/shared';

// The queue is pure logic: storage and sender are injected, so it runs the same on WeChat,
// in the browser and under jest. The wiring to Taro lives in offline-sync.ts.

export type QueuedSubmission =
  | (QueuedBase & { kind: 'BANK'; payload: BankOpeningRequest })
  | (QueuedBase & { kind: 'SIM'; payload: SimRegistrationRequest });

interface QueuedBase {
  /** The opening's own id, so one opening is queued at most once and the server can deduplicate. */
  id: string;
  /** What the teller sees in the list, already masked. */
  summary: string;
  /** The staff account that registered it: only that account sends it. */
  owner?: string;
  queuedAt: string;
  /** PENDING: will be sent. FAILED: the server refused it; the teller must fix or discard it. */
  status: 'PENDING' | 'FAILED';
  attempts: number;
  lastError?: string;
}

export type NewSubmission =
  | { kind: 'BANK'; payload: BankOpeningRequest; summary: string; owner?: string }
  | { kind: 'SIM'; payload: SimRegistrationRequest; summary: string; owner?: string };

export interface QueueStorage {
  load(): unknown;
  save(items: QueuedSubmission[]): void;
}

/** Sends one item; resolves on a 2xx answer, rejects otherwise (with `statusCode` when the server answered). */
export type QueueSender = (item: QueuedSubmission) => Promise<unknown>;

export interface FlushReport {
  sent: number;
  failed: number;
  /** Items still pending because the network or the server is not available right now. */
  pending: number;
  /** The server answered 401: nothing more is sent until the teller logs in again. */
  needsLogin: boolean;
}

type Verdict = 'SENT' | 'REFUSED' | 'RETRY_LATER' | 'NEEDS_LOGIN';

/** Which answers end an item's life: 2xx removes it, a definitive 4xx marks it failed. */
export function classify(error: unknown): Verdict {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status !== 'number') return 'RETRY_LATER';
  if (status === 401) return 'NEEDS_LOGIN';
  // Timeouts, rate limits and server errors say nothing about the item itself.
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'RETRY_LATER';
  if (status >= 400) return 'REFUSED';
  return 'RETRY_LATER';
}

function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message ? message : '服务器拒绝了这条登记，请核对后重新提交';
}

function ownedBy(item: QueuedSubmission, owner: string | undefined): boolean {
  return owner === undefined || item.owner === undefined || item.owner === owner;
}

function isQueued(value: unknown): value is QueuedSubmission {
  const v = value as Partial<QueuedSubmission> | null;
  return !!v && typeof v.id === 'string' && (v.kind === 'BANK' || v.kind === 'SIM') && !!v.payload &&
    (v.status === 'PENDING' || v.status === 'FAILED');
}

export class OfflineQueue {
  private flushing: Promise<FlushReport> | null = null;
  private readonly listeners = new Set<(items: QueuedSubmission[]) => void>();

  constructor(
    private readonly storage: QueueStorage,
    private readonly send: QueueSender,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(): QueuedSubmission[] {
    const raw = this.storage.load();
    return Array.isArray(raw) ? raw.filter(isQueued) : [];
  }

  pendingCount(owner?: string): number {
    return this.list().filter((item) => item.status === 'PENDING' && ownedBy(item, owner)).length;
  }

  find(id: string): QueuedSubmission | undefined {
    return this.list().find((item) => item.id === id);
  }

  /** Stores a submission for later; queuing the same id again replaces it and makes it pending. */
  enqueue(submission: NewSubmission): QueuedSubmission {
    const item = {
      ...submission,
      id: submission.payload.id,
      queuedAt: this.now().toISOString(),
      status: 'PENDING',
      attempts: 0,
    } as QueuedSubmission;
    this.write([...this.list().filter((other) => other.id !== item.id), item]);
    return item;
  }

  remove(id: string): void {
    this.write(this.list().filter((item) => item.id !== id));
  }

  subscribe(listener: (items: QueuedSubmission[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Sends every pending item once, one at a time. A flush asked for while one runs joins it, so no
   * item is ever in flight twice; items queued meanwhile are picked up by the running flush.
   * With `owner`, only that account's items are sent (they go out under its token).
   */
  flush(owner?: string): Promise<FlushReport> {
    if (!this.flushing) {
      this.flushing = this.run(owner).finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  private async run(owner: string | undefined): Promise<FlushReport> {
    const report: FlushReport = { sent: 0, failed: 0, pending: 0, needsLogin: false };
    const tried = new Set<string>();
    for (;;) {
      const next = this.list().find((item) => item.status === 'PENDING' && ownedBy(item, owner) && !tried.has(item.id));
      if (!next) break;
      tried.add(next.id);
      let verdict: Verdict;
      let error: unknown;
      try {
        await this.send(next);
        verdict = 'SENT';
      } catch (caught) {
        error = caught;
        verdict = classify(caught);
      }
      if (verdict === 'SENT') {
        this.remove(next.id);
        report.sent += 1;
        continue;
      }
      if (verdict === 'REFUSED') {
        this.update(next.id, { status: 'FAILED', attempts: next.attempts + 1, lastError: messageOf(error) });
        report.failed += 1;
        continue;
      }
      this.update(next.id, { attempts: next.attempts + 1, lastError: messageOf(error) });
      // Offline, server down or logged out: the rest would fail the same way, so stop here.
      report.needsLogin = verdict === 'NEEDS_LOGIN';
      break;
    }
    report.pending = this.pendingCount(owner);
    return report;
  }

  private update(id: string, change: Partial<Pick<QueuedSubmission, 'status' | 'attempts' | 'lastError'>>): void {
    this.write(this.list().map((item) => (item.id === id ? ({ ...item, ...change } as QueuedSubmission) : item)));
  }

  private write(items: QueuedSubmission[]): void {
    this.storage.save(items);
    for (const listener of this.listeners) listener(items);
  }
}
