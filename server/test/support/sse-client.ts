export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

/**
 * A real Server-Sent Events client over fetch: parses the stream as a browser's EventSource does,
 * and can reconnect with Last-Event-ID like one.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  private readonly controller = new AbortController();
  private waiters: { predicate: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];
  lastEventId: string | undefined;

  private constructor(private readonly url: string, private readonly token: string) {}

  static async connect(url: string, token: string, lastEventId?: string): Promise<SseClient> {
    const client = new SseClient(url, token);
    client.lastEventId = lastEventId;
    await client.open();
    return client;
  }

  private async open(): Promise<void> {
    const headers: Record<string, string> = { accept: 'text/event-stream', authorization: `Bearer ${this.token}` };
    if (this.lastEventId) headers['last-event-id'] = this.lastEventId;
    const response = await fetch(this.url, { headers, signal: this.controller.signal });
    if (response.status !== 200 || !response.body) throw new Error(`stream answered ${response.status}: ${await response.text()}`);
    void this.read(response.body.getReader());
  }

  private async read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let boundary: number;
        while ((boundary = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          this.dispatch(block);
        }
      }
    } catch {
      // closed by us
    }
  }

  private dispatch(block: string): void {
    const event: SseEvent = { data: '' };
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || line === '') continue;
      const [field, ...rest] = line.split(':');
      const value = rest.join(':').replace(/^ /, '');
      if (field === 'id') event.id = value;
      else if (field === 'event') event.event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) return;
    event.data = data.join('\n');
    if (event.id) this.lastEventId = event.id;
    this.events.push(event);
    this.waiters = this.waiters.filter((w) => {
      if (!w.predicate(event)) return true;
      w.resolve(event);
      return false;
    });
  }

  /** The first event (already received or still to come) that matches, or a rejection after `ms`. */
  waitFor(predicate: (e: SseEvent) => boolean, ms = 5000): Promise<SseEvent> {
    const seen = this.events.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching event within ${ms} ms (got ${this.events.length})`)), ms);
      this.waiters.push({ predicate, resolve: (e) => (clearTimeout(timer), resolve(e)) });
    });
  }

  close(): void {
    this.controller.abort();
  }
}

export function parsed<T = { seq: number; action: { action: string }; alert: { id: string; status: string; ownerUnit: { id: string } } }>(event: SseEvent): T {
  return JSON.parse(event.data) as T;
}
