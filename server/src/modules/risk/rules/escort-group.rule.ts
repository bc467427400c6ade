import type { Rule } from '../risk.types';
import { distinct, hit, openingEvidence } from './rule-kit';

/** Several people brought to one counter by one escort in a short time: a recruited group. */
export const escortGroup: Rule = {
  code: 'ESCORT_GROUP',
  defaults: { windowHours: 2, minPeople: 3 },
  evaluate(subject, facts, { minPeople, windowHours }) {
    const others = distinct(facts.sameEscort.map((o) => o.personId));
    if (others.length + 1 < minPeople) return undefined;
    return hit('ESCORT_GROUP', 'STOP', `${windowHours} 小时内已有 ${others.length} 人在本网点由同一陪同人或同一联系电话带来办理，本次为第 ${others.length + 1} 人。`,
      '请停止办理，留意陪同人员，立即报告公安机关。', facts.sameEscort.map((o) => openingEvidence(o, '（同一陪同人/联系电话）')));
  },
};
