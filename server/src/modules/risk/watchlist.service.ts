import { Inject, Injectable } from '@nestjs/common';
import { type WatchlistEntry as WatchlistEntryView, type WatchlistInput, type WatchlistKind, type WatchlistTarget, checkBankCard, checkIdNumber, checkMobile, maskCardNumber, maskIdNumber, maskPhone, uuidV7 } from '@duanka/shared';
import { Clock } from '../../common/clock';
import { invalid, notFound } from '../../common/domain-error';
import { iso } from '../../common/time';
import { SQL } from '../../database/database.module';
import type { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { VaultService, type HashDomain } from '../vault/vault.service';

export type { WatchlistEntryView, WatchlistInput, WatchlistKind, WatchlistTarget };

interface EntryRow {
  id: string;
  kind: WatchlistKind;
  target: WatchlistTarget;
  value_enc: string;
  reason: string;
  added_at: number;
  expires_at: number | null;
  removed_at: number | null;
}

// Which targets make sense on which list: a punished seller or a vulnerable person is a person;
// a fraud-linked entry is a phone or a card (or a person, when the case names them).
const TARGETS: Record<WatchlistKind, readonly WatchlistTarget[]> = {
  PUNISHED: ['PERSON'],
  VULNERABLE: ['PERSON'],
  FRAUD_LINKED: ['PERSON', 'PHONE', 'CARD'],
};
const DOMAIN: Record<WatchlistTarget, HashDomain> = { PERSON: 'id', PHONE: 'phone', CARD: 'card' };
const MAX_IMPORT_LINES = 50_000;

/** Punished card sellers, fraud-linked numbers and cards, vulnerable people: stored like all personal data. */
@Injectable()
export class WatchlistService {
  constructor(
    @Inject(SQL) private readonly sql: Sql,
    private readonly vault: VaultService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Normalises and checks one value; throws the same Chinese error a teller would see. */
  normalize(target: WatchlistTarget, value: string): string {
    const result = target === 'PERSON' ? checkIdNumber(value) : target === 'PHONE' ? checkMobile(value) : checkBankCard(value);
    if (!result.ok) throw invalid(result.code, result.message);
    return result.value.normalized;
  }

  private prepare(input: WatchlistInput, now: number) {
    if (!TARGETS[input.kind]?.includes(input.target)) throw invalid('WATCHLIST_TARGET', '该名单不能登记此类对象（惩戒与易受骗名单只登记身份证号）');
    const normalized = this.normalize(input.target, input.value);
    const expiresAt = input.expiresAt ? Date.parse(input.expiresAt) : null;
    if (expiresAt !== null && (Number.isNaN(expiresAt) || expiresAt <= now)) throw invalid('WATCHLIST_EXPIRY', '到期时间应晚于当前时间');
    const reason = input.reason.trim();
    if (!reason || reason.length > 200) throw invalid('WATCHLIST_REASON', '请填写登记原因（200 字以内）');
    return { normalized, expiresAt, reason };
  }

  async add(actor: Actor, input: WatchlistInput): Promise<WatchlistEntryView> {
    const now = this.clock.now();
    const prepared = this.prepare(input, now);
    const id = uuidV7();
    await this.sql.transaction(async (tx) => {
      await this.insert(tx, id, input, prepared, actor.id, now);
      await this.audit.record(actor, { action: 'watchlist.add', subjectType: 'watchlist', subjectId: id, detail: { kind: input.kind, target: input.target } }, tx);
    });
    return this.view({ id, kind: input.kind, target: input.target, value_enc: this.vault.encrypt(prepared.normalized), reason: prepared.reason, added_at: now, expires_at: prepared.expiresAt, removed_at: null });
  }

  private async insert(tx: Sql, id: string, input: WatchlistInput, prepared: { normalized: string; expiresAt: number | null; reason: string }, by: string, now: number): Promise<void> {
    await tx.run(
      `INSERT INTO watchlist_entries (id, kind, target, value_hash, value_enc, reason, added_by, added_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, input.kind, input.target, this.vault.hash(DOMAIN[input.target], prepared.normalized), this.vault.encrypt(prepared.normalized),
        prepared.reason, by, now, prepared.expiresAt],
    );
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.sql.transaction(async (tx) => {
      const changed = await tx.run('UPDATE watchlist_entries SET removed_at = ?, removed_by = ? WHERE id = ? AND removed_at IS NULL', [this.clock.now(), actor.id, id]);
      if (changed === 0) throw notFound('WATCHLIST_NOT_FOUND', '未找到该名单记录，或已被移除');
      await this.audit.record(actor, { action: 'watchlist.remove', subjectType: 'watchlist', subjectId: id }, tx);
    });
  }

  async list(actor: Actor, kind?: WatchlistKind, includeInactive = false): Promise<{ items: WatchlistEntryView[] }> {
    const now = this.clock.now();
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (kind) {
      where.push('kind = ?');
      params.push(kind);
    }
    if (!includeInactive) {
      where.push('removed_at IS NULL AND (expires_at IS NULL OR expires_at > ?)');
      params.push(now);
    }
    const rows = await this.sql.all<EntryRow>(
      `SELECT id, kind, target, value_enc, reason, added_at, expires_at, removed_at FROM watchlist_entries
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY added_at DESC LIMIT 1000`,
      params,
    );
    await this.audit.record(actor, { action: 'watchlist.list', detail: { kind: kind ?? 'ALL', count: rows.length } });
    return { items: rows.map((r) => this.view(r)) };
  }

  /**
   * CSV with a header line `kind,target,value,reason,expiresAt`. Good lines are added in one
   * transaction; every bad line is reported with its number and the reason, and nothing of a bad
   * line is stored. `onProgress` lets a command line draw a progress bar.
   */
  async importCsv(actor: Actor, csv: string, onProgress?: (done: number, total: number) => void): Promise<{ imported: number; errors: { line: number; code: string; message: string }[] }> {
    const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
    const header = lines.shift()?.split(',').map((h) => h.trim());
    if (!header || ['kind', 'target', 'value', 'reason'].some((h) => !header.includes(h))) {
      throw invalid('CSV_HEADER', 'CSV 第一行应为表头：kind,target,value,reason,expiresAt');
    }
    if (lines.length > MAX_IMPORT_LINES) throw invalid('CSV_TOO_LARGE', `单次最多导入 ${MAX_IMPORT_LINES} 行，请拆分文件`);
    const now = this.clock.now();
    const errors: { line: number; code: string; message: string }[] = [];
    const good: { input: WatchlistInput; prepared: ReturnType<WatchlistService['prepare']> }[] = [];
    lines.forEach((text, index) => {
      if (!text.trim()) return;
      const cells = text.split(',').map((c) => c.trim());
      const get = (name: string) => cells[header.indexOf(name)] ?? '';
      const input: WatchlistInput = {
        kind: get('kind') as WatchlistKind, target: get('target') as WatchlistTarget, value: get('value'), reason: get('reason'),
        expiresAt: get('expiresAt') || undefined,
      };
      try {
        good.push({ input, prepared: this.prepare(input, now) });
      } catch (error) {
        const e = error as { code?: string; message: string };
        errors.push({ line: index + 2, code: e.code ?? 'INVALID', message: e.message });
      }
      onProgress?.(index + 1, lines.length);
    });
    await this.sql.transaction(async (tx) => {
      for (const { input, prepared } of good) await this.insert(tx, uuidV7(), input, prepared, actor.id, now);
      await this.audit.record(actor, { action: 'watchlist.import', detail: { imported: good.length, rejected: errors.length } }, tx);
    });
    return { imported: good.length, errors };
  }

  private view(row: EntryRow): WatchlistEntryView {
    const value = this.vault.decrypt(row.value_enc);
    const masked = row.target === 'PERSON' ? maskIdNumber(value) : row.target === 'PHONE' ? maskPhone(value) : maskCardNumber(value);
    return {
      id: row.id, kind: row.kind, target: row.target, maskedValue: masked, reason: row.reason, addedAt: iso(Number(row.added_at)),
      expiresAt: row.expires_at === null ? null : iso(Number(row.expires_at)), removedAt: row.removed_at === null ? null : iso(Number(row.removed_at)),
    };
  }
}
