import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALERT_STATUSES, type AlertStatus } from '@duanka/shared';
import { nextStatus, type AlertCommand } from '../src/modules/alerts/alert-state';

// The closed loop of DESIGN §5a, written out in full: every (state, command) pair that is legal,
// with where it leads. Everything else must be refused.
const LEGAL: Record<string, AlertStatus> = {
  'NEW ACCEPT': 'ACCEPTED',
  'ACCEPTED START': 'IN_PROGRESS',
  'ACCEPTED DISPOSE': 'DISPOSED',
  'IN_PROGRESS DISPOSE': 'DISPOSED',
  'DISPOSED CLOSE': 'CLOSED',
  'DISPOSED REOPEN': 'IN_PROGRESS',
};
const COMMANDS: AlertCommand[] = ['ACCEPT', 'START', 'DISPOSE', 'CLOSE', 'REOPEN'];

describe('the alert state machine', () => {
  for (const status of ALERT_STATUSES) {
    for (const command of COMMANDS) {
      const expected = LEGAL[`${status} ${command}`];
      it(`${status} + ${command} → ${expected ?? 'refused'}`, () => {
        assert.equal(nextStatus(status, command), expected);
      });
    }
  }

  it('leaves nothing open once CLOSED: no command moves a closed alert', () => {
    assert.deepEqual(COMMANDS.map((c) => nextStatus('CLOSED', c)), [undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('the branch-spike statistics', () => {
  it('computes Poisson tail probabilities', async () => {
    const { poissonTail, judgeSpike } = await import('../src/modules/risk/rules/branch-spike');
    assert.ok(Math.abs(poissonTail(1, 1) - (1 - Math.exp(-1))) < 1e-12);
    assert.equal(poissonTail(0, 3), 1);
    // P(X ≥ 6 | λ = 0.5): e^-0.5 × Σ_{k≥6} 0.5^k / k!
    let tail = 0;
    for (let k = 6; k < 40; k++) tail += Math.exp(-0.5) * 0.5 ** k / [...Array(k).keys()].reduce((f, i) => f * (i + 1), 1);
    assert.ok(Math.abs(poissonTail(6, 0.5) - tail) < 1e-12);
    const params = { windowMinutes: 60, baselineDays: 28, minCount: 6, alphaPerMillion: 100, priorPerHour: 0.5 };
    assert.equal(judgeSpike(6, 0, params).fires, true, '6 where the branch sees nobody');
    assert.equal(judgeSpike(5, 0, params).fires, false, 'below the floor');
    assert.equal(judgeSpike(12, 28 * 8, params).fires, false, '12 where 8 an hour is usual');
    assert.equal(judgeSpike(30, 28 * 8, params).fires, true, '30 where 8 an hour is usual');
  });
});
