import { Inject, Injectable } from '@nestjs/common';
import type { AlertStatus, RuleHit, Verdict } from '@duanka/shared';
import { SQL } from '../../database/database.module';
import type { Sql, SqlValue } from '../../database/sql';

export interface AlertRow {
  id: string;
  kind: 'OPENING' | 'GROUP' | 'BRANCH_SPIKE';
  level: Verdict;
  status: AlertStatus;
  rules: string;
  title: string;
  owner_unit_id: string;
  assignee_id: string | null;
  area_code: string;
  branch_id: string;
  institution_id: string;
  person_id: string | null;
  opening_id: string | null;
  group_key: string | null;
  hits: string;
  created_at: number;
  updated_at: number;
  accept_due_at: number | null;
  dispose_due_at: number | null;
  escalations: number;
  disposition: string | null;
  label: string | null;
  closed_at: number | null;
}

export interface AlertActionRow {
  seq: number;
  alert_id: string;
  at: number;
  actor_id: string | null;
  unit_id: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  outcome: string | null;
  note: string | null;
  owner_unit_id: string;
  area_code: string;
}

const ALERT_COLUMNS = [
  'id', 'kind', 'level', 'status', 'rules', 'title', 'owner_unit_id', 'assignee_id', 'area_code', 'branch_id', 'institution_id',
  'person_id', 'opening_id', 'group_key', 'hits', 'created_at', 'updated_at', 'accept_due_at', 'dispose_due_at', 'escalations',
  'disposition', 'label', 'closed_at',
] as const;
const ALERT_SELECT = `SELECT ${ALERT_COLUMNS.join(', ')} FROM alerts`;

export type AlertScope = { all: true } | { all: false; unitIds: readonly string[] } | { all: false; institutionId: string };

/** Alerts, their members and the closed-loop action log. */
@Injectable()
export class AlertsRepository {
  constructor(@Inject(SQL) private readonly sql: Sql) {}

  async insert(tx: Sql, row: AlertRow): Promise<void> {
    await tx.run(`INSERT INTO alerts (${ALERT_COLUMNS.join(', ')}) VALUES (${ALERT_COLUMNS.map(() => '?').join(', ')})`,
      ALERT_COLUMNS.map((c) => row[c] as SqlValue));
  }

  find(id: string, tx: Sql = this.sql): Promise<AlertRow | undefined> {
    return tx.get<AlertRow>(`${ALERT_SELECT} WHERE id = ?`, [id]);
  }

  /** An open group alert for this escort, raised within the window: new members join it. */
  openGroup(tx: Sql, groupKey: string, since: number): Promise<AlertRow | undefined> {
    return tx.get<AlertRow>(`${ALERT_SELECT} WHERE group_key = ? AND created_at >= ? AND status <> 'CLOSED' ORDER BY created_at DESC LIMIT 1`, [groupKey, since]);
  }

  async addMember(tx: Sql, alertId: string, openingId: string, personId: string, at: number): Promise<boolean> {
    const exists = await tx.get('SELECT 1 AS x FROM alert_members WHERE alert_id = ? AND opening_id = ?', [alertId, openingId]);
    if (exists) return false;
    await tx.run('INSERT INTO alert_members (alert_id, opening_id, person_id, added_at) VALUES (?, ?, ?, ?)', [alertId, openingId, personId, at]);
    return true;
  }

  members(alertId: string): Promise<{ opening_id: string; person_id: string; added_at: number }[]> {
    return this.sql.all('SELECT opening_id, person_id, added_at FROM alert_members WHERE alert_id = ? ORDER BY added_at', [alertId]);
  }

  async update(tx: Sql, id: string, changes: Partial<Omit<AlertRow, 'id'>>): Promise<void> {
    const keys = Object.keys(changes) as (keyof typeof changes)[];
    if (keys.length === 0) return;
    await tx.run(`UPDATE alerts SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`, [...keys.map((k) => changes[k] as SqlValue), id]);
  }

  /** Appends one step of the closed loop and returns its sequence number (the live event id). */
  async addAction(tx: Sql, action: Omit<AlertActionRow, 'seq'>): Promise<number> {
    const columns = ['alert_id', 'at', 'actor_id', 'unit_id', 'action', 'from_status', 'to_status', 'outcome', 'note', 'owner_unit_id', 'area_code'] as const;
    const values = columns.map((c) => action[c] as SqlValue);
    const placeholders = columns.map(() => '?').join(', ');
    const row = await tx.get<{ seq: number }>(`INSERT INTO alert_actions (${columns.join(', ')}) VALUES (${placeholders}) RETURNING seq`, values);
    return Number(row!.seq);
  }

  actions(alertId: string): Promise<AlertActionRow[]> {
    return this.sql.all<AlertActionRow>('SELECT * FROM alert_actions WHERE alert_id = ? ORDER BY seq', [alertId]);
  }

  /** Every action after a sequence number: what a reconnecting live stream missed. */
  actionsAfter(seq: number, limit = 1000): Promise<AlertActionRow[]> {
    return this.sql.all<AlertActionRow>('SELECT * FROM alert_actions WHERE seq > ? ORDER BY seq LIMIT ?', [seq, limit]);
  }

  action(seq: number): Promise<AlertActionRow | undefined> {
    return this.sql.get<AlertActionRow>('SELECT * FROM alert_actions WHERE seq = ?', [seq]);
  }

  lastSeq(): Promise<number> {
    return this.sql.get<{ s: number | null }>('SELECT MAX(seq) AS s FROM alert_actions').then((r) => Number(r?.s ?? 0));
  }

  async list(scope: AlertScope, filter: { status?: AlertStatus; limit: number; before?: number }): Promise<AlertRow[]> {
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (!scope.all && 'unitIds' in scope) {
      if (scope.unitIds.length === 0) return [];
      where.push(`owner_unit_id IN (${scope.unitIds.map(() => '?').join(', ')})`);
      params.push(...scope.unitIds);
    } else if (!scope.all) {
      where.push('institution_id = ?');
      params.push(scope.institutionId);
    }
    if (filter.status) {
      where.push('status = ?');
      params.push(filter.status);
    }
    if (filter.before) {
      where.push('created_at < ?');
      params.push(filter.before);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    return this.sql.all<AlertRow>(`${ALERT_SELECT} ${clause} ORDER BY created_at DESC LIMIT ?`, [...params, filter.limit]);
  }

  /** Open alerts whose accept or dispose deadline has passed. */
  overdue(now: number, limit = 200): Promise<AlertRow[]> {
    return this.sql.all<AlertRow>(
      `${ALERT_SELECT} WHERE (status = 'NEW' AND accept_due_at < ?) OR (status IN ('ACCEPTED', 'IN_PROGRESS') AND dispose_due_at < ?) ORDER BY created_at LIMIT ?`,
      [now, now, limit],
    );
  }
}

export function parseAlertHits(row: Pick<AlertRow, 'hits'>): RuleHit[] {
  return JSON.parse(row.hits) as RuleHit[];
}
