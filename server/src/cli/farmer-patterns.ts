import { DAY, HOUR, MINUTE, spacedDays } from './city-clock';
import type { CityPlanner, Companion, PlantedKind } from './city-plan';
import { CARRIER_SHARE, chineseName } from './identities';
import type { Prng } from './prng';
import { CLASS, PURPOSE, RELATION } from './vocabulary';

/**
 * The card-farmer patterns of the rule catalogue (DESIGN §5), planted among ordinary people: each
 * builder adds the people and openings of one case, marking the openings at which its rule fires.
 */
export class FarmerPatterns {
  constructor(private readonly city: CityPlanner) {}

  /** Adds one case of `kind`; `recent` puts it in the last two days. */
  plant(kind: PlantedKind, prng: Prng, recent: boolean): void {
    this[BUILDERS[kind]](prng, recent);
  }

  /** ≥3 people brought to one counter within 2 hours by the same escort (his phone on every form). */
  private escortGroup(prng: Prng, recent: boolean): void {
    const c = this.city.startCase('ESCORT_GROUP', '同一陪同人 2 小时内在同一网点带领多人开户');
    const size = prng.between(3, 5);
    const busy = this.city.org.banks.filter((b) => b.districtCode === '230103' || b.districtCode === '230104');
    const branch = prng.pick(busy.length > 0 ? busy : this.city.org.banks);
    const [day] = this.city.place(prng, [0], recent) as [number];
    let at = this.city.clock.at(day, 9.5 * 60 + prng.int(300));
    const wanted = [at];
    for (let i = 1; i < size; i++) wanted.push((at += prng.between(8, 22) * MINUTE));
    const times = this.city.clock.beforeNow(wanted);
    const escort = { name: chineseName(prng), phone: this.city.mint.mobile('CMCC', prng) };
    c.companionPhone = escort.phone;
    times.forEach((when, i) => {
      const person = this.city.person(prng, { region: prng.chance(0.5) ? 'other' : 'province', minAge: 18, maxAge: 24, at: when });
      const companion: Companion = { ...escort, relation: prng.pick([RELATION.friend, RELATION.agent, RELATION.stranger]) };
      this.city.own(c, this.city.bank(prng, person, branch.institutionCode, when, CLASS.II, PURPOSE.other, companion, { branch }), i >= 2);
    });
  }

  /** One person, accounts at four banks in five days. */
  private multiBankBurst(prng: Prng, recent: boolean): void {
    const c = this.city.startCase('MULTI_BANK_BURST', '同一人 5 天内在 4 家银行开户');
    const person = this.city.person(prng, { minAge: 19, maxAge: 35 });
    const banks = prng.sample([...this.city.banksByCode.keys()], 4);
    const times = this.city.moments(prng, this.city.place(prng, [0, 1, 3, 4], recent), 'BANK');
    times.forEach((at, i) => this.city.own(c, this.city.bank(prng, person, banks[i % banks.length]!, at, CLASS.II, PURPOSE.savings, null), i >= 2));
  }

  /** One phone reserved on the accounts of three or four people: someone controls their cards. */
  private sharedPhone(prng: Prng, recent: boolean): void {
    const c = this.city.startCase('SHARED_PHONE', '多人开户预留同一手机号');
    const phone = this.city.mint.mobile('CMCC', prng);
    c.sharedPhone = phone;
    const times = this.city.moments(prng, this.city.place(prng, spacedDays(prng, prng.between(3, 4), 20, 3), recent), 'BANK');
    times.forEach((at, i) => {
      const person = this.city.person(prng, { minAge: 18, maxAge: 45, at });
      this.city.own(c, this.city.bank(prng, person, prng.weighted(this.city.salaryBanks), at, CLASS.II, PURPOSE.savings, null, { phone }), i >= 2);
    });
  }

  /** Opened, cancelled within weeks (the card was sold and frozen), and now a new one. */
  private quickChurn(prng: Prng, recent: boolean): void {
    const c = this.city.startCase('QUICK_CHURN', '开卡后 30 天内注销，随后再次开卡');
    const person = this.city.person(prng, { minAge: 18, maxAge: 40 });
    const keep = prng.between(4, 25);
    const pause = prng.between(3, 30);
    const [opened, cancelled, again] = this.city.moments(prng, this.city.place(prng, [0, keep, keep + pause], recent), 'BANK') as [number, number, number];
    const viaSim = prng.chance(0.3);
    const first = viaSim
      ? this.city.sim(prng, person, prng.weighted(this.city.carrierShare), opened, null)
      : this.city.bank(prng, person, prng.weighted(this.city.salaryBanks), opened, CLASS.II, PURPOSE.savings, null);
    first.cancel = { at: cancelled, reason: viaSim ? '客户申请销号' : '客户申请销户' };
    this.city.own(c, first, false);
    const next = viaSim
      ? this.city.sim(prng, person, prng.weighted(this.city.carrierShare), again, null)
      : this.city.bank(prng, person, this.city.otherBank(prng, new Set([first.branch.institutionCode])), again, CLASS.II, PURPOSE.savings, null);
    this.city.own(c, next, true);
  }

  /** Young people from other provinces (sometimes the elderly), opening again within a month. */
  private youthNonlocal(prng: Prng, recent: boolean): void {
    const c = this.city.startCase('YOUTH_NONLOCAL', '外省籍年轻人（或老年人）30 天内多次开户');
    const elderly = prng.chance(0.25);
    const offsets = [0];
    for (let i = 1, n = prng.between(2, 3); i < n; i++) offsets.push(offsets[i - 1]! + prng.between(8, 13));
    const times = this.city.moments(prng, this.city.place(prng, offsets, recent), 'BANK');
    const person = this.city.person(prng, { region: 'other', minAge: elderly ? 66 : 17, maxAge: elderly ? 75 : 24, at: times[0]! });
    const used = new Set<string>();
    times.forEach((at, i) => {
      const code = this.city.otherBank(prng, used);
      used.add(code);
      this.city.own(c, this.city.bank(prng, person, code, at, i === 0 ? CLASS.I : CLASS.II, PURPOSE.savings, null), i >= 1);
    });
  }

  /** Three or four new numbers within a month, any carriers. */
  private simBurst(prng: Prng, recent: boolean): void {
    const c = this.city.startCase('SIM_BURST', '同一人 30 天内新办多张电话卡');
    const person = this.city.person(prng, { minAge: 18, maxAge: 50 });
    const offsets = [0];
    for (let i = 1, n = prng.between(3, 4); i < n; i++) offsets.push(offsets[i - 1]! + prng.between(3, 9));
    const times = this.city.moments(prng, this.city.place(prng, offsets, recent), 'CARRIER');
    times.forEach((at, i) => this.city.own(c, this.city.sim(prng, person, prng.weighted(this.city.carrierShare), at, null), i >= 2));
  }

  /** Six live numbers at one carrier: the sixth exceeds the limit of five. */
  private simCarrierLimit(prng: Prng, recent: boolean): void {
    const c = this.city.startCase('SIM_CARRIER_LIMIT', '同一人在同一运营商名下号码超过 5 个');
    const person = this.city.person(prng, { minAge: 20, maxAge: 55 });
    const carrier = this.city.carriersByCode.has('CMCC') ? 'CMCC' : [...this.city.carriersByCode.keys()][0]!;
    const span = Math.min(this.city.clock.days - 3, 75);
    const times = this.city.moments(prng, this.city.place(prng, spacedDays(prng, 6, span, Math.floor(span / 8)), recent), 'CARRIER');
    times.forEach((at, i) => this.city.own(c, this.city.sim(prng, person, carrier, at, null), i === 5));
  }

  /** A new number and a new account within 48 hours: the card farmer's kit. */
  private twoCardCombo(prng: Prng, recent: boolean): void {
    const c = this.city.startCase('TWO_CARD_COMBO', '48 小时内新办电话卡并开立银行账户');
    const person = this.city.person(prng, { minAge: 18, maxAge: 40 });
    const [day] = this.city.place(prng, [1], recent) as [number];
    const simAt = this.city.clock.at(day - 1, this.city.clock.businessMinutes(prng, 'CARRIER'));
    const [s, b] = this.city.clock.beforeNow([simAt, simAt + prng.between(2, 40) * HOUR]) as [number, number];
    const sim = this.city.own(c, this.city.sim(prng, person, prng.weighted(this.city.carrierShare), s, null), false);
    this.city.own(c, this.city.bank(prng, person, prng.weighted(this.city.salaryBanks), b, CLASS.II, PURPOSE.savings, null, { phone: sim.phone }), true);
  }

  /** A punished card seller (断卡惩戒: 5 years without new accounts) tries again. */
  private punished(prng: Prng, recent: boolean): void {
    const c = this.city.startCase('WATCHLIST_PUNISHED', '断卡惩戒人员再次申请开户');
    const [at] = this.city.moments(prng, this.city.place(prng, [0], recent), 'BANK') as [number];
    const person = this.city.person(prng, { minAge: 19, maxAge: 45, at });
    const addedAt = this.city.clock.start - prng.between(30, 700) * DAY;
    this.city.watchlist.push({
      kind: 'PUNISHED', target: 'PERSON', value: person.idNumber, reason: '出租、出售银行卡被认定为“两卡”违法，惩戒期 5 年',
      addedAt, expiresAt: addedAt + 5 * 365 * DAY, caseIndex: c.index,
    });
    this.city.own(c, this.city.bank(prng, person, prng.weighted(this.city.salaryBanks), at, CLASS.II, PURPOSE.savings, null), true);
  }

  /** A second Class I account at the same bank (one per bank is the rule). */
  private classIDuplicate(prng: Prng, recent: boolean): void {
    const c = this.city.startCase('CLASS_I_DUPLICATE', '在同一银行重复开立 I 类账户');
    const person = this.city.person(prng, { minAge: 20, maxAge: 60 });
    const code = prng.weighted(this.city.salaryBanks);
    const [a, b] = this.city.moments(prng, this.city.place(prng, [0, prng.between(5, 40)], recent), 'BANK') as [number, number];
    const first = this.city.own(c, this.city.bank(prng, person, code, a, CLASS.I, PURPOSE.salary, null), false);
    const other = this.city.branchOf(prng, this.city.banksByCode, code, person.homeDistrict, first.branch.id);
    this.city.own(c, this.city.bank(prng, person, code, b, CLASS.I, PURPOSE.savings, null, { branch: other }), true);
  }

  /** The reserved phone is on the fraud-linked list (涉诈号码). */
  private fraudLinked(prng: Prng, recent: boolean): void {
    const c = this.city.startCase('FRAUD_LINKED', '开户预留手机号为涉诈号码');
    const phone = this.city.mint.mobile(prng.weighted(CARRIER_SHARE), prng);
    c.sharedPhone = phone;
    const [at] = this.city.moments(prng, this.city.place(prng, [0], recent), 'BANK') as [number];
    const person = this.city.person(prng, { minAge: 18, maxAge: 50, at });
    this.city.watchlist.push({
      kind: 'FRAUD_LINKED', target: 'PHONE', value: phone, reason: '该号码关联电信网络诈骗案件', addedAt: at - prng.between(2, 60) * DAY,
      expiresAt: null, caseIndex: c.index,
    });
    this.city.own(c, this.city.bank(prng, person, prng.weighted(this.city.salaryBanks), at, CLASS.II, PURPOSE.savings, null, { phone }), true);
  }

  /** An elderly person on the vulnerable list: counsel before proceeding. */
  private vulnerable(prng: Prng, recent: boolean): void {
    const c = this.city.startCase('VULNERABLE', '易受骗人员办理开户，需先行劝阻提示');
    const [at] = this.city.moments(prng, this.city.place(prng, [0], recent), 'BANK') as [number];
    const person = this.city.person(prng, { minAge: 68, maxAge: 82, at });
    this.city.watchlist.push({
      kind: 'VULNERABLE', target: 'PERSON', value: person.idNumber, reason: '社区民警走访登记的易受骗老年人', addedAt: at - prng.between(10, 300) * DAY,
      expiresAt: null, caseIndex: c.index,
    });
    const companion = prng.chance(0.5) ? null : { relation: RELATION.stranger, name: chineseName(prng), phone: this.city.mint.mobile(prng.weighted(CARRIER_SHARE), prng) };
    this.city.own(c, this.city.bank(prng, person, prng.weighted(this.city.salaryBanks), at, CLASS.II, PURPOSE.savings, companion), true);
  }
}

const BUILDERS = {
  ESCORT_GROUP: 'escortGroup', MULTI_BANK_BURST: 'multiBankBurst', SHARED_PHONE: 'sharedPhone', QUICK_CHURN: 'quickChurn',
  YOUTH_NONLOCAL: 'youthNonlocal', SIM_BURST: 'simBurst', SIM_CARRIER_LIMIT: 'simCarrierLimit', TWO_CARD_COMBO: 'twoCardCombo',
  WATCHLIST_PUNISHED: 'punished', CLASS_I_DUPLICATE: 'classIDuplicate', FRAUD_LINKED: 'fraudLinked', VULNERABLE: 'vulnerable',
} as const satisfies Record<PlantedKind, string>;
