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
