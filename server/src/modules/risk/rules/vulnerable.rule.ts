import type { Rule } from '../risk.types';
import { hit } from './rule-kit';

/** Someone known to be at risk of being deceived: counsel first, the account may be for a fraudster. */
export const vulnerable: Rule = {
  code: 'VULNERABLE',
  defaults: {},
  evaluate(_subject, facts) {
    const match = facts.watchlist.find((w) => w.kind === 'VULNERABLE' && w.target === 'PERSON');
    if (!match) return undefined;
    return hit('VULNERABLE', 'VERIFY', '该客户在易受骗人员名单内。', '请先进行反诈劝导，询问是否有人指使开户或要求转账，确认无异常后再办理。', [
      { kind: 'WATCHLIST', text: `易受骗人员：${match.reason}` },
    ]);
  },
};
