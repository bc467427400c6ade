import type { Rule } from '../risk.types';
import { HOUR, hit, openingEvidence, within } from './rule-kit';

/** A new account and a new number together: the card farmer's kit for receiving verification codes. */
export const twoCardCombo: Rule = {
  code: 'TWO_CARD_COMBO',
  defaults: { windowHours: 48 },
  evaluate(subject, facts, { windowHours }) {
    const other = subject.kind === 'BANK' ? 'SIM' : 'BANK';
    const partners = within(facts.personHistory, subject.at - windowHours * HOUR).filter((o) => o.kind === other);
    if (partners.length === 0) return undefined;
    return hit('TWO_CARD_COMBO', 'VERIFY', `客户 ${windowHours} 小时内同时新办了银行账户和电话卡（“两卡”组合）。`,
      '请核实客户同时办理银行卡和电话卡的原因，确认卡片由本人使用。', partners.map((o) => openingEvidence(o)));
  },
};
