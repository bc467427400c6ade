import type { AccountClass, CarrierCode, CompanionRelation, RuleCode, RuleHit, SimCardKind, Verdict } from '@duanka/shared';

/** The opening being judged, as the rules see it: hashes and derived facts, never plain personal data. */
export interface OpeningSubject {
  id: string;
  kind: 'BANK' | 'SIM';
  at: number;
  personId: string;
  idHash: string;
  birthDate: string;
  age: number;
  regionCode: string;
  branchId: string;
  areaCode: string;
  institutionId: string;
  /** Reserved phone of a bank account, or the new number of a SIM. */
  phoneHash: string;
  cardHash: string | null;
  accountClass: AccountClass | null;
  carrier: CarrierCode | null;
  cardKind: SimCardKind | null;
  companionRelation: CompanionRelation;
  companionPhoneHash: string | null;
}

/** One earlier opening, of this person or of someone linked to them. */
export interface PastOpening {
  id: string;
  kind: 'BANK' | 'SIM';
  personId: string;
  openedAt: number;
  institutionId: string;
  institutionName: string;
  branchId: string;
  branchName: string;
  accountClass: AccountClass | null;
  carrier: CarrierCode | null;
  cancelledAt: number | null;
}

/** Everything every active rule needs, loaded in a few indexed queries before any rule runs. */
export interface OpeningFacts {
  /** All earlier openings of the same person, city-wide, newest first. */
  personHistory: PastOpening[];
  /** Earlier bank openings by other people that reserved the same phone. */
  samePhoneOthers: PastOpening[];
  /** Earlier openings at the same branch with the same companion phone, within the escort window. */
  sameEscort: PastOpening[];
  /** Watchlist kinds matching the person, the phone or the card. */
  watchlist: WatchlistMatch[];
}

export interface WatchlistMatch {
  kind: 'PUNISHED' | 'FRAUD_LINKED' | 'VULNERABLE';
  target: 'PERSON' | 'PHONE' | 'CARD';
  reason: string;
  expiresAt: number | null;
}

export type RuleParams = Record<string, number>;

/** A rule's name and its tunable parameters with their defaults. */
export interface RuleDefinition {
  readonly code: RuleCode;
  readonly defaults: RuleParams;
}

/** A rule judged at the counter: a pure function of the subject, the facts and its parameters. */
export interface Rule extends RuleDefinition {
  evaluate(subject: OpeningSubject, facts: OpeningFacts, params: RuleParams): RuleHit | undefined;
}

export interface Assessment {
  verdict: Verdict;
  hits: RuleHit[];
  /** rule code → version of the parameters it ran with. */
  ruleVersions: Record<string, number>;
}
