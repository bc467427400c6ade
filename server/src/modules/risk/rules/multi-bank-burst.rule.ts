import type { Rule } from '../risk.types';
import { DAY, distinct, hit, openingEvidence, within } from './rule-kit';

/** Many new accounts at several banks in a few days: what no single bank can see. */
export const multiBankBurst: Rule = {
  code: 'MULTI_BANK_BURST',
  defaults: { windowDays: 7, minAccounts: 3, minBanks: 2, stopAccounts: 5 },
  evaluate(subject, facts, { windowDays, minAccounts, minBanks, stopAccounts }) {
    if (subject.kind !== 'BANK') return undefined;
    const recent = within(facts.personHistory, subject.at - windowDays * DAY).filter((o) => o.kind === 'BANK');
    const accounts = recent.length + 1;
    const banks = distinct([...recent.map((o) => o.institutionId), subject.institutionId]).length;
    if (accounts < minAccounts || banks < minBanks) return undefined;
    const level = accounts >= stopAccounts ? 'STOP' : 'VERIFY';
    return hit('MULTI_BANK_BURST', level, `客户近 ${windowDays} 天内在 ${banks} 家银行新开账户 ${accounts} 个（含本次），符合“多头开户”特征。`,
      level === 'STOP' ? '请停止办理，并移交公安机关核查。' : '请询问客户在多家银行开户的原因，核实是否受人指使或出租出借账户。',
      recent.map((o) => openingEvidence(o)));
  },
};
