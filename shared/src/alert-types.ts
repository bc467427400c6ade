import type { AlertStatus, Disposition, RuleCode, TruthLabel, Verdict } from './enums';
import type { RuleHit } from './api-types';

// The alert as the police see it: the answer of GET /api/alerts and /api/alerts/:id and the
// payload of the live stream. The server builds these; the mini-program reads them.

export type AlertKind = 'OPENING' | 'GROUP' | 'BRANCH_SPIKE';
export type AlertCommand = 'ACCEPT' | 'START' | 'DISPOSE' | 'CLOSE' | 'REOPEN';
export type AlertActionKind = AlertCommand | 'CREATE' | 'ASSIGN' | 'ESCALATE' | 'MEMBER_ADDED';

export interface AlertView {
  id: string;
  kind: AlertKind;
  level: Verdict;
  status: AlertStatus;
  title: string;
  rules: RuleCode[];
  ownerUnit: { id: string; name: string };
  assigneeId: string | null;
  branch: { id: string; name: string };
  institutionId: string;
  personId: string | null;
  openingId: string | null;
  hits: RuleHit[];
  createdAt: string;
  updatedAt: string;
  acceptDueAt: string | null;
  disposeDueAt: string | null;
  overdue: boolean;
  escalations: number;
  disposition: Disposition | null;
  label: TruthLabel | null;
  closedAt: string | null;
}

export interface AlertAction {
  seq: number;
  action: AlertActionKind;
  at: string;
  actorId: string | null;
  fromStatus: AlertStatus | null;
  toStatus: AlertStatus | null;
  outcome: string | null;
  note: string | null;
}

export interface AlertDetail extends AlertView {
  actions: AlertAction[];
  members: { openingId: string; personId: string }[];
}

/** One `event: alert` of GET /api/alerts/stream. */
export interface AlertEvent {
  seq: number;
  action: AlertAction;
  alert: AlertView;
}

