import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

// The one audit action anything looks up at run time: the login limit counts failures by the
// username's keyed hash and by address. Spelled out here, as in the queries, because only a
// constant in the query lets either database use a partial index.
const LOGIN_FAILED = `action = 'auth.login_failed'`;

const loginFailuresBy = (column: 'subject_id' | 'ip'): TableIndex =>
  new TableIndex({ name: `ix_audit_entries_login_failed_${column}`, columnNames: [column, 'at'], where: LOGIN_FAILED });

const general = (columns: string[]): TableIndex => new TableIndex({ name: `ix_audit_entries_${columns.join('_')}`, columnNames: columns });

/**
 * Every opening writes an audit entry, and each index of the audit log is one more page written
 * per opening: (actor_id, at) and (action, subject_id, at) each put it on a page of their own
 * (one per teller, one per random subject id). Nothing on a request path reads them but the
 * login limit, which now has partial indexes holding login failures only. An auditor's question
 * ("what did this account do last week") reads the week through an index on `at`, which grows
 * at its end like the log itself: every entry of a commit lands on the same last page.
 */
export class LeanAuditIndexes1764340000000 implements MigrationInterface {
  name = 'LeanAuditIndexes1764340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.dropIndex('audit_entries', 'ix_audit_entries_actor_id_at');
    await q.dropIndex('audit_entries', 'ix_audit_entries_action_subject_id_at');
    await q.createIndex('audit_entries', loginFailuresBy('subject_id'));
    await q.createIndex('audit_entries', loginFailuresBy('ip'));
    await q.createIndex('audit_entries', general(['at']));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('audit_entries', 'ix_audit_entries_at');
    await q.dropIndex('audit_entries', 'ix_audit_entries_login_failed_ip');
    await q.dropIndex('audit_entries', 'ix_audit_entries_login_failed_subject_id');
    await q.createIndex('audit_entries', general(['action', 'subject_id', 'at']));
    await q.createIndex('audit_entries', general(['actor_id', 'at']));
  }
}
