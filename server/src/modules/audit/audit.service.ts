import { Inject, Injectable } from '@nestjs/common';
import { POLICE_ROLES, type AuditEntryView, type AuditPage, type Role } from '@duanka/shared';
import { invalid } from '../../common/domain-error';
import { DAY_MS, iso } from '../../common/time';
import { SQL } from '../../database/database.module';
import type { Sql, SqlValue } from '../../database/sql';
import type { Actor } from '../auth/actor';
import type { AuditQuery } from './dto/audit.dto';

/** Longest window one query reads: a month of a city's log is a few million entries at most. */
const MAX_WINDOW_DAYS = 31;

interface AuditRow {
  seq: number;
  at: number;
  actor_id: string | null;
  actor_username: string | null;
  actor_role: Role | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  ip: string | null;
  detail: string | null;
}

export interface AuditEvent {
  action: string;
  subjectType?: string;
  subjectId?: string;
  /** Never personal data: ids, counts, codes, reasons. */
  detail?: Record<string, unknown>;
}

/** A failed login attempt; its subject is the attempted username's keyed hash. */
export const LOGIN_FAILED = 'auth.login_failed';

type AuditActor = Pick<Actor, 'id' | 'role' | 'ip'> | { id: null; role: null; ip: string | null };

/**
 * The append-only record of who read or changed what (DESIGN §6). Pass the transaction of the
 * change it records, so that the change and its audit entry commit together or not at all.
 */
@Injectable()
export class AuditService {
  constructor(@Inject(SQL) private readonly sql: Sql) {}

  async record(actor: AuditActor, event: AuditEvent, tx: Sql = this.sql, at = Date.now()): Promise<void> {
    await tx.run(
      `INSERT INTO audit_entries (at, actor_id, actor_role, action, subject_type, subject_id, ip, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [at, actor.id, actor.role, event.action, event.subjectType ?? null, event.subjectId ?? null, actor.ip,
        event.detail ? JSON.stringify(event.detail) : null],
    );
  }

  /** Failed logins for a username (its keyed hash) or from an address since a time: what the login limit counts. */
  async failedLoginsSince(since: number, by: { usernameHash: string } | { ip: string }): Promise<number> {
    // The action is a constant in the text, so that the partial login-failure indexes serve it.
    const row = 'usernameHash' in by
      ? await this.sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM audit_entries WHERE action = '${LOGIN_FAILED}' AND subject_id = ? AND at > ?`, [by.usernameHash, since])
      : await this.sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM audit_entries WHERE action = '${LOGIN_FAILED}' AND ip = ? AND at > ?`, [by.ip, since]);
    return Number(row?.n ?? 0);
  }

  /**
   * The log as an auditor reads it, newest first, one time window at a time (read through the
   * `at` index). A system admin reads everything; the squad reads what police accounts did (who
   * opened whose record, who revealed whose ID). Reading the log is itself an entry.
   */
  async search(actor: Actor, query: AuditQuery): Promise<AuditPage> {
    const now = Date.now();
    const to = query.to ? Date.parse(query.to) : now;
    const from = query.from ? Date.parse(query.from) : to - DAY_MS;
    if (from >= to) throw invalid('AUDIT_WINDOW_EMPTY', '起始时间应早于截止时间', [{ field: 'from', problem: '起始时间不早于截止时间' }]);
    if (to - from > MAX_WINDOW_DAYS * DAY_MS) {
      throw invalid('AUDIT_WINDOW_TOO_LONG', `一次最多查询 ${MAX_WINDOW_DAYS} 天的审计日志，请缩短时间范围`, [{ field: 'from', problem: `超过 ${MAX_WINDOW_DAYS} 天` }]);
    }
    const limit = query.limit ?? 100;
    const where = ['a.at >= ?', 'a.at < ?'];
    const params: SqlValue[] = [from, to];
    const filter = (condition: string, value: SqlValue | undefined) => {
      if (value === undefined) return;
      where.push(condition);
      params.push(value);
    };
    filter('a.seq < ?', query.before);
    filter('a.actor_id = ?', query.actorId);
    filter('a.action = ?', query.action);
    filter('a.subject_id = ?', query.subjectId);
    if (actor.role !== 'SYSTEM_ADMIN') where.push(`a.actor_role IN (${POLICE_ROLES.map((r) => `'${r}'`).join(', ')})`);
    const rows = await this.sql.all<AuditRow>(
      `SELECT a.seq, a.at, a.actor_id, s.username AS actor_username, a.actor_role, a.action, a.subject_type, a.subject_id, a.ip, a.detail
       FROM audit_entries a LEFT JOIN staff s ON s.id = a.actor_id
       WHERE ${where.join(' AND ')} ORDER BY a.seq DESC LIMIT ?`,
      [...params, limit + 1],
    );
    const items = rows.slice(0, limit).map(toView);
    await this.record(actor, {
      action: 'audit.read',
      detail: { from: iso(from), to: iso(to), actorId: query.actorId, action: query.action, subjectId: query.subjectId, count: items.length },
    });
    return { items, nextBefore: rows.length > limit ? items[items.length - 1].seq : null };
  }
}

function toView(row: AuditRow): AuditEntryView {
  return {
    seq: Number(row.seq), at: iso(Number(row.at)), actorId: row.actor_id, actorUsername: row.actor_username, actorRole: row.actor_role,
    action: row.action, subjectType: row.subject_type, subjectId: row.subject_id, ip: row.ip,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
  };
}
