import type { AlertStatus, Role } from '@duanka/shared';

// Which steps of the closed loop an officer may take on an alert, mirroring the server's state
// machine (NEW → ACCEPTED → IN_PROGRESS → DISPOSED → CLOSED; the squad closes or sends back).
// The server decides in the end; the screen only offers what would be accepted.

export type AlertStep = 'ACCEPT' | 'START' | 'DISPOSE' | 'CLOSE' | 'REOPEN' | 'ASSIGN' | 'ESCALATE';

export const STEP_LABEL: Record<AlertStep, string> = {
  ACCEPT: '签收',
  START: '开始核查',
  DISPOSE: '登记处置结果',
  CLOSE: '确认办结',
  REOPEN: '退回重办',
  ASSIGN: '指派下级',
  ESCALATE: '上报上级',
};

const BY_STATUS: Record<AlertStatus, readonly AlertStep[]> = {
  NEW: ['ACCEPT', 'ASSIGN', 'ESCALATE'],
  ACCEPTED: ['START', 'DISPOSE', 'ASSIGN', 'ESCALATE'],
  IN_PROGRESS: ['DISPOSE', 'ASSIGN', 'ESCALATE'],
  DISPOSED: ['CLOSE', 'REOPEN'],
  CLOSED: [],
};

const SQUAD_ONLY: readonly AlertStep[] = ['CLOSE', 'REOPEN'];

export interface StepContext {
  role: Role;
  /** There is a unit below the officer's own to hand the alert to. */
  hasSubUnits: boolean;
  /** The alert's owning unit has a parent to escalate to. */
  ownerHasParent: boolean;
}

/** The steps offered for an alert in `status`, the main one first. */
export function availableSteps(status: AlertStatus, context: StepContext): AlertStep[] {
  const police = context.role === 'POLICE_OFFICER' || context.role === 'SQUAD_ADMIN';
  if (!police) return [];
  return BY_STATUS[status].filter((step) => {
    if (SQUAD_ONLY.includes(step)) return context.role === 'SQUAD_ADMIN';
    if (step === 'ASSIGN') return context.hasSubUnits;
    if (step === 'ESCALATE') return context.ownerHasParent;
    return true;
  });
}
