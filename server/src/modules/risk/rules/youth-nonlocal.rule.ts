import type { Rule } from '../risk.types';
import { DAY, hit, openingEvidence, within } from './rule-kit';

/** Young or elderly people from outside the province, opening repeatedly: the profile recruiters target. */
export const youthNonlocal: Rule = {
  code: 'YOUTH_NONLOCAL',
  defaults: { homeProvince: 23, minAge: 16, maxAge: 25, elderAge: 65, windowDays: 30 },
  evaluate(subject, facts, { homeProvince, minAge, maxAge, elderAge, windowDays }) {
    if (Number(subject.regionCode.slice(0, 2)) === homeProvince) return undefined;
    const profiled = (subject.age >= minAge && subject.age <= maxAge) || subject.age >= elderAge;
    if (!profiled) return undefined;
    const recent = within(facts.personHistory, subject.at - windowDays * DAY);
    if (recent.length === 0) return undefined;
    return hit('YOUTH_NONLOCAL', 'VERIFY', `客户为外省户籍、${subject.age} 岁，${windowDays} 天内已有 ${recent.length} 笔开户/办卡。`,
      '请核实客户在本地的工作、学习或居住情况，以及开户的真实用途。', recent.map((o) => openingEvidence(o)));
  },
};
