// Every closed set of values in the product: a readonly array (the server validates against it),
// the union type derived from it, and Chinese labels for everything a user reads.

export const INSTITUTION_KINDS = ['BANK', 'CARRIER'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export const ACCOUNT_CLASSES = ['I', 'II', 'III'] as const;
export type AccountClass = (typeof ACCOUNT_CLASSES)[number];

/** Ordered by severity: PASS < VERIFY < STOP. */
export const VERDICTS = ['PASS', 'VERIFY', 'STOP'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const ROLES = ['TELLER', 'INSTITUTION_ADMIN', 'POLICE_OFFICER', 'SQUAD_ADMIN', 'SYSTEM_ADMIN'] as const;
export type Role = (typeof ROLES)[number];
export const POLICE_ROLES: readonly Role[] = ['POLICE_OFFICER', 'SQUAD_ADMIN'];

export const OUTCOMES = ['ISSUED', 'REFUSED', 'REFERRED'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Ordinary card, IoT data card, virtual-operator card. */
export const SIM_CARD_KINDS = ['STANDARD', 'IOT', 'VIRTUAL'] as const;
export type SimCardKind = (typeof SIM_CARD_KINDS)[number];

/** China Mobile, China Unicom, China Telecom, China Broadnet. */
export const CARRIERS = ['CMCC', 'CUCC', 'CTCC', 'CBN'] as const;
export type Carrier = (typeof CARRIERS)[number];

export const OPENING_PURPOSES = ['SALARY', 'SAVINGS', 'BUSINESS', 'SOCIAL_SECURITY', 'LOAN_REPAYMENT', 'STUDENT', 'OTHER'] as const;
export type OpeningPurpose = (typeof OPENING_PURPOSES)[number];

export const COMPANION_RELATIONS = ['NONE', 'FAMILY', 'FRIEND', 'EMPLOYER', 'AGENT', 'STRANGER'] as const;
export type CompanionRelation = (typeof COMPANION_RELATIONS)[number];

export const CANCELLATION_KINDS = ['BANK', 'SIM'] as const;
export type CancellationKind = (typeof CANCELLATION_KINDS)[number];

export const RULE_CODES = [
  'WATCHLIST_PUNISHED',
  'CLASS_I_DUPLICATE',
  'SIM_CARRIER_LIMIT',
  'MULTI_BANK_BURST',
  'SIM_BURST',
  'TWO_CARD_COMBO',
  'SHARED_PHONE',
  'ESCORT_GROUP',
  'QUICK_CHURN',
  'YOUTH_NONLOCAL',
  'FRAUD_LINKED',
  'VULNERABLE',
  'BRANCH_SPIKE',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export const ALERT_STATUSES = ['NEW', 'ACCEPTED', 'IN_PROGRESS', 'DISPOSED', 'CLOSED'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** From the top of the chain down: city squad, district bureau, police station, community officer. */
export const POLICE_UNIT_LEVELS = ['CITY', 'DISTRICT', 'STATION', 'COMMUNITY'] as const;
export type PoliceUnitLevel = (typeof POLICE_UNIT_LEVELS)[number];

export const WATCHLIST_KINDS = ['PUNISHED', 'FRAUD_LINKED', 'VULNERABLE'] as const;
export type WatchlistKind = (typeof WATCHLIST_KINDS)[number];

/** How the police disposed of an alert (the closed loop's outcome, fed back to the institution). */
export const DISPOSITIONS = ['WARNED', 'CLEARED', 'CASE_OPENED', 'CARDS_CANCELLED', 'REFERRED'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** Whether the alert was right: what the per-rule confirmed rate is counted from. */
export const TRUTH_LABELS = ['TRUE_POSITIVE', 'FALSE_POSITIVE'] as const;
export type TruthLabel = (typeof TRUTH_LABELS)[number];

/** Whether a value is one of a closed set, e.g. isOneOf(VERDICTS, body.verdict). */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** 0 for PASS, 1 for VERIFY, 2 for STOP. */
export function verdictRank(verdict: Verdict): number {
  return VERDICTS.indexOf(verdict);
}

/** The more severe of two verdicts. */
export function maxVerdict(a: Verdict, b: Verdict): Verdict {
  return verdictRank(a) >= verdictRank(b) ? a : b;
}

export interface Labels {
  institutionKind: Record<InstitutionKind, string>;
  accountClass: Record<AccountClass, string>;
  verdict: Record<Verdict, string>;
  role: Record<Role, string>;
  outcome: Record<Outcome, string>;
  simCardKind: Record<SimCardKind, string>;
  carrier: Record<Carrier, string>;
  purpose: Record<OpeningPurpose, string>;
  relation: Record<CompanionRelation, string>;
  cancellationKind: Record<CancellationKind, string>;
  ruleCode: Record<RuleCode, string>;
  alertStatus: Record<AlertStatus, string>;
  policeUnitLevel: Record<PoliceUnitLevel, string>;
  watchlistKind: Record<WatchlistKind, string>;
  disposition: Record<Disposition, string>;
  truthLabel: Record<TruthLabel, string>;
}

export const LABELS: Labels = {
  institutionKind: { BANK: '银行', CARRIER: '运营商' },
  accountClass: { I: 'I类户', II: 'II类户', III: 'III类户' },
  verdict: { PASS: '通过', VERIFY: '需核实', STOP: '停止办理' },
  role: {
    TELLER: '柜员',
    INSTITUTION_ADMIN: '机构管理员',
    POLICE_OFFICER: '民警',
    SQUAD_ADMIN: '反诈中心管理员',
    SYSTEM_ADMIN: '系统管理员',
  },
  outcome: { ISSUED: '已办理', REFUSED: '已拒绝办理', REFERRED: '已移交公安' },
  simCardKind: { STANDARD: '普通号卡', IOT: '物联网卡', VIRTUAL: '虚拟运营商号卡' },
  carrier: { CMCC: '中国移动', CUCC: '中国联通', CTCC: '中国电信', CBN: '中国广电' },
  purpose: {
    SALARY: '代发工资',
    SAVINGS: '个人储蓄',
    BUSINESS: '经营结算',
    SOCIAL_SECURITY: '社保医保',
    LOAN_REPAYMENT: '贷款还款',
    STUDENT: '学生用卡',
    OTHER: '其他',
  },
  relation: {
    NONE: '无人陪同',
    FAMILY: '家属',
    FRIEND: '朋友',
    EMPLOYER: '单位或雇主',
    AGENT: '中介或代办人',
    STRANGER: '不相识的人',
  },
  cancellationKind: { BANK: '销户', SIM: '销号' },
  ruleCode: {
    WATCHLIST_PUNISHED: '断卡惩戒对象',
    CLASS_I_DUPLICATE: '同一银行重复开立I类户',
    SIM_CARRIER_LIMIT: '同一运营商号卡超过上限',
    MULTI_BANK_BURST: '短期内多家银行开户',
    SIM_BURST: '短期内办理多张号卡',
    TWO_CARD_COMBO: '短期内同时办理银行卡和电话卡',
    SHARED_PHONE: '预留手机号被多人使用',
    ESCORT_GROUP: '多人由同一人陪同开户',
    QUICK_CHURN: '开卡后短期销户又再开卡',
    YOUTH_NONLOCAL: '外省青年或老年人短期多次开卡',
    FRAUD_LINKED: '号码或账户涉诈',
    VULNERABLE: '易受骗人员',
    BRANCH_SPIKE: '网点开卡量异常激增',
  },
  alertStatus: {
    NEW: '待签收',
    ACCEPTED: '已签收',
    IN_PROGRESS: '核查中',
    DISPOSED: '已处置',
    CLOSED: '已办结',
  },
  policeUnitLevel: { CITY: '市局反诈中心', DISTRICT: '分局', STATION: '派出所', COMMUNITY: '社区警务室' },
  watchlistKind: { PUNISHED: '断卡惩戒人员', FRAUD_LINKED: '涉诈号码或账户', VULNERABLE: '易受骗人员' },
  disposition: {
    WARNED: '已警示劝导',
    CLEARED: '核查无异常',
    CASE_OPENED: '已立案侦查',
    CARDS_CANCELLED: '已注销涉案卡号',
    REFERRED: '已移交其他单位',
  },
  truthLabel: { TRUE_POSITIVE: '确有风险', FALSE_POSITIVE: '误报' },
};
