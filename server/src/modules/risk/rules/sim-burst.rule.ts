import type { Rule } from '../risk.types';
import { DAY, hit, openingEvidence, within } from './rule-kit';

export const simBurst: Rule = {
  code: 'SIM_BURST',
  defaults: { windowDays: 30, minNumbers: 3 },
  evaluate(subject, facts, { windowDays, minNumbers }) {
    if (subject.kind !== 'SIM') return undefined;
    const recent = within(facts.personHistory, subject.at - windowDays * DAY).filter((o) => o.kind === 'SIM');
    if (recent.length + 1 < minNumbers) return undefined;
    return hit('SIM_BURST', 'VERIFY', `客户近 ${windowDays} 天内已新办电话卡 ${recent.length} 张，本次为第 ${recent.length + 1} 张。`,
      '请核实客户办理多张电话卡的用途，提示出租出借电话卡的法律责任。', recent.map((o) => openingEvidence(o)));
  },
};
