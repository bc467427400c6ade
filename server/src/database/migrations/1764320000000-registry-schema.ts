import { Table, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

// Column shorthands that read the same on SQLite and PostgreSQL. Times are epoch milliseconds.
const id = (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true });
const ref = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
const text = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const blob = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'bigint', isNullable: nullable });
// Keyed hashes (HMAC-SHA256, base64url) for lookups; ciphertexts (AES-256-GCM) for the values.
const hash = (name: string, nullable = false): TableColumnOptions => text(name, 44, nullable);

const index = (table: string, columns: string[], unique = false): TableIndex =>
  new TableIndex({ name: `ix_${table}_${columns.join('_')}`, columnNames: columns, isUnique: unique });
// Most openings have no companion: indexing only those that do keeps one B-tree page out of every
// opening's write. `companion_phone_hash = ?` implies IS NOT NULL, so both databases use it.
const companionIndex = (table: string): TableIndex =>
  new TableIndex({ name: `ix_${table}_companion_phone_hash_branch_id_opened_at`, columnNames: ['companion_phone_hash', 'branch_id', 'opened_at'], where: 'companion_phone_hash IS NOT NULL' });

export class RegistrySchema1764320000000 implements MigrationInterface {
  name = 'RegistrySchema1764320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'institutions',
      columns: [id(), text('code', 16), text('name', 64), text('kind', 8), time('created_at')],
      indices: [index('institutions', ['code'], true)],
    }));
    await q.createTable(new Table({
      name: 'branches',
      columns: [id(), ref('institution_id'), text('code', 32), text('name', 128), text('area_code', 12), text('address', 255, true), time('created_at')],
      foreignKeys: [{ columnNames: ['institution_id'], referencedTableName: 'institutions', referencedColumnNames: ['id'] }],
      indices: [index('branches', ['code'], true), index('branches', ['institution_id']), index('branches', ['area_code'])],
    }));
    await q.createTable(new Table({
      name: 'police_units',
      columns: [id(), ref('parent_id', true), text('code', 32), text('name', 128), text('level', 12), time('created_at')],
      foreignKeys: [{ columnNames: ['parent_id'], referencedTableName: 'police_units', referencedColumnNames: ['id'] }],
      indices: [index('police_units', ['code'], true), index('police_units', ['parent_id'])],
    }));
    // A unit owns area-code prefixes: '2301' the city, '230102' a district, '230102003' a street.
    await q.createTable(new Table({
      name: 'police_unit_areas',
      columns: [{ ...ref('unit_id'), isPrimary: true }, { ...text('area_prefix', 12), isPrimary: true }],
      foreignKeys: [{ columnNames: ['unit_id'], referencedTableName: 'police_units', referencedColumnNames: ['id'] }],
      indices: [index('police_unit_areas', ['area_prefix'])],
    }));
    await q.createTable(new Table({
      name: 'staff',
      columns: [
        id(), text('username', 64), text('display_name', 64), text('role', 24), text('password_hash', 160),
        ref('institution_id', true), ref('branch_id', true), ref('police_unit_id', true),
        text('wechat_openid', 64, true), { name: 'active', type: 'boolean', default: true }, time('created_at'),
      ],
      foreignKeys: [
        { columnNames: ['institution_id'], referencedTableName: 'institutions', referencedColumnNames: ['id'] },
        { columnNames: ['branch_id'], referencedTableName: 'branches', referencedColumnNames: ['id'] },
        { columnNames: ['police_unit_id'], referencedTableName: 'police_units', referencedColumnNames: ['id'] },
      ],
      indices: [index('staff', ['username'], true), index('staff', ['wechat_openid'], true), index('staff', ['branch_id'])],
    }));
    await q.createTable(new Table({
      name: 'persons',
      columns: [
        id(), hash('id_hash'), blob('id_enc'), blob('name_enc'), text('birth_date', 10), text('sex', 1),
        text('region_code', 6), time('created_at'), time('updated_at'),
      ],
      indices: [index('persons', ['id_hash'], true)],
    }));
    const opening = (kind: 'bank' | 'sim'): TableColumnOptions[] => [
      id(), ref('person_id'), ref('branch_id'), ref('institution_id'), text('area_code', 12), ref('teller_id'),
      text('purpose', 24, kind === 'sim'), text('companion_relation', 16), blob('companion_name_enc', true),
      hash('companion_phone_hash', true), blob('companion_phone_enc', true),
      time('opened_at'), time('created_at'), text('verdict', 8), blob('hits'), text('request_hash', 44),
      text('outcome', 12, true), time('outcome_at', true), ref('outcome_by', true), time('cancelled_at', true),
    ];
    await q.createTable(new Table({
      name: 'bank_openings',
      columns: [
        ...opening('bank'), text('account_class', 3), hash('card_hash'), blob('card_enc'), text('card_last4', 4),
        text('card_issuer', 16, true), hash('phone_hash'), blob('phone_enc'),
      ],
      foreignKeys: openingKeys(),
      indices: [
        // Hash lookups carry the branch and time too: the escort rule asks "this phone, this branch,
        // these two hours", and a busy branch's hour must never be scanned for it.
        // Every index is a page written per opening, so each one here serves a query. None on
        // area_code: scopes filter it with LIKE on a parameter, which no index serves on either
        // database; the day's opened_at range (indexed below) is what those lists scan.
        index('bank_openings', ['person_id', 'opened_at']), index('bank_openings', ['phone_hash', 'branch_id', 'opened_at']),
        index('bank_openings', ['branch_id', 'opened_at']), companionIndex('bank_openings'),
        index('bank_openings', ['institution_id', 'opened_at']),
      ],
    }));
    await q.createTable(new Table({
      name: 'sim_registrations',
      columns: [...opening('sim'), hash('number_hash'), blob('number_enc'), text('carrier', 8), text('card_kind', 12)],
      foreignKeys: openingKeys(),
      indices: [
        index('sim_registrations', ['person_id', 'opened_at']), index('sim_registrations', ['number_hash', 'branch_id', 'opened_at']),
        index('sim_registrations', ['branch_id', 'opened_at']), companionIndex('sim_registrations'),
        index('sim_registrations', ['institution_id', 'opened_at']),
      ],
    }));
    await q.createTable(new Table({
      name: 'cancellations',
      columns: [
        id(), text('kind', 8), ref('opening_id'), ref('person_id'), time('cancelled_at'), text('reason', 255),
        ref('recorded_by'), ref('branch_id'), time('created_at'), text('request_hash', 44),
      ],
      indices: [index('cancellations', ['opening_id'], true), index('cancellations', ['person_id', 'cancelled_at'])],
    }));
    await q.createTable(new Table({
      name: 'audit_entries',
      columns: [
        { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        time('at'), ref('actor_id', true), text('actor_role', 24, true), text('action', 64),
        text('subject_type', 32, true), text('subject_id', 64, true), text('ip', 64, true), blob('detail', true),
      ],
      indices: [index('audit_entries', ['actor_id', 'at']), index('audit_entries', ['action', 'subject_id', 'at'])],
    }));
    // The audit log is append-only, enforced by the database itself, not only by the code.
    if (q.connection.options.type === 'postgres') {
      await q.query(`CREATE FUNCTION audit_entries_append_only() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'audit_entries is append-only'; END; $$ LANGUAGE plpgsql`);
      await q.query(`CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
        FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()`);
    } else {
      await q.query(`CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
        BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END`);
      await q.query(`CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
        BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') {
      await q.query('DROP TRIGGER IF EXISTS audit_entries_no_change ON audit_entries');
      await q.query('DROP FUNCTION IF EXISTS audit_entries_append_only()');
    }
    for (const table of ['audit_entries', 'cancellations', 'sim_registrations', 'bank_openings', 'persons', 'staff', 'police_unit_areas', 'police_units', 'branches', 'institutions']) {
      await q.dropTable(table);
    }
  }
}

function openingKeys() {
  return [
    { columnNames: ['person_id'], referencedTableName: 'persons', referencedColumnNames: ['id'] },
    { columnNames: ['branch_id'], referencedTableName: 'branches', referencedColumnNames: ['id'] },
    { columnNames: ['teller_id'], referencedTableName: 'staff', referencedColumnNames: ['id'] },
  ];
}
