import type { Rule } from '../risk.types';
import { DAY, hit, openingEvidence } from './rule-kit';

/** Opened, cancelled within weeks, and now opening again: cards sold, burned and replaced. */
export const quickChurn: Rule = {
  code: 'QUICK_CHURN',
  defaults: { churnDays: 30, lookbackDays: 180 },
  evaluate(subject, facts, { churnDays, lookbackDays }) {
    const churned = facts.personHistory.filter(
      (o) => o.cancelledAt !== null && o.cancelledAt - o.openedAt <= churnDays * DAY && o.cancelledAt >= subject.at - lookbackDays * DAY,
    );
    if (churned.length === 0) return undefined;
    return hit('QUICK_CHURN', 'VERIFY', `客户近期有 ${churned.length} 张卡/号码开立后 ${churnDays} 天内即注销，现又申请新卡。`,
      '请询问此前销户原因，核实是否将卡出售或出借后被冻结。',
      churned.map((o) => openingEvidence(o, `，${Math.max(1, Math.round((o.cancelledAt! - o.openedAt) / DAY))} 天后注销`)));
  },
};
