import type { AlertCommand, AlertStatus } from '@duanka/shared';

// What an officer can do to an alert (ESCALATE and ASSIGN move it between units, not states).
export type { AlertCommand };

// The closed loop (DESIGN §5a): NEW → ACCEPTED → IN_PROGRESS → DISPOSED → CLOSED, and the squad
// may send a disposal back. Anything not listed is an illegal transition.
const TRANSITIONS: Record<AlertCommand, { from: readonly AlertStatus[]; to: AlertStatus }> = {
  ACCEPT: { from: ['NEW'], to: 'ACCEPTED' },
  START: { from: ['ACCEPTED'], to: 'IN_PROGRESS' },
  DISPOSE: { from: ['ACCEPTED', 'IN_PROGRESS'], to: 'DISPOSED' },
  CLOSE: { from: ['DISPOSED'], to: 'CLOSED' },
  REOPEN: { from: ['DISPOSED'], to: 'IN_PROGRESS' },
};

export function nextStatus(current: AlertStatus, command: AlertCommand): AlertStatus | undefined {
  const transition = TRANSITIONS[command];
  return transition.from.includes(current) ? transition.to : undefined;
}

export function isOpen(status: AlertStatus): boolean {
  return status !== 'CLOSED';
}

export { DISPOSITIONS, TRUTH_LABELS, type Disposition, type TruthLabel } from '@duanka/shared';
