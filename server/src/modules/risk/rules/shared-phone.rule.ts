import type { Rule } from '../risk.types';
import { distinct, hit, openingEvidence } from './rule-kit';

/** One reserved phone on accounts of several people: the accounts are controlled by one hand. */
export const sharedPhone: Rule = {
  code: 'SHARED_PHONE',
  defaults: { minOtherPeople: 2 },
  evaluate(subject, facts, { minOtherPeople }) {
    if (subject.kind !== 'BANK') return undefined;
    const people = distinct(facts.samePhoneOthers.map((o) => o.personId));
    if (people.length < minOtherPeople) return undefined;
    return hit('SHARED_PHONE', 'STOP', `该预留手机号已被另外 ${people.length} 人用作银行账户预留手机号。`,
      '请停止办理；预留手机号必须为客户本人实名使用的号码。', facts.samePhoneOthers.slice(0, 10).map((o) => openingEvidence(o, '（他人，预留同一手机号）')));
  },
};
