import { LABELS } from '@duanka/shared';
import type { Rule } from '../risk.types';
import { hit, openingEvidence } from './rule-kit';

/** Anti-Fraud Law art. 10: a carrier limits how many numbers one person holds with it. */
export const simCarrierLimit: Rule = {
  code: 'SIM_CARRIER_LIMIT',
  defaults: { maxLiveNumbers: 5 },
  evaluate(subject, facts, { maxLiveNumbers }) {
    if (subject.kind !== 'SIM' || !subject.carrier) return undefined;
    const live = facts.personHistory.filter((o) => o.kind === 'SIM' && o.carrier === subject.carrier && o.cancelledAt === null);
    if (live.length + 1 <= maxLiveNumbers) return undefined;
    return hit('SIM_CARRIER_LIMIT', 'STOP', `客户在${LABELS.carrier[subject.carrier]}已有 ${live.length} 个在用号码，再办理将超过 ${maxLiveNumbers} 个的上限。`,
      '请停止办理；客户如需新号，须先注销不用的号码。', live.map((o) => openingEvidence(o)));
  },
};
