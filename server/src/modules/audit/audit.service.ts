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

  /** Failed logins for a username or from an address since a time: what the login limit counts. */
  async countSince(action: string, since: number, by: { subjectId?: string; ip?: string }): Promise<number> {
    const row = by.subjectId !== undefined
      ? await this.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_entries WHERE action = ? AND subject_id = ? AND at > ?', [action, by.subjectId, since])
      : await this.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_entries WHERE action = ? AND ip = ? AND at > ?', [action, by.ip ?? '', since]);
    return Number(row?.n ?? 0);
  }
}
