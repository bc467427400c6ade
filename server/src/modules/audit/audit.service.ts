import { Inject, Injectable } from '@nestjs/common';
import { SQL } from '../../database/database.module';
import type { Sql } from '../../database/sql';
import type { Actor } from '../auth/actor';

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
}
