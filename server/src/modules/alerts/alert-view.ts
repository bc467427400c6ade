import type { AlertAction, AlertActionKind, AlertStatus, AlertView, Disposition, RuleCode, TruthLabel } from '@duanka/shared';
import { iso } from '../../common/time';
import { parseAlertHits, type AlertActionRow, type AlertRow } from './alerts.repository';

export type { AlertView };
export type AlertActionView = AlertAction;

export function isOverdue(row: Pick<AlertRow, 'status' | 'accept_due_at' | 'dispose_due_at'>, now = Date.now()): boolean {
  if (row.status === 'NEW') return row.accept_due_at !== null && row.accept_due_at < now;
  if (row.status === 'ACCEPTED' || row.status === 'IN_PROGRESS') return row.dispose_due_at !== null && row.dispose_due_at < now;
  return false;
}

const at = (v: number | null) => (v === null ? null : iso(Number(v)));

export function alertView(row: AlertRow, names: { unit: string; branch: string }, now = Date.now()): AlertView {
  return {
    id: row.id, kind: row.kind, level: row.level, status: row.status, title: row.title, rules: row.rules.split(',').filter(Boolean) as RuleCode[],
    ownerUnit: { id: row.owner_unit_id, name: names.unit }, assigneeId: row.assignee_id,
    branch: { id: row.branch_id, name: names.branch }, institutionId: row.institution_id, personId: row.person_id,
    openingId: row.opening_id, hits: parseAlertHits(row), createdAt: iso(Number(row.created_at)), updatedAt: iso(Number(row.updated_at)),
    acceptDueAt: at(row.accept_due_at), disposeDueAt: at(row.dispose_due_at), overdue: isOverdue(row, now),
    escalations: Number(row.escalations), disposition: row.disposition as Disposition | null, label: row.label as TruthLabel | null, closedAt: at(row.closed_at),
  };
}

export function actionView(row: AlertActionRow): AlertActionView {
  return {
    seq: Number(row.seq), action: row.action as AlertActionKind, at: iso(Number(row.at)), actorId: row.actor_id,
    fromStatus: row.from_status as AlertStatus | null, toStatus: row.to_status as AlertStatus | null, outcome: row.outcome, note: row.note,
  };
}
