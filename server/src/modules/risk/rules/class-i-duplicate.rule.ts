import type { Rule } from '../risk.types';
import { hit, openingEvidence } from './rule-kit';

/** One person may hold one Class I account per bank. */
export const classIDuplicate: Rule = {
  code: 'CLASS_I_DUPLICATE',
  defaults: {},
  evaluate(subject, facts) {
    if (subject.kind !== 'BANK' || subject.accountClass !== 'I') return undefined;
    const existing = facts.personHistory.filter(
      (o) => o.kind === 'BANK' && o.accountClass === 'I' && o.institutionId === subject.institutionId && o.cancelledAt === null,
    );
    if (existing.length === 0) return undefined;
    return hit('CLASS_I_DUPLICATE', 'STOP', `客户在本行已有 ${existing.length} 个未注销的Ⅰ类户，同一银行只能开立一个Ⅰ类户。`,
      '请停止开立Ⅰ类户；确有需要可引导开立Ⅱ、Ⅲ类户。', existing.map((o) => openingEvidence(o)));
  },
};
