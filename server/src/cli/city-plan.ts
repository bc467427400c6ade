import { CARRIERS, isOneOf, type AccountClass, type CarrierCode, type CompanionRelation, type OpeningPurpose, type RuleCode, type SimCardKind, type Verdict } from '@duanka/shared';
import { CLASS, PURPOSE, RELATION, STANDARD_SIM } from './vocabulary';
import { CITY_UTC_OFFSET_MS } from '../common/time';
import { ageAt, CityClock, DAY, MINUTE, spacedDays } from './city-clock';
import { FarmerPatterns } from './farmer-patterns';
import {
  CARRIER_SHARE, HARBIN_REGIONS, HEILONGJIANG_REGIONS, NumberMint, OTHER_PROVINCE_REGIONS, chineseName, idNumber,
} from './identities';
import type { Prng } from './prng';

/** A branch of the city as the generator uses it: with the teller who records its openings. */
export interface OrgBranch {
  id: string;
  code: string;
  name: string;
  institutionId: string;
  institutionCode: string;
  institutionName: string;
  kind: 'BANK' | 'CARRIER';
  areaCode: string;
  districtCode: string;
  tellerId: string;
}

export interface OrgSnapshot {
  banks: OrgBranch[];
  carriers: OrgBranch[];
  /** Who adds watchlist entries (the squad), when there is one. */
  squadStaffId: string | null;
}

export interface PlannedPerson {
  index: number;
  id: string;
  idNumber: string;
  name: string;
  birthDate: string;
  sex: 'M' | 'F';
  regionCode: string;
  /** The phone they give as contact / reserved phone. */
  phone: string;
  homeDistrict: string;
  firstAt: number;
}

export interface Companion {
  relation: CompanionRelation;
  name: string;
  phone: string;
}

export interface PlannedOpening {
  seq: number;
  id: string;
  kind: 'BANK' | 'SIM';
  at: number;
  person: PlannedPerson;
  branch: OrgBranch;
  purpose: OpeningPurpose | null;
  companion: Companion | null;
  accountClass: AccountClass | null;
  card: string | null;
  /** Bank: the reserved phone. SIM: the new number. */
  phone: string;
  carrier: CarrierCode | null;
  cardKind: SimCardKind | null;
  cancel: { at: number; reason: string } | null;
  /** Set when a planted case owns this opening. */
  planted?: { caseIndex: number; trigger: boolean };
}

export interface PlannedWatchlistEntry {
  kind: 'PUNISHED' | 'FRAUD_LINKED' | 'VULNERABLE';
  target: 'PERSON' | 'PHONE' | 'CARD';
  /** The plain value: the ID number, phone or card; hashed and sealed when written. */
  value: string;
  reason: string;
  addedAt: number;
  expiresAt: number | null;
  caseIndex: number;
}

/** The rule each planted pattern is built to trip, at the level it trips it. */
export const PLANTED_KINDS = [
  'ESCORT_GROUP', 'MULTI_BANK_BURST', 'SHARED_PHONE', 'QUICK_CHURN', 'YOUTH_NONLOCAL', 'SIM_BURST',
  'SIM_CARRIER_LIMIT', 'TWO_CARD_COMBO', 'WATCHLIST_PUNISHED', 'CLASS_I_DUPLICATE', 'FRAUD_LINKED', 'VULNERABLE',
] as const satisfies readonly RuleCode[];
export type PlantedKind = (typeof PLANTED_KINDS)[number];

export const PLANTED_LEVEL: Record<PlantedKind, Verdict> = {
  ESCORT_GROUP: 'STOP', MULTI_BANK_BURST: 'VERIFY', SHARED_PHONE: 'STOP', QUICK_CHURN: 'VERIFY', YOUTH_NONLOCAL: 'VERIFY',
  SIM_BURST: 'VERIFY', SIM_CARRIER_LIMIT: 'STOP', TWO_CARD_COMBO: 'VERIFY', WATCHLIST_PUNISHED: 'STOP', CLASS_I_DUPLICATE: 'STOP',
  FRAUD_LINKED: 'STOP', VULNERABLE: 'VERIFY',
};

/** What the plan knows of a case before ids exist; the writer turns it into a PlantedCase. */
export interface PlannedCase {
  index: number;
  kind: PlantedKind;
  label: string;
  description: string;
  persons: PlannedPerson[];
  openings: PlannedOpening[];
  /** The phone several people share (SHARED_PHONE, FRAUD_LINKED) or the escort's phone (ESCORT_GROUP). */
  sharedPhone?: string;
  companionPhone?: string;
}

export interface CityPlan {
  persons: PlannedPerson[];
  openings: PlannedOpening[];
  cases: PlannedCase[];
  watchlist: PlannedWatchlistEntry[];
}

export interface PlanOptions {
  people: number;
  plantedPerKind: number;
}

/** Banks people get their salary paid into, by weight. */
const SALARY_BANKS: readonly (readonly [string, number])[] = [
  ['ICBC', 18], ['CCB', 16], ['ABC', 14], ['BOC', 10], ['PSBC', 10], ['HRBB', 10], ['LJB', 5], ['COMM', 5], ['CMB', 4],
  ['CITIC', 2], ['CEB', 2], ['CMBC', 1], ['CIB', 1], ['SPDB', 1], ['PAB', 1],
];

/**
 * Plans the whole history in memory, before any id or ciphertext exists: who the people are,
 * which openings they make where and when, and the planted card-farmer patterns among them.
 */
export class CityPlanner {
  private readonly persons: PlannedPerson[] = [];
  private readonly openings: PlannedOpening[] = [];
  private readonly cases: PlannedCase[] = [];
  readonly watchlist: PlannedWatchlistEntry[] = [];
  private readonly idNumbers = new Set<string>();
  readonly banksByCode = new Map<string, OrgBranch[]>();
  readonly carriersByCode = new Map<string, OrgBranch[]>();
  readonly salaryBanks: (readonly [string, number])[];
  readonly carrierShare: (readonly [string, number])[];
  private readonly branchDistricts: (readonly [string, number])[];

  constructor(
    readonly org: OrgSnapshot,
    readonly clock: CityClock,
    readonly mint: NumberMint,
    private readonly takenIdNumbers: (idNumber: string) => boolean = () => false,
  ) {
    for (const b of org.banks) push(this.banksByCode, b.institutionCode, b);
    for (const b of org.carriers) push(this.carriersByCode, b.institutionCode, b);
    if (this.banksByCode.size === 0 || this.carriersByCode.size === 0) {
      throw new Error('the synthetic city needs at least one bank branch and one carrier store, each with a teller');
    }
    // Only institutions that exist in this database; any others get a small weight.
    const known = new Map(SALARY_BANKS);
    this.salaryBanks = [...this.banksByCode.keys()].map((code) => [code, known.get(code) ?? 2] as const);
    const share = new Map(CARRIER_SHARE);
    this.carrierShare = [...this.carriersByCode.keys()].map((code) => [code, share.get(code) ?? 5] as const);
    const harbin = new Map(HARBIN_REGIONS);
    const districts = new Set([...org.banks, ...org.carriers].map((b) => b.districtCode));
    this.branchDistricts = [...districts].map((d) => [d, harbin.get(d) ?? 1] as const);
  }

  plan(prng: Prng, options: PlanOptions): CityPlan {
    const ordinary = prng.fork('ordinary');
    const planted = prng.fork('planted');
    // Planted patterns first: each takes a few people of the budget, the rest are ordinary.
    const patterns = new FarmerPatterns(this);
    for (let n = 0; n < options.plantedPerKind; n++) {
      // The first case of each kind ends in the last two days: the live screens have something to show.
      for (const kind of PLANTED_KINDS) patterns.plant(kind, planted, n === 0);
    }
    while (this.persons.length < options.people) this.ordinaryPerson(ordinary);
    return { persons: this.persons, openings: this.openings, cases: this.cases, watchlist: this.watchlist };
  }

  // ---- people ------------------------------------------------------------------------------------

  person(prng: Prng, profile: { region?: 'harbin' | 'province' | 'other'; minAge?: number; maxAge?: number; at?: number } = {}): PlannedPerson {
    const regions = profile.region === 'other' ? OTHER_PROVINCE_REGIONS : profile.region === 'province' ? HEILONGJIANG_REGIONS : HARBIN_REGIONS;
    const region = prng.weighted(regions);
    const at = profile.at ?? this.clock.now;
    const minAge = profile.minAge ?? 18;
    const maxAge = profile.maxAge ?? 75;
    for (;;) {
      // Birth date such that the age on `at` is within [minAge, maxAge].
      const ageDays = (minAge * 365.25 + 1) + prng.next() * ((maxAge - minAge + 1) * 365.25 - 2);
      const birth = new Date(at + CITY_UTC_OFFSET_MS - ageDays * DAY);
      const yyyymmdd = birth.toISOString().slice(0, 10).replace(/-/g, '');
      const sequence = prng.int(1000);
      const id = idNumber(region, yyyymmdd, sequence);
      if (this.idNumbers.has(id) || this.takenIdNumbers(id)) continue;
      this.idNumbers.add(id);
      const harbinHome = HARBIN_REGIONS.some(([code]) => code === region) && this.branchDistricts.some(([d]) => d === region);
      const person: PlannedPerson = {
        index: this.persons.length,
        id: '',
        idNumber: id,
        name: chineseName(prng),
        birthDate: `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`,
        sex: sequence % 2 === 1 ? 'M' : 'F',
        regionCode: region,
        phone: this.mint.mobile(prng.weighted(CARRIER_SHARE), prng),
        homeDistrict: harbinHome ? region : prng.weighted(this.branchDistricts),
        firstAt: Number.POSITIVE_INFINITY,
      };
      this.persons.push(person);
      return person;
    }
  }

  private ordinaryPerson(prng: Prng): void {
    const repeat = prng.chance(0.05);
    const banks = repeat ? prng.between(4, 6) : prng.weighted([[1, 35], [2, 35], [3, 30]] as const);
    const sims = repeat ? prng.between(2, 3) : prng.weighted([[1, 60], [2, 40]] as const);
    const person = this.person(prng, { minAge: 16, maxAge: 85 });
    const kinds: ('BANK' | 'SIM')[] = [...Array<'BANK'>(banks).fill('BANK'), ...Array<'SIM'>(sims).fill('SIM')];
    const order = prng.sample(kinds, kinds.length);
    const days = spacedDays(prng, order.length, this.clock.days, 25);
    // A few really do get a phone card and an account the same week (moving to the city).
    if (order.length >= 2 && prng.chance(0.02)) days[1] = days[0]!;
    const used = new Set<string>();
    let firstBank = true;
    order.forEach((kind, i) => {
      const counter = kind === 'BANK' ? 'BANK' : 'CARRIER';
      const at = this.clock.businessAt(prng, days[i]!, counter);
      if (kind === 'BANK') {
        const code = firstBank ? prng.weighted(this.salaryBanks) : this.otherBank(prng, used);
        used.add(code);
        const accountClass = firstBank || prng.chance(0.2) ? CLASS.I : prng.chance(0.6) ? CLASS.II : CLASS.III;
        const young = ageAt(person.birthDate, at) < 23;
        const purpose: OpeningPurpose = firstBank
          ? prng.weighted([[young ? PURPOSE.student : PURPOSE.salary, 60], [PURPOSE.socialSecurity, 15], [PURPOSE.savings, 25]])
          : prng.weighted([[PURPOSE.savings, 45], [PURPOSE.loan, 15], [PURPOSE.business, 15], [PURPOSE.salary, 15], [PURPOSE.other, 10]]);
        const opening = this.bank(prng, person, code, at, accountClass, purpose, this.ordinaryCompanion(prng, person, at));
        // Some accounts are closed again, months later (not a churn).
        const cancelAt = at + prng.between(60, 400) * DAY;
        if (prng.chance(0.03) && cancelAt < this.clock.now) opening.cancel = { at: cancelAt, reason: '客户主动销户' };
        firstBank = false;
      } else {
        this.sim(prng, person, prng.weighted(this.carrierShare), at, this.ordinaryCompanion(prng, person, at));
      }
    });
  }

  private ordinaryCompanion(prng: Prng, person: PlannedPerson, at: number): Companion | null {
    const age = ageAt(person.birthDate, at);
    const p = age >= 65 ? 0.4 : age < 20 ? 0.3 : 0.03;
    if (!prng.chance(p)) return null;
    return { relation: RELATION.family, name: chineseName(prng), phone: this.mint.mobile(prng.weighted(CARRIER_SHARE), prng) };
  }

  otherBank(prng: Prng, used: Set<string>): string {
    const free = this.salaryBanks.filter(([code]) => !used.has(code));
    return prng.weighted(free.length > 0 ? free : this.salaryBanks);
  }

  // ---- openings ----------------------------------------------------------------------------------

  branchOf(prng: Prng, byCode: Map<string, OrgBranch[]>, code: string, district: string, exclude?: string): OrgBranch {
    const all = byCode.get(code) ?? [...byCode.values()][0]!;
    const candidates = all.filter((b) => b.id !== exclude);
    const pool = candidates.length > 0 ? candidates : all;
    const near = pool.filter((b) => b.districtCode === district);
    return prng.pick(near.length > 0 && prng.chance(0.85) ? near : pool);
  }

  bank(
    prng: Prng, person: PlannedPerson, code: string, at: number, accountClass: AccountClass, purpose: OpeningPurpose,
    companion: Companion | null, options: { branch?: OrgBranch; phone?: string } = {},
  ): PlannedOpening {
    const branch = options.branch ?? this.branchOf(prng, this.banksByCode, code, person.homeDistrict);
    return this.add({
      kind: 'BANK', at, person, branch, purpose, companion, accountClass, card: this.mint.card(branch.institutionCode, prng),
      phone: options.phone ?? person.phone, carrier: null, cardKind: null, cancel: null,
    });
  }

  sim(prng: Prng, person: PlannedPerson, carrier: string, at: number, companion: Companion | null, branch?: OrgBranch): PlannedOpening {
    const store = branch ?? this.branchOf(prng, this.carriersByCode, carrier, person.homeDistrict);
    return this.add({
      kind: 'SIM', at, person, branch: store, purpose: null, companion, accountClass: null, card: null,
      phone: this.mint.mobile(store.institutionCode, prng), carrier: carrierOf(store), cardKind: STANDARD_SIM, cancel: null,
    });
  }

  private add(fields: Omit<PlannedOpening, 'seq' | 'id'>): PlannedOpening {
    const opening: PlannedOpening = { seq: this.openings.length, id: '', ...fields };
    this.openings.push(opening);
    if (opening.at < opening.person.firstAt) opening.person.firstAt = opening.at;
    return opening;
  }

  // ---- what the planted patterns build with -----------------------------------------------------

  startCase(kind: PlantedKind, description: string): PlannedCase {
    const c: PlannedCase = { index: this.cases.length, kind, label: `${kind}-${this.cases.filter((x) => x.kind === kind).length + 1}`, description, persons: [], openings: [] };
    this.cases.push(c);
    return c;
  }

  own(c: PlannedCase, opening: PlannedOpening, trigger: boolean): PlannedOpening {
    opening.planted = { caseIndex: c.index, trigger };
    c.openings.push(opening);
    if (!c.persons.includes(opening.person)) c.persons.push(opening.person);
    return opening;
  }

  /**
   * Places a pattern's day offsets (0 = its first day) on the calendar: ending today or yesterday
   * when `recent`, anywhere in the window otherwise.
   */
  place(prng: Prng, offsets: readonly number[], recent: boolean): number[] {
    const last = this.clock.days - 1;
    const span = Math.max(...offsets);
    const start = recent ? Math.max(0, last - prng.int(2) - span) : prng.int(Math.max(1, last - span));
    return offsets.map((d) => start + d);
  }

  /** Business moments on those days (in order), shifted back whole days if the last is after now. */
  moments(prng: Prng, days: readonly number[], counter: 'BANK' | 'CARRIER'): number[] {
    const times = days.map((d) => this.clock.at(d, this.clock.businessMinutes(prng, counter)));
    for (let i = 1; i < times.length; i++) if (times[i]! <= times[i - 1]!) times[i] = times[i - 1]! + prng.between(5, 90) * MINUTE;
    return this.clock.beforeNow(times);
  }
}

function carrierOf(store: OrgBranch): CarrierCode {
  if (!isOneOf(CARRIERS, store.institutionCode)) throw new Error(`carrier store ${store.code} belongs to ${store.institutionCode}, not a carrier code`);
  return store.institutionCode;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
