import { Inject, Injectable } from '@nestjs/common';
import type { AccountClass, AlertStatus, CarrierCode, Disposition, CompanionRelation, OpeningPurpose, Outcome, RuleHit, SimCardKind, Verdict } from '@duanka/shared';
import { SQL } from '../../database/database.module';
import type { Sql, SqlValue } from '../../database/sql';

export type OpeningKind = 'BANK' | 'SIM';

export interface PersonRow {
  id: string;
  id_hash: string;
  id_enc: string;
  name_enc: string;
  birth_date: string;
  sex: 'M' | 'F';
  region_code: string;
}

/** Columns both kinds of opening share. */
export interface OpeningRowBase {
  id: string;
  person_id: string;
  branch_id: string;
  institution_id: string;
  area_code: string;
  teller_id: string;
  purpose: OpeningPurpose | null;
  companion_relation: CompanionRelation;
  companion_name_enc: string | null;
  companion_phone_hash: string | null;
  companion_phone_enc: string | null;
  opened_at: number;
  created_at: number;
  verdict: Verdict;
  hits: string;
  /** rule code → version, as JSON: which rule set judged this opening. */
  rule_versions: string | null;
  request_hash: string;
  outcome: Outcome | null;
  outcome_at: number | null;
  outcome_by: string | null;
  cancelled_at: number | null;
}

export interface BankOpeningRow extends OpeningRowBase {
  account_class: AccountClass;
  card_hash: string;
  card_enc: string;
  card_last4: string;
  card_issuer: string | null;
  phone_hash: string;
  phone_enc: string;
}

export interface SimRegistrationRow extends OpeningRowBase {
  number_hash: string;
  number_enc: string;
  carrier: CarrierCode;
  card_kind: SimCardKind;
}

export interface OpeningAlert {
  id: string;
  status: AlertStatus;
  disposition: Disposition | null;
}

export type OpeningRow = ({ kind: 'BANK' } & BankOpeningRow) | ({ kind: 'SIM' } & SimRegistrationRow);

/** Which rows of a list the caller may see. */
export type OpeningScope =
  | { by: 'branch'; branchId: string }
  | { by: 'institution'; institutionId: string }
  | { by: 'area'; prefixes: readonly string[] };

const TABLE: Record<OpeningKind, string> = { BANK: 'bank_openings', SIM: 'sim_registrations' };

const BASE_COLUMNS = [
  'id', 'person_id', 'branch_id', 'institution_id', 'area_code', 'teller_id', 'purpose', 'companion_relation',
  'companion_name_enc', 'companion_phone_hash', 'companion_phone_enc', 'opened_at', 'created_at', 'verdict', 'hits',
  'rule_versions', 'request_hash', 'outcome', 'outcome_at', 'outcome_by', 'cancelled_at',
] as const;
const BANK_COLUMNS = [...BASE_COLUMNS, 'account_class', 'card_hash', 'card_enc', 'card_last4', 'card_issuer', 'phone_hash', 'phone_enc'] as const;
const SIM_COLUMNS = [...BASE_COLUMNS, 'number_hash', 'number_enc', 'carrier', 'card_kind'] as const;

const insertSql = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
const BANK_INSERT = insertSql('bank_openings', BANK_COLUMNS);
const SIM_INSERT = insertSql('sim_registrations', SIM_COLUMNS);

/** The two-card database: people, openings and cancellations. */
@Injectable()
export class RegistryRepository {
  constructor(@Inject(SQL) private readonly sql: Sql) {}

  personByHash(idHash: string, tx: Sql = this.sql): Promise<PersonRow | undefined> {
    return tx.get<PersonRow>('SELECT id, id_hash, id_enc, name_enc, birth_date, sex, region_code FROM persons WHERE id_hash = ?', [idHash]);
  }

  personById(id: string, via: Sql = this.sql): Promise<PersonRow | undefined> {
    return via.get<PersonRow>('SELECT id, id_hash, id_enc, name_enc, birth_date, sex, region_code FROM persons WHERE id = ?', [id]);
  }

  /** Inserts the person unless one with this ID is already known; true when it did. */
  async insertPersonIfNew(tx: Sql, person: PersonRow, at: number): Promise<boolean> {
    const inserted = await tx.run(
      `INSERT INTO persons (id, id_hash, id_enc, name_enc, birth_date, sex, region_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id_hash) DO NOTHING`,
      [person.id, person.id_hash, person.id_enc, person.name_enc, person.birth_date, person.sex, person.region_code, at, at],
    );
    return inserted > 0;
  }

  async renamePerson(tx: Sql, personId: string, nameEnc: string, at: number): Promise<void> {
    await tx.run('UPDATE persons SET name_enc = ?, updated_at = ? WHERE id = ?', [nameEnc, at, personId]);
  }

  async insertBank(tx: Sql, row: BankOpeningRow): Promise<void> {
    await tx.run(BANK_INSERT, BANK_COLUMNS.map((c) => row[c] as SqlValue));
  }

  async insertSim(tx: Sql, row: SimRegistrationRow): Promise<void> {
    await tx.run(SIM_INSERT, SIM_COLUMNS.map((c) => row[c] as SqlValue));
  }

  async findOpening(id: string, tx: Sql = this.sql): Promise<OpeningRow | undefined> {
    const bank = await tx.get<BankOpeningRow>(`SELECT ${BANK_COLUMNS.join(', ')} FROM bank_openings WHERE id = ?`, [id]);
    if (bank) return { kind: 'BANK', ...bank };
    const sim = await tx.get<SimRegistrationRow>(`SELECT ${SIM_COLUMNS.join(', ')} FROM sim_registrations WHERE id = ?`, [id]);
    return sim && { kind: 'SIM', ...sim };
  }

  async findOpeningOfKind(tx: Sql, kind: OpeningKind, id: string): Promise<OpeningRow | undefined> {
    if (kind === 'BANK') {
      const row = await tx.get<BankOpeningRow>(`SELECT ${BANK_COLUMNS.join(', ')} FROM bank_openings WHERE id = ?`, [id]);
      return row && { kind, ...row };
    }
    const row = await tx.get<SimRegistrationRow>(`SELECT ${SIM_COLUMNS.join(', ')} FROM sim_registrations WHERE id = ?`, [id]);
    return row && { kind, ...row };
  }

  /** Records the teller's outcome once; false when another outcome was already recorded. */
  async setOutcome(tx: Sql, kind: OpeningKind, id: string, outcome: Outcome, by: string, at: number): Promise<boolean> {
    const changed = await tx.run(
      `UPDATE ${TABLE[kind]} SET outcome = ?, outcome_at = ?, outcome_by = ? WHERE id = ? AND (outcome IS NULL OR outcome = ?)`,
      [outcome, at, by, id, outcome],
    );
    return changed > 0;
  }

  async markCancelled(tx: Sql, kind: OpeningKind, id: string, at: number): Promise<void> {
    await tx.run(`UPDATE ${TABLE[kind]} SET cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL`, [at, id]);
  }

  cancellation(tx: Sql, id: string): Promise<{ id: string; opening_id: string; request_hash: string; cancelled_at: number } | undefined> {
    return tx.get('SELECT id, opening_id, request_hash, cancelled_at FROM cancellations WHERE id = ?', [id]);
  }

  async insertCancellation(tx: Sql, row: { id: string; kind: OpeningKind; openingId: string; personId: string; cancelledAt: number; reason: string; recordedBy: string; branchId: string; requestHash: string; at: number }): Promise<void> {
    await tx.run(
      `INSERT INTO cancellations (id, kind, opening_id, person_id, cancelled_at, reason, recorded_by, branch_id, created_at, request_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.id, row.kind, row.openingId, row.personId, row.cancelledAt, row.reason, row.recordedBy, row.branchId, row.at, row.requestHash],
    );
  }

  /** Openings of one day, in the caller's scope, newest first. */
  async listDay(scope: OpeningScope, from: number, to: number, kind?: OpeningKind, limit = 500): Promise<OpeningRow[]> {
    const kinds: OpeningKind[] = kind ? [kind] : ['BANK', 'SIM'];
    const rows: OpeningRow[] = [];
    for (const k of kinds) {
      const [where, params] = scopeFilter(scope);
      const columns = (k === 'BANK' ? BANK_COLUMNS : SIM_COLUMNS).join(', ');
      const found = await this.sql.all<BankOpeningRow & SimRegistrationRow>(
        `SELECT ${columns} FROM ${TABLE[k]} WHERE ${where} AND opened_at >= ? AND opened_at < ? ORDER BY opened_at DESC LIMIT ?`,
        [...params, from, to, limit],
      );
      rows.push(...found.map((r) => ({ kind: k, ...r }) as OpeningRow));
    }
    return rows.sort((a, b) => b.opened_at - a.opened_at).slice(0, limit);
  }

  /** A person's whole city-wide history, both kinds, newest first. */
  async personOpenings(personId: string): Promise<OpeningRow[]> {
    const bank = await this.sql.all<BankOpeningRow>(`SELECT ${BANK_COLUMNS.join(', ')} FROM bank_openings WHERE person_id = ?`, [personId]);
    const sim = await this.sql.all<SimRegistrationRow>(`SELECT ${SIM_COLUMNS.join(', ')} FROM sim_registrations WHERE person_id = ?`, [personId]);
    return [...bank.map((r) => ({ kind: 'BANK' as const, ...r })), ...sim.map((r) => ({ kind: 'SIM' as const, ...r }))]
      .sort((a, b) => b.opened_at - a.opened_at);
  }

  /** The alert each opening is part of (as its subject or a group member): the police feedback a teller sees. */
  async alertsOf(openingIds: readonly string[]): Promise<Map<string, OpeningAlert>> {
    if (openingIds.length === 0) return new Map();
    const rows = await this.sql.all<OpeningAlert & { opening_id: string }>(
      `SELECT m.opening_id, a.id, a.status, a.disposition FROM alert_members m JOIN alerts a ON a.id = m.alert_id
       WHERE m.opening_id IN (${openingIds.map(() => '?').join(', ')})`,
      [...openingIds],
    );
    return new Map(rows.map((r) => [r.opening_id, { id: r.id, status: r.status, disposition: r.disposition }]));
  }

  personCancellations(personId: string): Promise<{ id: string; kind: OpeningKind; opening_id: string; cancelled_at: number; reason: string }[]> {
    return this.sql.all('SELECT id, kind, opening_id, cancelled_at, reason FROM cancellations WHERE person_id = ? ORDER BY cancelled_at DESC', [personId]);
  }
}

function scopeFilter(scope: OpeningScope): [string, SqlValue[]] {
  switch (scope.by) {
    case 'branch':
      return ['branch_id = ?', [scope.branchId]];
    case 'institution':
      return ['institution_id = ?', [scope.institutionId]];
    case 'area': {
      if (scope.prefixes.length === 0) return ['1 = 0', []];
      return [`(${scope.prefixes.map(() => "area_code LIKE ? || '%'").join(' OR ')})`, [...scope.prefixes]];
    }
  }
}

export function parseHits(json: string): RuleHit[] {
  return JSON.parse(json) as RuleHit[];
}
