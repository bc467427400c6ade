import type { CompanionRelation, Outcome, RuleHit, Verdict } from '@duanka/shared';
import type { Database } from '../database/database';
import type { Sql, SqlValue } from '../database/sql';
import type { ActiveRule } from '../modules/risk/rule-book';
import type { Assessment } from '../modules/risk/risk.types';
import type { VaultService } from '../modules/vault/vault.service';
import { BulkInsert } from './bulk-insert';
import { CityClock, MINUTE } from './city-clock';
import {
  CityPlanner, PLANTED_LEVEL, type CityPlan, type OrgBranch, type OrgSnapshot, type PlannedOpening, type PlannedPerson, type PlantedKind,
} from './city-plan';
import { HistoryJudge, type JudgedOpening } from './history-judge';
import { NumberMint } from './identities';
import { Prng } from './prng';
import { progressBar, type ProgressSink } from './progress';

export interface SyntheticCityOptions {
  /** People in the history (planted patterns included). */
  people: number;
  /** Days of history, ending today (at least 30, so that every pattern fits). */
  days: number;
  /** Same seed + same `now` + same starting database → the same city. */
  seed: number | string;
  /** End of the history (epoch ms); defaults to the current time. */
  now?: number;
  /** Cases of each planted pattern; defaults to one per 5,000 people, at least 2. */
  plantedPerKind?: number;
  /** Judge every opening with the real rules as of its time (default true); else all PASS. */
  judge?: boolean;
  /** The rule set to judge with; defaults to every counter rule's defaults. */
  rules?: readonly ActiveRule[];
  /** Progress bar on stderr: defaults to on when stderr is a terminal. */
  progress?: boolean;
  progressSink?: ProgressSink;
  /** Openings per transaction (default 50,000 on SQLite, 10,000 on PostgreSQL) and rows per INSERT statement (default 500). */
  chunkRows?: number;
  rowsPerStatement?: number;
  /**
   * Called inside each chunk's transaction, in time order, for every opening judged VERIFY or STOP,
   * after the chunk's rows are written: the seed uses it to raise the police alerts.
   */
  onFlagged?: (tx: Sql, flagged: FlaggedOpening) => Promise<void>;
}

/** A VERIFY/STOP opening of the history, as the alert side needs it. */
export interface FlaggedOpening {
  id: string;
  kind: 'BANK' | 'SIM';
  at: number;
  personId: string;
  branch: OrgBranch;
  subject: JudgedOpening;
  assessment: Assessment;
}

/** One planted card-farmer pattern: which rule it is built to trip, and where it is in the data. */
export interface PlantedCase {
  /** 'ESCORT_GROUP-1' */
  id: string;
  /** The rule code the pattern trips (DESIGN §5). */
  kind: PlantedKind;
  /** The level that rule gives at the trigger openings. */
  level: Verdict;
  description: string;
  personIds: string[];
  /** Every opening of the pattern, oldest first. */
  openingIds: string[];
  /** The openings at which `kind` fires (the third member of a group, the new card after a churn...). */
  triggerIds: string[];
  branchIds: string[];
  from: number;
  to: number;
  /** Keyed hash of the phone several people reserved (SHARED_PHONE), or of the listed phone (FRAUD_LINKED). */
  sharedPhoneHash?: string;
  /** Keyed hash of the escort's phone (ESCORT_GROUP). */
  companionPhoneHash?: string;
  /** When judged: whether `kind` fired at every trigger opening. */
  confirmed: boolean | null;
}

export interface SyntheticCityResult {
  seed: string;
  from: number;
  to: number;
  persons: number;
  bankOpenings: number;
  simRegistrations: number;
  cancellations: number;
  watchlistEntries: number;
  verdicts: Record<Verdict, number>;
  planted: PlantedCase[];
  ms: number;
  /** Rows of every table written per second. */
  rowsPerSecond: number;
}

const BASE_COLUMNS = [
  'id', 'person_id', 'branch_id', 'institution_id', 'area_code', 'teller_id', 'purpose', 'companion_relation',
  'companion_name_enc', 'companion_phone_hash', 'companion_phone_enc', 'opened_at', 'created_at', 'verdict', 'hits',
  'rule_versions', 'request_hash', 'outcome', 'outcome_at', 'outcome_by', 'cancelled_at',
] as const;
const BANK_COLUMNS = [...BASE_COLUMNS, 'account_class', 'card_hash', 'card_enc', 'card_last4', 'card_issuer', 'phone_hash', 'phone_enc'];
const SIM_COLUMNS = [...BASE_COLUMNS, 'number_hash', 'number_enc', 'carrier', 'card_kind'];
const PERSON_COLUMNS = ['id', 'id_hash', 'id_enc', 'name_enc', 'birth_date', 'sex', 'region_code', 'created_at', 'updated_at'];
const CANCELLATION_COLUMNS = ['id', 'kind', 'opening_id', 'person_id', 'cancelled_at', 'reason', 'recorded_by', 'branch_id', 'created_at', 'request_hash'];
const WATCHLIST_COLUMNS = ['id', 'kind', 'target', 'value_hash', 'value_enc', 'reason', 'added_by', 'added_at', 'expires_at', 'removed_at', 'removed_by'];

const ISSUED: Outcome = 'ISSUED';
const REFUSED: Outcome = 'REFUSED';
const REFERRED: Outcome = 'REFERRED';
const NO_COMPANION: CompanionRelation = 'NONE';

/** The branches (with their teller) of whatever city is in the database, in a stable order. */
export async function loadOrgSnapshot(sql: Sql): Promise<OrgSnapshot> {
  const rows = await sql.all<{
    id: string; code: string; name: string; area_code: string; institution_id: string; institution_code: string;
    institution_name: string; kind: 'BANK' | 'CARRIER'; teller_id: string | null;
  }>(
    `SELECT b.id, b.code, b.name, b.area_code, b.institution_id, i.code AS institution_code, i.name AS institution_name, i.kind,
       (SELECT s.id FROM staff s WHERE s.branch_id = b.id AND s.role = 'TELLER' ORDER BY s.username LIMIT 1) AS teller_id
     FROM branches b JOIN institutions i ON i.id = b.institution_id ORDER BY b.code`,
  );
  const branches: OrgBranch[] = rows.filter((r) => r.teller_id).map((r) => ({
    id: r.id, code: r.code, name: r.name, institutionId: r.institution_id, institutionCode: r.institution_code,
    institutionName: r.institution_name, kind: r.kind, areaCode: r.area_code, districtCode: r.area_code.slice(0, 6), tellerId: r.teller_id!,
  }));
  const squad = await sql.get<{ id: string }>("SELECT id FROM staff WHERE role = 'SQUAD_ADMIN' ORDER BY username LIMIT 1");
  return { banks: branches.filter((b) => b.kind === 'BANK'), carriers: branches.filter((b) => b.kind === 'CARRIER'), squadStaffId: squad?.id ?? null };
}

/**
 * Writes a synthetic history of the city into the database: people, bank openings, SIM
 * registrations, cancellations and watchlist entries, with planted card-farmer patterns. Personal
 * data goes through the real vault (ciphertexts and keyed hashes only). Deterministic for a seed,
 * a `now` and a starting database; on a database that already has openings, the seed is mixed with
 * their count, so that running it again adds new people instead of colliding with the old ones.
 */
export async function generateSyntheticCity(db: Database, vault: VaultService, options: SyntheticCityOptions): Promise<SyntheticCityResult> {
  const started = Date.now();
  const sql = db.sql;
  if (!Number.isInteger(options.people) || options.people < 1) throw new Error('people must be a positive integer');
  if (!Number.isInteger(options.days) || options.days < 30) throw new Error('days must be an integer of at least 30');
  const now = options.now ?? Date.now();
  const org = await loadOrgSnapshot(sql);
  const existing = await count(sql, 'bank_openings') + await count(sql, 'sim_registrations');
  const seed = existing === 0 ? String(options.seed) : `${options.seed}+${existing}`;
  const existingIds = await count(sql, 'persons') > 0
    ? new Set((await sql.all<{ id_hash: string }>('SELECT id_hash FROM persons')).map((r) => r.id_hash))
    : undefined;

  const prng = new Prng(seed);
  const clock = new CityClock(now, options.days);
  const planner = new CityPlanner(org, clock, new NumberMint(prng.fork('numbers')),
    existingIds ? (id) => existingIds.has(vault.hash('id', id)) : undefined);
  const plantedPerKind = options.plantedPerKind ?? Math.max(2, Math.round(options.people / 5000));
  const showProgress = options.progress ?? Boolean(process.stderr.isTTY);
  if (showProgress) (options.progressSink ?? process.stderr).write(`合成城市：规划 ${options.people.toLocaleString('en-US')} 人 ${options.days} 天的开户历史…\n`);
  const plan = planner.plan(prng.fork('plan'), { people: options.people, plantedPerKind });
  assignIds(plan, prng.fork('ids'));

  const total = plan.persons.length + plan.openings.length + plan.watchlist.length;
  const progress = progressBar('合成城市', total, showProgress, options.progressSink);
  const writer = new HistoryWriter(sql, vault, org, options, prng.fork('outcomes'));
  let written = 0;
  const { watchlist, outcome } = await withLargeCache(sql, async () => {
    written += await writer.persons(plan, (n) => progress.tick(written + n));
    const entries = await writer.watchlist(plan);
    written += entries.length;
    const judge = options.judge === false ? null : new HistoryJudge(entries, options.rules);
    return { watchlist: entries, outcome: await writer.openings(plan, judge, (n) => progress.tick(written + n)) };
  });
  progress.finish();

  const planted = plantedCases(plan, vault, options.judge === false ? null : outcome.hits);
  const ms = Date.now() - started;
  const rows = total + outcome.cancellations;
  return {
    seed, from: clock.start, to: now, persons: plan.persons.length,
    bankOpenings: plan.openings.filter((o) => o.kind === 'BANK').length, simRegistrations: plan.openings.filter((o) => o.kind === 'SIM').length,
    cancellations: outcome.cancellations, watchlistEntries: watchlist.length, verdicts: outcome.verdicts, planted, ms,
    rowsPerSecond: Math.round(rows / Math.max(0.001, ms / 1000)),
  };
}

/** Time-ordered ids (UUIDv7 layout) from the seed: people by first opening, openings by time. */
function assignIds(plan: CityPlan, prng: Prng): void {
  for (const person of plan.persons) person.id = prng.uuid7(person.firstAt);
  plan.openings.sort((a, b) => a.at - b.at || a.seq - b.seq);
  for (const opening of plan.openings) opening.id = prng.uuid7(opening.at);
}

interface WrittenWatchlist {
  kind: 'PUNISHED' | 'FRAUD_LINKED' | 'VULNERABLE';
  target: 'PERSON' | 'PHONE' | 'CARD';
  valueHash: string;
  reason: string;
  addedAt: number;
  expiresAt: number | null;
}

/** Seals and writes the plan, chunk by chunk, each chunk one transaction. */
class HistoryWriter {
  private readonly chunkRows: number;
  private readonly bank: BulkInsert;
  private readonly sim: BulkInsert;
  private readonly personInsert: BulkInsert;
  private readonly cancellation: BulkInsert;
  private readonly watch: BulkInsert;
  private readonly phoneHashes = new Map<string, string>();
  private readonly idHashes: string[] = [];

  constructor(
    private readonly sql: Sql,
    private readonly vault: VaultService,
    private readonly org: OrgSnapshot,
    private readonly options: SyntheticCityOptions,
    private readonly prng: Prng,
  ) {
    // Larger transactions on SQLite: an index page dirtied by many rows goes to the WAL once, not each time.
    this.chunkRows = Math.max(100, options.chunkRows ?? (sql.dialect === 'sqlite' ? 50_000 : 10_000));
    const perStatement = options.rowsPerStatement ?? 500;
    this.bank = new BulkInsert('bank_openings', BANK_COLUMNS, perStatement);
    this.sim = new BulkInsert('sim_registrations', SIM_COLUMNS, perStatement);
    this.personInsert = new BulkInsert('persons', PERSON_COLUMNS, perStatement * 2);
    this.cancellation = new BulkInsert('cancellations', CANCELLATION_COLUMNS, perStatement);
    this.watch = new BulkInsert('watchlist_entries', WATCHLIST_COLUMNS, perStatement);
  }

  /** A phone's keyed hash, computed once: a reserved phone shows up on every opening of its owner. */
  private phoneHash(phone: string): string {
    let hash = this.phoneHashes.get(phone);
    if (!hash) {
      hash = this.vault.hash('phone', phone);
      this.phoneHashes.set(phone, hash);
    }
    return hash;
  }

  private idHash(p: PlannedPerson): string {
    return (this.idHashes[p.index] ??= this.vault.hash('id', p.idNumber));
  }

  async persons(plan: CityPlan, tick: (done: number) => void): Promise<number> {
    const people = [...plan.persons].sort((a, b) => a.firstAt - b.firstAt || a.index - b.index);
    for (let start = 0; start < people.length; start += this.chunkRows) {
      const rows = people.slice(start, start + this.chunkRows).map((p) => [
        p.id, this.idHash(p), this.vault.encrypt(p.idNumber), this.vault.encrypt(p.name), p.birthDate, p.sex,
        p.regionCode, p.firstAt, p.firstAt,
      ]);
      await this.sql.transaction((tx) => this.personInsert.write(tx, rows, (n) => tick(start + n)));
    }
    return people.length;
  }

  async watchlist(plan: CityPlan): Promise<WrittenWatchlist[]> {
    const idPrng = this.prng.fork('watchlist');
    const entries = plan.watchlist.map((w) => ({
      id: idPrng.uuid7(w.addedAt), kind: w.kind, target: w.target, reason: w.reason, addedAt: w.addedAt, expiresAt: w.expiresAt,
      valueHash: w.target === 'PERSON' ? this.vault.hash('id', w.value) : w.target === 'PHONE' ? this.phoneHash(w.value) : this.vault.hash('card', w.value),
      valueEnc: this.vault.encrypt(w.value),
    }));
    if (entries.length > 0) {
      await this.sql.transaction((tx) => this.watch.write(tx, entries.map((e) => [
        e.id, e.kind, e.target, e.valueHash, e.valueEnc, e.reason, this.org.squadStaffId, e.addedAt, e.expiresAt, null, null,
      ])));
    }
    return entries;
  }

  async openings(plan: CityPlan, judge: HistoryJudge | null, tick: (done: number) => void) {
    const verdicts: Record<Verdict, number> = { PASS: 0, VERIFY: 0, STOP: 0 };
    const hits = new Map<string, RuleHit[]>();
    let cancellations = 0;
    let inflight: Promise<void> = Promise.resolve();
    for (let start = 0; start < plan.openings.length; start += this.chunkRows) {
      const chunk = plan.openings.slice(start, start + this.chunkRows);
      const bankRows: SqlValue[][] = [];
      const simRows: SqlValue[][] = [];
      const cancelRows: SqlValue[][] = [];
      const flagged: FlaggedOpening[] = [];
      for (const o of chunk) {
        const subject = this.subject(o);
        const assessment: Assessment = judge ? judge.assess(subject) : { verdict: 'PASS', hits: [], ruleVersions: {} };
        const outcome = this.outcome(assessment.verdict);
        // A refused or referred card was never issued, so it is never cancelled either.
        if (outcome !== ISSUED) o.cancel = null;
        subject.cancelAt = o.cancel?.at ?? null;
        judge?.record(subject);
        verdicts[assessment.verdict]++;
        if (o.planted) hits.set(o.id, assessment.hits);
        if (assessment.verdict !== 'PASS') flagged.push({ id: o.id, kind: o.kind, at: o.at, personId: o.person.id, branch: o.branch, subject, assessment });
        const row = this.row(o, subject, assessment, outcome);
        (o.kind === 'BANK' ? bankRows : simRows).push(row);
        if (o.cancel) cancelRows.push(this.cancellationRow(o));
      }
      cancellations += cancelRows.length;
      // Seal the next chunk while this one is being written (PostgreSQL answers asynchronously).
      await inflight;
      inflight = this.sql.transaction(async (tx) => {
        await this.bank.write(tx, bankRows, (n) => tick(start + n));
        await this.sim.write(tx, simRows, (n) => tick(start + bankRows.length + n));
        await this.cancellation.write(tx, cancelRows);
        if (this.options.onFlagged) for (const f of flagged) await this.options.onFlagged(tx, f);
      }).then(() => tick(Math.min(plan.openings.length, start + chunk.length)));
    }
    await inflight;
    return { verdicts, hits, cancellations };
  }

  private subject(o: PlannedOpening): JudgedOpening {
    return {
      id: o.id, kind: o.kind, at: o.at, personId: o.person.id, idHash: this.idHash(o.person),
      birthDate: o.person.birthDate, regionCode: o.person.regionCode, branch: o.branch, phoneHash: this.phoneHash(o.phone),
      cardHash: o.card ? this.vault.hash('card', o.card) : null, accountClass: o.accountClass, carrier: o.carrier, cardKind: o.cardKind,
      companionRelation: o.companion?.relation ?? NO_COMPANION,
      companionPhoneHash: o.companion ? this.phoneHash(o.companion.phone) : null, cancelAt: o.cancel?.at ?? null,
    };
  }

  /** What the teller did: proceed on PASS; on VERIFY usually proceed after asking; on STOP refuse or refer. */
  private outcome(verdict: Verdict): Outcome {
    if (verdict === 'PASS') return ISSUED;
    if (verdict === 'VERIFY') return this.prng.chance(0.7) ? ISSUED : REFUSED;
    return this.prng.chance(0.65) ? REFUSED : REFERRED;
  }

  private row(o: PlannedOpening, s: JudgedOpening, a: Assessment, outcome: Outcome): SqlValue[] {
    const outcomeAt = o.at + this.prng.between(2, 15) * MINUTE;
    const base: SqlValue[] = [
      o.id, o.person.id, o.branch.id, o.branch.institutionId, o.branch.areaCode, o.branch.tellerId, o.purpose, s.companionRelation,
      o.companion ? this.vault.encrypt(o.companion.name) : null, s.companionPhoneHash, o.companion ? this.vault.encrypt(o.companion.phone) : null,
      o.at, o.at, a.verdict, JSON.stringify(a.hits), JSON.stringify(a.ruleVersions), this.vault.hash('request', o.id),
      outcome, outcomeAt, o.branch.tellerId, o.cancel?.at ?? null,
    ];
    if (o.kind === 'BANK') {
      return [...base, o.accountClass, s.cardHash, this.vault.encrypt(o.card!), o.card!.slice(-4), o.branch.institutionCode, s.phoneHash, this.vault.encrypt(o.phone)];
    }
    return [...base, s.phoneHash, this.vault.encrypt(o.phone), o.carrier, o.cardKind];
  }

  private cancellationRow(o: PlannedOpening): SqlValue[] {
    const id = this.prng.uuid7(o.cancel!.at);
    return [id, o.kind, o.id, o.person.id, o.cancel!.at, o.cancel!.reason, o.branch.tellerId, o.branch.id, o.cancel!.at, this.vault.hash('request', id)];
  }
}

function plantedCases(plan: CityPlan, vault: VaultService, hits: Map<string, RuleHit[]> | null): PlantedCase[] {
  return plan.cases.map((c) => {
    const openings = [...c.openings].sort((a, b) => a.at - b.at || a.seq - b.seq);
    const triggers = openings.filter((o) => o.planted?.trigger);
    return {
      id: c.label, kind: c.kind, level: PLANTED_LEVEL[c.kind], description: c.description,
      personIds: c.persons.map((p) => p.id), openingIds: openings.map((o) => o.id), triggerIds: triggers.map((o) => o.id),
      branchIds: [...new Set(openings.map((o) => o.branch.id))], from: openings[0]!.at, to: openings[openings.length - 1]!.at,
      ...(c.sharedPhone ? { sharedPhoneHash: vault.hash('phone', c.sharedPhone) } : {}),
      ...(c.companionPhone ? { companionPhoneHash: vault.hash('phone', c.companionPhone) } : {}),
      confirmed: hits ? triggers.every((o) => (hits.get(o.id) ?? []).some((h) => h.rule === c.kind)) : null,
    };
  });
}

/**
 * SQLite's page cache is 2 MB by default: a million rows spread over eight indexes would keep
 * evicting the pages the next insert needs. A large cache while the history is written, then back.
 */
async function withLargeCache<T>(sql: Sql, work: () => Promise<T>): Promise<T> {
  if (sql.dialect !== 'sqlite') return work();
  const before = await sql.get<{ cache_size: number }>('PRAGMA cache_size');
  await sql.run('PRAGMA cache_size = -262144');
  try {
    return await work();
  } finally {
    await sql.run(`PRAGMA cache_size = ${Number(before?.cache_size ?? -2000)}`);
  }
}

async function count(sql: Sql, table: string): Promise<number> {
  return Number((await sql.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n);
}
