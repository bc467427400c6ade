import { Injectable } from '@nestjs/common';
import type { Sql } from '../../database/sql';
import type { OpeningFacts, OpeningSubject, PastOpening, WatchlistMatch } from './risk.types';

/** Which fact a row of the facts query belongs to. */
type FactKind = 'history' | 'phone' | 'escort' | 'watchlist';

/**
 * A row of the facts statement. Every part of it returns the same columns: a past opening fills
 * the opening's, a watchlist entry the `watch_` ones; the others are NULL.
 */
interface FactRow {
  fact: FactKind;
  id: string;
  kind: 'BANK' | 'SIM';
  person_id: string;
  opened_at: number;
  institution_id: string;
  institution_name: string;
  branch_id: string;
  branch_name: string;
  account_class: PastOpening['accountClass'];
  carrier: PastOpening['carrier'];
  cancelled_at: number | null;
  watch_kind: WatchlistMatch['kind'] | null;
  watch_target: WatchlistMatch['target'] | null;
  watch_reason: string | null;
  watch_expires_at: number | null;
}

// A typed NULL, so that PostgreSQL agrees on the column's type across the parts of the union.
const NO_WATCH = 'NULL AS watch_kind, NULL AS watch_target, NULL AS watch_reason, CAST(NULL AS BIGINT) AS watch_expires_at';

// Names by primary key for the few rows found: a join would let a generic plan hash every branch
// of the city for each lookup (seen on PostgreSQL: three hash builds of 195 branches per opening).
const PAST = (fact: FactKind, table: 'bank_openings' | 'sim_registrations') => {
  const bank = table === 'bank_openings';
  return `SELECT '${fact}' AS fact, o.id, '${bank ? 'BANK' : 'SIM'}' AS kind, o.person_id, o.opened_at, o.institution_id,
    (SELECT i.name FROM institutions i WHERE i.id = o.institution_id) AS institution_name, o.branch_id,
    (SELECT b.name FROM branches b WHERE b.id = o.branch_id) AS branch_name, ${bank ? 'o.account_class' : 'NULL'} AS account_class,
    ${bank ? 'NULL' : 'o.carrier'} AS carrier, o.cancelled_at, ${NO_WATCH} FROM ${table} o`;
};

// The person's whole history, both kinds.
const PERSON_HISTORY = `${PAST('history', 'bank_openings')} WHERE o.person_id = ? UNION ALL ${PAST('history', 'sim_registrations')} WHERE o.person_id = ?`;
// Other people's bank accounts reserving this phone.
const SAME_PHONE_OTHERS = `SELECT * FROM (${PAST('phone', 'bank_openings')} WHERE o.phone_hash = ? AND o.person_id <> ? AND o.opened_at <= ? ORDER BY o.opened_at DESC LIMIT 50) phone`;
// Same branch, recent, and the same escort: the companion's phone, or the contact phone itself.
// One lookup per way of matching, by the hash's index: a hash is selective, a busy branch's hour
// is not. `opened_at + 0` keeps the time window out of every index condition, so that no planner
// (PostgreSQL's generic plans, SQLite without fresh statistics) can prefer the (branch, time)
// index and filter the branch's whole hour row by row (measured: 509 pages read per opening).
const ESCORT_BY = (table: 'bank_openings' | 'sim_registrations', column: string) =>
  `${PAST('escort', table)} WHERE o.${column} = ? AND o.branch_id = ? AND o.opened_at + 0 >= ? AND o.opened_at + 0 <= ? AND o.person_id <> ?`;
const SAME_ESCORT = `SELECT * FROM (${[
  ESCORT_BY('bank_openings', 'companion_phone_hash'), ESCORT_BY('bank_openings', 'phone_hash'),
  ESCORT_BY('sim_registrations', 'companion_phone_hash'), ESCORT_BY('sim_registrations', 'number_hash'),
].join(' UNION ALL ')} ORDER BY opened_at DESC LIMIT 50) escort`;
// Live entries on any of the keyed hashes of this opening: the person's ID, the phone, the card.
const WATCHLIST = `SELECT 'watchlist' AS fact, w.id, NULL AS kind, NULL AS person_id, NULL AS opened_at, NULL AS institution_id,
    NULL AS institution_name, NULL AS branch_id, NULL AS branch_name, NULL AS account_class, NULL AS carrier, NULL AS cancelled_at,
    w.kind AS watch_kind, w.target AS watch_target, w.reason AS watch_reason, w.expires_at AS watch_expires_at
  FROM watchlist_entries w
  WHERE w.value_hash IN (?, ?, ?) AND w.removed_at IS NULL AND w.added_at <= ? AND (w.expires_at IS NULL OR w.expires_at > ?)`;
// Every lookup in one statement (one round trip on PostgreSQL), each row tagged with the fact it
// belongs to. A SIM has no reserved phone to share.
const FACTS = {
  BANK: [PERSON_HISTORY, SAME_PHONE_OTHERS, SAME_ESCORT, WATCHLIST].join(' UNION ALL '),
  SIM: [PERSON_HISTORY, SAME_ESCORT, WATCHLIST].join(' UNION ALL '),
};

const newestFirst = (a: FactRow, b: FactRow) => Number(b.opened_at) - Number(a.opened_at);

/** As of `at`: a later cancellation had not happened yet (what makes a backtest honest). */
function toPast(row: FactRow, at: number): PastOpening {
  const cancelledAt = row.cancelled_at === null || Number(row.cancelled_at) > at ? null : Number(row.cancelled_at);
  return {
    id: row.id, kind: row.kind, personId: row.person_id, openedAt: Number(row.opened_at), institutionId: row.institution_id,
    institutionName: row.institution_name, branchId: row.branch_id, branchName: row.branch_name, accountClass: row.account_class,
    carrier: row.carrier, cancelledAt,
  };
}

/** The one prepared statement of indexed lookups that loads what the rules judge an opening on. */
@Injectable()
export class FactsRepository {
  /**
   * `asOf` replays the past (a backtest): only what had happened by the subject's time counts.
   * Live, everything committed counts, also an offline opening dated later than this one: the
   * person lock orders openings by commit, not by the time a device claims.
   */
  async load(tx: Sql, subject: OpeningSubject, escortWindowMs: number, asOf = false): Promise<OpeningFacts> {
    const horizon = asOf ? subject.at : Number.MAX_SAFE_INTEGER;
    // The companion's phone, when given, also counts as "the same escort"; else only the contact phone.
    const companion = subject.companionPhoneHash ?? subject.phoneHash;
    const since = subject.at - escortWindowMs;
    const until = asOf ? subject.at : subject.at + escortWindowMs;
    const escortArgs = (hash: string) => [hash, subject.branchId, since, until, subject.personId];
    const rows = await tx.all<FactRow>(FACTS[subject.kind], [
      subject.personId, subject.personId,
      ...(subject.kind === 'BANK' ? [subject.phoneHash, subject.personId, horizon] : []),
      ...escortArgs(companion), ...escortArgs(subject.phoneHash), ...escortArgs(companion), ...escortArgs(subject.phoneHash),
      subject.idHash, subject.phoneHash, subject.cardHash ?? subject.phoneHash, horizon, subject.at,
    ]);
    const history = rows.filter((r) => r.fact === 'history').sort(newestFirst);
    const samePhone = rows.filter((r) => r.fact === 'phone').sort(newestFirst);
    const escortRows = rows.filter((r) => r.fact === 'escort').sort(newestFirst);
    // A row matching both ways (its companion's phone is also the contact phone) counts once.
    const escort = escortRows.filter((row, i) => escortRows.findIndex((r) => r.id === row.id) === i);
    const watchlist = rows.filter((r) => r.fact === 'watchlist');
    const seen = (row: FactRow) => toPast(row, horizon);
    return {
      personHistory: history.filter((r) => r.id !== subject.id && Number(r.opened_at) <= horizon).map(seen),
      samePhoneOthers: samePhone.map(seen),
      sameEscort: escort.map(seen),
      watchlist: watchlist.map((w) => ({
        kind: w.watch_kind!, target: w.watch_target!, reason: w.watch_reason!, expiresAt: w.watch_expires_at === null ? null : Number(w.watch_expires_at),
      })),
    };
  }
}
