import { Table, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

const id = (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: '36', isPrimary: true });
const ref = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
const text = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const blob = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'bigint', isNullable: nullable });
const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
const serial = (name: string): TableColumnOptions => ({ name, type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' });
const index = (table: string, columns: string[], unique = false): TableIndex =>
  new TableIndex({ name: `ix_${table}_${columns.join('_')}`, columnNames: columns, isUnique: unique });

/** Rule versions, watchlists, alerts and the closed loop's action log. */
export class RiskAndAlerts1764330000000 implements MigrationInterface {
  name = 'RiskAndAlerts1764330000000';

  async up(q: QueryRunner): Promise<void> {
    // Every change of a rule is a new row: the history is the table. The highest version is live.
    await q.createTable(new Table({
      name: 'rule_versions',
      columns: [
        { ...text('code', 32), isPrimary: true }, { ...int('version'), isPrimary: true }, { name: 'enabled', type: 'boolean' },
        blob('params'), ref('author_id', true), time('created_at'), text('note', 200, true),
      ],
    }));
    await q.createTable(new Table({
      name: 'watchlist_entries',
      columns: [
        id(), text('kind', 16), text('target', 8), text('value_hash', 44), blob('value_enc'), text('reason', 200),
        ref('added_by', true), time('added_at'), time('expires_at', true), time('removed_at', true), ref('removed_by', true),
      ],
      indices: [index('watchlist_entries', ['value_hash', 'kind'])],
    }));
    await q.createTable(new Table({
      name: 'alerts',
      columns: [
        id(), text('kind', 12), text('level', 8), text('status', 12), text('rules', 255), text('title', 200),
        ref('owner_unit_id'), ref('assignee_id', true), text('area_code', 12), ref('branch_id'), ref('institution_id'),
        ref('person_id', true), ref('opening_id', true), text('group_key', 120, true), blob('hits'),
        time('created_at'), time('updated_at'), time('accept_due_at', true), time('dispose_due_at', true),
        int('escalations'), text('disposition', 24, true), text('label', 16, true), time('closed_at', true),
      ],
      foreignKeys: [{ columnNames: ['owner_unit_id'], referencedTableName: 'police_units', referencedColumnNames: ['id'] }],
      indices: [
        index('alerts', ['owner_unit_id', 'status']), index('alerts', ['status', 'accept_due_at']), index('alerts', ['status', 'dispose_due_at']),
        index('alerts', ['group_key', 'created_at']), index('alerts', ['created_at']), index('alerts', ['institution_id', 'created_at']),
        index('alerts', ['opening_id']),
      ],
    }));
    await q.createTable(new Table({
      name: 'alert_members',
      columns: [{ ...ref('alert_id'), isPrimary: true }, { ...ref('opening_id'), isPrimary: true }, ref('person_id'), time('added_at')],
      foreignKeys: [{ columnNames: ['alert_id'], referencedTableName: 'alerts', referencedColumnNames: ['id'] }],
      indices: [index('alert_members', ['person_id'])],
    }));
    // The closed loop, step by step; its seq is also the id of the live event that announced it.
    await q.createTable(new Table({
      name: 'alert_actions',
      columns: [
        serial('seq'), ref('alert_id'), time('at'), ref('actor_id', true), ref('unit_id', true), text('action', 16),
        text('from_status', 12, true), text('to_status', 12, true), text('outcome', 24, true), text('note', 500, true),
        ref('owner_unit_id'), text('area_code', 12),
      ],
      foreignKeys: [{ columnNames: ['alert_id'], referencedTableName: 'alerts', referencedColumnNames: ['id'] }],
      indices: [index('alert_actions', ['alert_id', 'seq']), index('alert_actions', ['at'])],
    }));
    // Closed-loop deadlines per alert level, set by the squad; like rules, every change is a new version.
    await q.createTable(new Table({
      name: 'alert_policies',
      columns: [serial('version'), blob('deadlines'), ref('author_id', true), time('created_at'), text('note', 200, true)],
    }));
    // Outbox of WeChat subscribe messages: written with the alert change, sent and retried by a worker.
    await q.createTable(new Table({
      name: 'notifications',
      columns: [
        id(), ref('alert_id'), int('action_seq'), ref('staff_id'), text('status', 12), int('attempts'), time('next_attempt_at'),
        time('claimed_until', true), text('last_error', 200, true), time('created_at'), time('sent_at', true),
      ],
      indices: [index('notifications', ['status', 'next_attempt_at']), index('notifications', ['alert_id'])],
    }));
    // Each verdict keeps the versions of the rules it ran with.
    await q.query(`ALTER TABLE bank_openings ADD COLUMN rule_versions text`);
    await q.query(`ALTER TABLE sim_registrations ADD COLUMN rule_versions text`);
    // The branch-spike watch and the statistics scan openings by time across all branches.
    await q.createIndex('bank_openings', index('bank_openings', ['opened_at']));
    await q.createIndex('sim_registrations', index('sim_registrations', ['opened_at']));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('sim_registrations', 'ix_sim_registrations_opened_at');
    await q.dropIndex('bank_openings', 'ix_bank_openings_opened_at');
    await q.dropColumn('sim_registrations', 'rule_versions');
    await q.dropColumn('bank_openings', 'rule_versions');
    for (const table of ['notifications', 'alert_policies', 'alert_actions', 'alert_members', 'alerts', 'watchlist_entries', 'rule_versions']) await q.dropTable(table);
  }
}
