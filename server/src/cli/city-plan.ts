import { CARRIERS, isOneOf, type AccountClass, type CarrierCode, type CompanionRelation, type OpeningPurpose, type RuleCode, type SimCardKind, type Verdict } from '@duanka/shared';
import { CityClock, DAY, HOUR, MINUTE } from './city-clock';
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

// Vocabulary of the history, typed against @duanka/shared so that a renamed value fails to compile.
const PURPOSE = {
  salary: 'SALARY', savings: 'SAVINGS', business: 'BUSINESS', socialSecurity: 'SOCIAL_SECURITY', loan: 'LOAN_REPAYMENT',
  student: 'STUDENT', other: 'OTHER',
} as const satisfies Record<string, OpeningPurpose>;
const RELATION = {
  family: 'FAMILY', friend: 'FRIEND', agent: 'AGENT', stranger: 'STRANGER',
} as const satisfies Record<string, CompanionRelation>;
const CLASS = { I: 'I', II: 'II', III: 'III' } as const satisfies Record<string, AccountClass>;
const STANDARD_SIM: SimCardKind = 'STANDARD';

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
  private readonly watchlist: PlannedWatchlistEntry[] = [];
  private readonly idNumbers = new Set<string>();
  private readonly banksByCode = new Map<string, OrgBranch[]>();
  private readonly carriersByCode = new Map<string, OrgBranch[]>();
  private readonly salaryBanks: (readonly [string, number])[];
  private readonly carrierShare: (readonly [string, number])[];
  private readonly urbanDistricts: (readonly [string, number])[];

  constructor(
    private readonly org: OrgSnapshot,
    private readonly clock: CityClock,
    private readonly mint: NumberMint,
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
    this.urbanDistricts = [...districts].map((d) => [d, harbin.get(d) ?? 1] as const);
  }

  plan(prng: Prng, options: PlanOptions): CityPlan {
    const ordinary = prng.fork('ordinary');
    const planted = prng.fork('planted');
    // Planted patterns first: each takes a few people of the budget, the rest are ordinary.
    const builders: Record<PlantedKind, (p: Prng, recent: boolean) => void> = {
      ESCORT_GROUP: (p, r) => this.escortGroup(p, r),
      MULTI_BANK_BURST: (p, r) => this.multiBankBurst(p, r),
      SHARED_PHONE: (p, r) => this.sharedPhone(p, r),
      QUICK_CHURN: (p, r) => this.quickChurn(p, r),
      YOUTH_NONLOCAL: (p, r) => this.youthNonlocal(p, r),
      SIM_BURST: (p, r) => this.simBurst(p, r),
      SIM_CARRIER_LIMIT: (p, r) => this.simCarrierLimit(p, r),
      TWO_CARD_COMBO: (p, r) => this.twoCardCombo(p, r),
      WATCHLIST_PUNISHED: (p, r) => this.punished(p, r),
      CLASS_I_DUPLICATE: (p, r) => this.classIDuplicate(p, r),
      FRAUD_LINKED: (p, r) => this.fraudLinked(p, r),
      VULNERABLE: (p, r) => this.vulnerable(p, r),
    };
    for (let n = 0; n < options.plantedPerKind; n++) {
      for (const kind of PLANTED_KINDS) {
        // The first case of each kind ends in the last two days: the live screens have something to show.
        builders[kind](planted, n === 0);
      }
    }
    while (this.persons.length < options.people) this.ordinaryPerson(ordinary);
    return { persons: this.persons, openings: this.openings, cases: this.cases, watchlist: this.watchlist };
  }

  // ---- people ------------------------------------------------------------------------------------

  private person(prng: Prng, profile: { region?: 'harbin' | 'province' | 'other'; minAge?: number; maxAge?: number; at?: number } = {}): PlannedPerson {
    const regions = profile.region === 'other' ? OTHER_PROVINCE_REGIONS : profile.region === 'province' ? HEILONGJIANG_REGIONS : HARBIN_REGIONS;
    const region = prng.weighted(regions);
    const at = profile.at ?? this.clock.now;
    const minAge = profile.minAge ?? 18;
    const maxAge = profile.maxAge ?? 75;
    for (;;) {
      // Birth date such that the age on `at` is within [minAge, maxAge].
      const ageDays = (minAge * 365.25 + 1) + prng.next() * ((maxAge - minAge + 1) * 365.25 - 2);
      const birth = new Date(at + 8 * HOUR - ageDays * DAY);
      const yyyymmdd = birth.toISOString().slice(0, 10).replace(/-/g, '');
      const sequence = prng.int(1000);
      const id = idNumber(region, yyyymmdd, sequence);
      if (this.idNumbers.has(id) || this.takenIdNumbers(id)) continue;
      this.idNumbers.add(id);
      const harbinHome = HARBIN_REGIONS.some(([code]) => code === region) && this.urbanDistricts.some(([d]) => d === region);
      const person: PlannedPerson = {
        index: this.persons.length,
        id: '',
        idNumber: id,
        name: chineseName(prng),
        birthDate: `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`,
        sex: sequence % 2 === 1 ? 'M' : 'F',
        regionCode: region,
        phone: this.mint.mobile(prng.weighted(CARRIER_SHARE), prng),
        homeDistrict: harbinHome ? region : prng.weighted(this.urbanDistricts),
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

  private otherBank(prng: Prng, used: Set<string>): string {
    const free = this.salaryBanks.filter(([code]) => !used.has(code));
    return prng.weighted(free.length > 0 ? free : this.salaryBanks);
  }

  // ---- openings ----------------------------------------------------------------------------------

  private branchOf(prng: Prng, byCode: Map<string, OrgBranch[]>, code: string, district: string, exclude?: string): OrgBranch {
    const all = byCode.get(code) ?? [...byCode.values()][0]!;
    const candidates = all.filter((b) => b.id !== exclude);
    const pool = candidates.length > 0 ? candidates : all;
    const near = pool.filter((b) => b.districtCode === district);
    return prng.pick(near.length > 0 && prng.chance(0.85) ? near : pool);
  }

  private bank(
    prng: Prng, person: PlannedPerson, code: string, at: number, accountClass: AccountClass, purpose: OpeningPurpose,
    companion: Companion | null, options: { branch?: OrgBranch; phone?: string } = {},
  ): PlannedOpening {
    const branch = options.branch ?? this.branchOf(prng, this.banksByCode, code, person.homeDistrict);
    return this.add({
      kind: 'BANK', at, person, branch, purpose, companion, accountClass, card: this.mint.card(branch.institutionCode, prng),
      phone: options.phone ?? person.phone, carrier: null, cardKind: null, cancel: null,
    });
  }

  private sim(prng: Prng, person: PlannedPerson, carrier: string, at: number, companion: Companion | null, branch?: OrgBranch): PlannedOpening {
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

  // ---- planted card-farmer patterns (DESIGN §5) -------------------------------------------------

  private startCase(kind: PlantedKind, description: string): PlannedCase {
    const c: PlannedCase = { index: this.cases.length, kind, label: `${kind}-${this.cases.filter((x) => x.kind === kind).length + 1}`, description, persons: [], openings: [] };
    this.cases.push(c);
    return c;
  }

  private own(c: PlannedCase, opening: PlannedOpening, trigger: boolean): PlannedOpening {
    opening.planted = { caseIndex: c.index, trigger };
    c.openings.push(opening);
    if (!c.persons.includes(opening.person)) c.persons.push(opening.person);
    return opening;
  }

  /**
   * Places a pattern's day offsets (0 = its first day) on the calendar: ending today or yesterday
   * when `recent`, anywhere in the window otherwise.
   */
  private place(prng: Prng, offsets: readonly number[], recent: boolean): number[] {
    const last = this.clock.days - 1;
    const span = Math.max(...offsets);
    const start = recent ? Math.max(0, last - prng.int(2) - span) : prng.int(Math.max(1, last - span));
    return offsets.map((d) => start + d);
  }

  /** Business moments on those days (in order), shifted back whole days if the last is after now. */
  private moments(prng: Prng, days: readonly number[], counter: 'BANK' | 'CARRIER'): number[] {
    const times = days.map((d) => this.clock.at(d, this.clock.businessMinutes(prng, counter)));
    for (let i = 1; i < times.length; i++) if (times[i]! <= times[i - 1]!) times[i] = times[i - 1]! + prng.between(5, 90) * MINUTE;
    return this.clock.beforeNow(times);
  }

  /** ≥3 people brought to one counter within 2 hours by the same escort (his phone on every form). */
  private escortGroup(prng: Prng, recent: boolean): void {
    const c = this.startCase('ESCORT_GROUP', '同一陪同人 2 小时内在同一网点带领多人开户');
    const size = prng.between(3, 5);
    const busy = this.org.banks.filter((b) => b.districtCode === '230103' || b.districtCode === '230104');
    const branch = prng.pick(busy.length > 0 ? busy : this.org.banks);
    const [day] = this.place(prng, [0], recent) as [number];
    let at = this.clock.at(day, 9.5 * 60 + prng.int(300));
    const wanted = [at];
    for (let i = 1; i < size; i++) wanted.push((at += prng.between(8, 22) * MINUTE));
    const times = this.clock.beforeNow(wanted);
    const escort = { name: chineseName(prng), phone: this.mint.mobile('CMCC', prng) };
    c.companionPhone = escort.phone;
    times.forEach((when, i) => {
      const person = this.person(prng, { region: prng.chance(0.5) ? 'other' : 'province', minAge: 18, maxAge: 24, at: when });
      const companion: Companion = { ...escort, relation: prng.pick([RELATION.friend, RELATION.agent, RELATION.stranger]) };
      this.own(c, this.bank(prng, person, branch.institutionCode, when, CLASS.II, PURPOSE.other, companion, { branch }), i >= 2);
    });
  }

  /** One person, accounts at four banks in five days. */
  private multiBankBurst(prng: Prng, recent: boolean): void {
    const c = this.startCase('MULTI_BANK_BURST', '同一人 5 天内在 4 家银行开户');
    const person = this.person(prng, { minAge: 19, maxAge: 35 });
    const banks = prng.sample([...this.banksByCode.keys()], 4);
    const times = this.moments(prng, this.place(prng, [0, 1, 3, 4], recent), 'BANK');
    times.forEach((at, i) => this.own(c, this.bank(prng, person, banks[i % banks.length]!, at, CLASS.II, PURPOSE.savings, null), i >= 2));
  }

  /** One phone reserved on the accounts of three or four people: someone controls their cards. */
  private sharedPhone(prng: Prng, recent: boolean): void {
    const c = this.startCase('SHARED_PHONE', '多人开户预留同一手机号');
    const phone = this.mint.mobile('CMCC', prng);
    c.sharedPhone = phone;
    const times = this.moments(prng, this.place(prng, spacedDays(prng, prng.between(3, 4), 20, 3), recent), 'BANK');
    times.forEach((at, i) => {
      const person = this.person(prng, { minAge: 18, maxAge: 45, at });
      this.own(c, this.bank(prng, person, prng.weighted(this.salaryBanks), at, CLASS.II, PURPOSE.savings, null, { phone }), i >= 2);
    });
  }

  /** Opened, cancelled within weeks (the card was sold and frozen), and now a new one. */
  private quickChurn(prng: Prng, recent: boolean): void {
    const c = this.startCase('QUICK_CHURN', '开卡后 30 天内注销，随后再次开卡');
    const person = this.person(prng, { minAge: 18, maxAge: 40 });
    const keep = prng.between(4, 25);
    const pause = prng.between(3, 30);
    const [opened, cancelled, again] = this.moments(prng, this.place(prng, [0, keep, keep + pause], recent), 'BANK') as [number, number, number];
    const viaSim = prng.chance(0.3);
    const first = viaSim
      ? this.sim(prng, person, prng.weighted(this.carrierShare), opened, null)
      : this.bank(prng, person, prng.weighted(this.salaryBanks), opened, CLASS.II, PURPOSE.savings, null);
    first.cancel = { at: cancelled, reason: viaSim ? '客户申请销号' : '客户申请销户' };
    this.own(c, first, false);
    const next = viaSim
      ? this.sim(prng, person, prng.weighted(this.carrierShare), again, null)
      : this.bank(prng, person, this.otherBank(prng, new Set([first.branch.institutionCode])), again, CLASS.II, PURPOSE.savings, null);
    this.own(c, next, true);
  }

  /** Young people from other provinces (sometimes the elderly), opening again within a month. */
  private youthNonlocal(prng: Prng, recent: boolean): void {
    const c = this.startCase('YOUTH_NONLOCAL', '外省籍年轻人（或老年人）30 天内多次开户');
    const elderly = prng.chance(0.25);
    const offsets = [0];
    for (let i = 1, n = prng.between(2, 3); i < n; i++) offsets.push(offsets[i - 1]! + prng.between(8, 13));
    const times = this.moments(prng, this.place(prng, offsets, recent), 'BANK');
    const person = this.person(prng, { region: 'other', minAge: elderly ? 66 : 17, maxAge: elderly ? 75 : 24, at: times[0]! });
    const used = new Set<string>();
    times.forEach((at, i) => {
      const code = this.otherBank(prng, used);
      used.add(code);
      this.own(c, this.bank(prng, person, code, at, i === 0 ? CLASS.I : CLASS.II, PURPOSE.savings, null), i >= 1);
    });
  }

  /** Three or four new numbers within a month, any carriers. */
  private simBurst(prng: Prng, recent: boolean): void {
    const c = this.startCase('SIM_BURST', '同一人 30 天内新办多张电话卡');
    const person = this.person(prng, { minAge: 18, maxAge: 50 });
    const offsets = [0];
    for (let i = 1, n = prng.between(3, 4); i < n; i++) offsets.push(offsets[i - 1]! + prng.between(3, 9));
    const times = this.moments(prng, this.place(prng, offsets, recent), 'CARRIER');
    times.forEach((at, i) => this.own(c, this.sim(prng, person, prng.weighted(this.carrierShare), at, null), i >= 2));
  }

  /** Six live numbers at one carrier: the sixth exceeds the limit of five. */
  private simCarrierLimit(prng: Prng, recent: boolean): void {
    const c = this.startCase('SIM_CARRIER_LIMIT', '同一人在同一运营商名下号码超过 5 个');
    const person = this.person(prng, { minAge: 20, maxAge: 55 });
    const carrier = this.carriersByCode.has('CMCC') ? 'CMCC' : [...this.carriersByCode.keys()][0]!;
    const span = Math.min(this.clock.days - 3, 75);
    const times = this.moments(prng, this.place(prng, spacedDays(prng, 6, span, Math.floor(span / 8)), recent), 'CARRIER');
    times.forEach((at, i) => this.own(c, this.sim(prng, person, carrier, at, null), i === 5));
  }

  /** A new number and a new account within 48 hours: the card farmer's kit. */
  private twoCardCombo(prng: Prng, recent: boolean): void {
    const c = this.startCase('TWO_CARD_COMBO', '48 小时内新办电话卡并开立银行账户');
    const person = this.person(prng, { minAge: 18, maxAge: 40 });
    const [day] = this.place(prng, [1], recent) as [number];
    const simAt = this.clock.at(day - 1, this.clock.businessMinutes(prng, 'CARRIER'));
    const [s, b] = this.clock.beforeNow([simAt, simAt + prng.between(2, 40) * HOUR]) as [number, number];
    const sim = this.own(c, this.sim(prng, person, prng.weighted(this.carrierShare), s, null), false);
    this.own(c, this.bank(prng, person, prng.weighted(this.salaryBanks), b, CLASS.II, PURPOSE.savings, null, { phone: sim.phone }), true);
  }

  /** A punished card seller (断卡惩戒: 5 years without new accounts) tries again. */
  private punished(prng: Prng, recent: boolean): void {
    const c = this.startCase('WATCHLIST_PUNISHED', '断卡惩戒人员再次申请开户');
    const [at] = this.moments(prng, this.place(prng, [0], recent), 'BANK') as [number];
    const person = this.person(prng, { minAge: 19, maxAge: 45, at });
    const addedAt = this.clock.start - prng.between(30, 700) * DAY;
    this.watchlist.push({
      kind: 'PUNISHED', target: 'PERSON', value: person.idNumber, reason: '出租、出售银行卡被认定为“两卡”违法，惩戒期 5 年',
      addedAt, expiresAt: addedAt + 5 * 365 * DAY, caseIndex: c.index,
    });
    this.own(c, this.bank(prng, person, prng.weighted(this.salaryBanks), at, CLASS.II, PURPOSE.savings, null), true);
  }

  /** A second Class I account at the same bank (one per bank is the rule). */
  private classIDuplicate(prng: Prng, recent: boolean): void {
    const c = this.startCase('CLASS_I_DUPLICATE', '在同一银行重复开立 I 类账户');
    const person = this.person(prng, { minAge: 20, maxAge: 60 });
    const code = prng.weighted(this.salaryBanks);
    const [a, b] = this.moments(prng, this.place(prng, [0, prng.between(5, 40)], recent), 'BANK') as [number, number];
    const first = this.own(c, this.bank(prng, person, code, a, CLASS.I, PURPOSE.salary, null), false);
    const other = this.branchOf(prng, this.banksByCode, code, person.homeDistrict, first.branch.id);
    this.own(c, this.bank(prng, person, code, b, CLASS.I, PURPOSE.savings, null, { branch: other }), true);
  }

  /** The reserved phone is on the fraud-linked list (涉诈号码). */
  private fraudLinked(prng: Prng, recent: boolean): void {
    const c = this.startCase('FRAUD_LINKED', '开户预留手机号为涉诈号码');
    const phone = this.mint.mobile(prng.weighted(CARRIER_SHARE), prng);
    c.sharedPhone = phone;
    const [at] = this.moments(prng, this.place(prng, [0], recent), 'BANK') as [number];
    const person = this.person(prng, { minAge: 18, maxAge: 50, at });
    this.watchlist.push({
      kind: 'FRAUD_LINKED', target: 'PHONE', value: phone, reason: '该号码关联电信网络诈骗案件', addedAt: at - prng.between(2, 60) * DAY,
      expiresAt: null, caseIndex: c.index,
    });
    this.own(c, this.bank(prng, person, prng.weighted(this.salaryBanks), at, CLASS.II, PURPOSE.savings, null, { phone }), true);
  }

  /** An elderly person on the vulnerable list: counsel before proceeding. */
  private vulnerable(prng: Prng, recent: boolean): void {
    const c = this.startCase('VULNERABLE', '易受骗人员办理开户，需先行劝阻提示');
    const [at] = this.moments(prng, this.place(prng, [0], recent), 'BANK') as [number];
    const person = this.person(prng, { minAge: 68, maxAge: 82, at });
    this.watchlist.push({
      kind: 'VULNERABLE', target: 'PERSON', value: person.idNumber, reason: '社区民警走访登记的易受骗老年人', addedAt: at - prng.between(10, 300) * DAY,
      expiresAt: null, caseIndex: c.index,
    });
    const companion = prng.chance(0.5) ? null : { relation: RELATION.stranger, name: chineseName(prng), phone: this.mint.mobile(prng.weighted(CARRIER_SHARE), prng) };
    this.own(c, this.bank(prng, person, prng.weighted(this.salaryBanks), at, CLASS.II, PURPOSE.savings, companion), true);
  }
}

/** `count` day offsets in [0, span), sorted, at least `gap` days apart when there is room for it. */
export function spacedDays(prng: Prng, count: number, span: number, gap: number): number[] {
  const g = Math.max(0, Math.min(gap, Math.floor((span - 1) / Math.max(1, count))));
  const room = Math.max(1, span - (count - 1) * g);
  const points = Array.from({ length: count }, () => prng.int(room)).sort((a, b) => a - b);
  return points.map((p, i) => p + i * g);
}

export function ageAt(birthDate: string, at: number): number {
  const d = new Date(at + 8 * HOUR);
  const [y, m, day] = birthDate.split('-').map(Number) as [number, number, number];
  let age = d.getUTCFullYear() - y;
  if (d.getUTCMonth() + 1 < m || (d.getUTCMonth() + 1 === m && d.getUTCDate() < day)) age--;
  return age;
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
