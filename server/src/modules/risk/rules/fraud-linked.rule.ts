import type { Rule } from '../risk.types';
import { hit } from './rule-kit';

const TARGET = { PHONE: '手机号', CARD: '银行卡', PERSON: '身份' } as const;

export const fraudLinked: Rule = {
  code: 'FRAUD_LINKED',
  defaults: {},
  evaluate(_subject, facts) {
    const matches = facts.watchlist.filter((w) => w.kind === 'FRAUD_LINKED');
    if (matches.length === 0) return undefined;
    return hit('FRAUD_LINKED', 'STOP', `本次登记的${matches.map((m) => TARGET[m.target]).join('、')}已被公安机关标记为涉诈。`,
      '请停止办理，稳住客户并立即报告公安机关。', matches.map((m) => ({ kind: 'WATCHLIST' as const, text: `涉诈${TARGET[m.target]}：${m.reason}` })));
  },
};
