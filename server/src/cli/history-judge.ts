import { ageOn, type AccountClass, type CarrierCode, type CompanionRelation, type SimCardKind } from '@duanka/shared';
import type { ActiveRule } from '../modules/risk/rule-book';
import { evaluate } from '../modules/risk/risk.service';
import type { Assessment, OpeningFacts, OpeningSubject, PastOpening, WatchlistMatch } from '../modules/risk/risk.types';
import { OPENING_RULES } from '../modules/risk/rules';
import { HOUR } from './city-clock';
import type { OrgBranch } from './city-plan';

/** One opening of the history as the judge sees it: hashes and derived facts, as the server does. */
export interface JudgedOpening {
  id: string;
  kind: 'BANK' | 'SIM';
  at: number;
  personId: string;
  idHash: string;
  birthDate: string;
  regionCode: string;
  branch: OrgBranch;
  phoneHash: string;
  cardHash: string | null;
  accountClass: AccountClass | null;
  carrier: CarrierCode | null;
  cardKind: SimCardKind | null;
  companionRelation: CompanionRelation;
  companionPhoneHash: string | null;
  /** When it will be cancelled; invisible to openings judged before that moment. */
  cancelAt: number | null;
}

export interface JudgeWatchlistEntry {
  kind: WatchlistMatch['kind'];
  target: WatchlistMatch['target'];
  valueHash: string;
  reason: string;
  addedAt: number;
  expiresAt: number | null;
}

interface Past {
  opening: PastOpening;
  cancelAt: number | null;
  phoneHash: string;
  companionPhoneHash: string | null;
}

/**
 * Judges the history as the live server would have judged each opening when it happened: the real
 * rules (the pure `evaluate` of the risk module with every rule's defaults), over facts kept in
 * memory instead of queried. Openings must come in time order.
 */
export class HistoryJudge {
  private readonly escortWindowMs: number;
  private readonly byPerson = new Map<string, Past[]>();
  private readonly bankByPhone = new Map<string, Past[]>();
  private readonly recentByBranch = new Map<string, Past[]>();
  private readonly watchlist = new Map<string, JudgeWatchlistEntry[]>();

  /** `rules`: the rule set to judge with; by default every counter rule with its defaults (version 0). */
  constructor(
    entries: readonly JudgeWatchlistEntry[] = [],
    private readonly rules: readonly ActiveRule[] = OPENING_RULES.map((rule) => ({ rule, params: { ...rule.defaults }, version: 0 })),
  ) {
    const escort = this.rules.find((r) => r.rule.code === 'ESCORT_GROUP');
    this.escortWindowMs = (escort?.params.windowHours ?? 2) * HOUR;
    for (const entry of entries) {
      const list = this.watchlist.get(entry.valueHash) ?? [];
      list.push(entry);
      this.watchlist.set(entry.valueHash, list);
    }
  }

  /** Judges `o` against everything recorded so far; `record` it afterwards. */
  assess(o: JudgedOpening): Assessment {
    return evaluate(toSubject(o), this.facts(o), this.rules);
  }

  private facts(o: JudgedOpening): OpeningFacts {
    const asOf = (p: Past): PastOpening => ({ ...p.opening, cancelledAt: p.cancelAt !== null && p.cancelAt <= o.at ? p.cancelAt : null });
    const history = (this.byPerson.get(o.personId) ?? []).map(asOf).reverse();
    const samePhone = o.kind === 'BANK'
      ? (this.bankByPhone.get(o.phoneHash) ?? []).filter((p) => p.opening.personId !== o.personId).slice(-50).reverse().map(asOf)
      : [];
    const companion = o.companionPhoneHash ?? o.phoneHash;
    const since = o.at - this.escortWindowMs;
    const recent = this.recentByBranch.get(o.branch.id) ?? [];
    while (recent.length > 0 && recent[0]!.opening.openedAt < since) recent.shift();
    const escort = recent
      .filter((p) => p.opening.personId !== o.personId && (p.companionPhoneHash === companion || p.phoneHash === o.phoneHash))
      .slice(-50).reverse().map(asOf);
    const watchlist: WatchlistMatch[] = [];
    const targets: [string | null, WatchlistMatch['target']][] = [[o.idHash, 'PERSON'], [o.phoneHash, 'PHONE'], [o.cardHash, 'CARD']];
    for (const [hash, target] of targets) {
      for (const w of (hash && this.watchlist.get(hash)) || []) {
        if (w.target === target && w.addedAt <= o.at && (w.expiresAt === null || w.expiresAt > o.at)) {
          watchlist.push({ kind: w.kind, target: w.target, reason: w.reason, expiresAt: w.expiresAt });
        }
      }
    }
    return { personHistory: history, samePhoneOthers: samePhone, sameEscort: escort, watchlist };
  }

  /** Adds `o` to what later openings are judged against. */
  record(o: JudgedOpening): void {
    const past: Past = {
      opening: {
        id: o.id, kind: o.kind, personId: o.personId, openedAt: o.at, institutionId: o.branch.institutionId,
        institutionName: o.branch.institutionName, branchId: o.branch.id, branchName: o.branch.name,
        accountClass: o.accountClass, carrier: o.carrier, cancelledAt: null,
      },
      cancelAt: o.cancelAt,
      phoneHash: o.phoneHash,
      companionPhoneHash: o.companionPhoneHash,
    };
    append(this.byPerson, o.personId, past);
    if (o.kind === 'BANK') append(this.bankByPhone, o.phoneHash, past);
    append(this.recentByBranch, o.branch.id, past);
  }
}

/** The opening as the rules (and the alert raiser) see it. */
export function toSubject(o: JudgedOpening): OpeningSubject {
  return {
    id: o.id, kind: o.kind, at: o.at, personId: o.personId, idHash: o.idHash, birthDate: o.birthDate,
    age: ageOn(o.birthDate, new Date(o.at)), regionCode: o.regionCode, branchId: o.branch.id, areaCode: o.branch.areaCode,
    institutionId: o.branch.institutionId, phoneHash: o.phoneHash, cardHash: o.cardHash, accountClass: o.accountClass,
    carrier: o.carrier, cardKind: o.cardKind, companionRelation: o.companionRelation, companionPhoneHash: o.companionPhoneHash,
  };
}

function append<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
