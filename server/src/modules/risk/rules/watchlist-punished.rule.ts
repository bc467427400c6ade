import type { Rule } from '../risk.types';
import { hit } from './rule-kit';

/** 断卡惩戒: a punished card seller may not open new accounts or numbers for the punishment term. */
export const watchlistPunished: Rule = {
  code: 'WATCHLIST_PUNISHED',
  defaults: {},
  evaluate(_subject, facts) {
    const match = facts.watchlist.find((w) => w.kind === 'PUNISHED' && w.target === 'PERSON');
    if (!match) return undefined;
    return hit('WATCHLIST_PUNISHED', 'STOP', '该客户在“断卡”惩戒名单内，惩戒期内不得新开账户或电话卡。', '请停止办理，告知客户因涉“两卡”违法犯罪受到惩戒。', [
      { kind: 'WATCHLIST', text: `惩戒名单：${match.reason}${match.expiresAt ? `，至 ${new Date(match.expiresAt).toISOString().slice(0, 10)}` : ''}` },
    ]);
  },
};
