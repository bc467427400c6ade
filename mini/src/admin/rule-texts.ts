import type { RuleCode } from '@duanka/shared';

/** What each parameter of a rule means, in the words of the squad that sets it. */
export const PARAM_LABEL: Record<string, string> = {
  windowDays: '统计窗口（天）',
  windowHours: '统计窗口（小时）',
  windowMinutes: '统计窗口（分钟）',
  minAccounts: '触发的开户数',
  minBanks: '涉及银行数不少于',
  stopAccounts: '停止办理的开户数',
  maxLiveNumbers: '同一运营商在网号码上限',
  minNumbers: '触发的号卡数',
  minOtherPeople: '已被其他人使用的人数',
  minPeople: '同一陪同人带领的人数',
  churnDays: '开户到销户不超过（天）',
  lookbackDays: '回溯期（天）',
  homeProvince: '本省代码',
  minAge: '青年年龄下限',
  maxAge: '青年年龄上限',
  elderAge: '老年年龄下限',
  baselineDays: '基线天数',
  minCount: '最少开卡量',
  alphaPerMillion: '显著性水平（百万分之）',
  priorPerHour: '基线先验（笔/小时）',
};

export const paramLabel = (name: string) => PARAM_LABEL[name] ?? name;

/** "7 天内 ≥3 个账户": the live parameters in one line for the rule list. */
export function paramSummary(params: Record<string, number>): string {
  const entries = Object.entries(params);
  if (entries.length === 0) return '无可调参数';
  return entries.map(([name, value]) => `${paramLabel(name)} ${value}`).join('，');
}

/** The rule's level as the catalogue in DESIGN §5 has it. */
export const RULE_LEVEL: Record<RuleCode, string> = {
  WATCHLIST_PUNISHED: '停止办理',
  CLASS_I_DUPLICATE: '停止办理',
  SIM_CARRIER_LIMIT: '停止办理',
  MULTI_BANK_BURST: '需核实 / 停止办理',
  SIM_BURST: '需核实',
  TWO_CARD_COMBO: '需核实',
  SHARED_PHONE: '停止办理',
  ESCORT_GROUP: '停止办理 + 团伙告警',
  QUICK_CHURN: '需核实',
  YOUTH_NONLOCAL: '需核实',
  FRAUD_LINKED: '停止办理',
  VULNERABLE: '需核实',
  BRANCH_SPIKE: '仅告警公安',
};
