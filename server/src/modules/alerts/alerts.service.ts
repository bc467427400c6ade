import { Inject, Injectable } from '@nestjs/common';
import { LABELS, type AlertStatus } from '@duanka/shared';
import { Clock } from '../../common/clock';
import { DomainError, forbidden, invalid, notFound } from '../../common/domain-error';
import { SQL } from '../../database/database.module';
import type { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { isPolice, type Actor } from '../auth/actor';
import { BranchDirectory } from '../org/branch-directory';
import { OrgRepository } from '../org/org.repository';
import { UnitDirectory } from '../org/unit-directory';
import { EventBus } from '../push/event-bus';
import { AlertJournal } from './alert-journal';
import { AlertPolicyBook } from './alert-policy';
import { nextStatus, type AlertCommand, type Disposition, type TruthLabel } from './alert-state';
import { actionView, alertView, isOverdue, type AlertActionView, type AlertView } from './alert-view';
import { AlertsRepository, type AlertRow, type AlertScope } from './alerts.repository';

/** The closed loop of an alert (DESIGN §5a): who may do what, and the record of every step. */
@Injectable()
export class AlertsService {
  constructor(
    @Inject(SQL) private readonly sql: Sql,
    private readonly clock: Clock,
    private readonly repo: AlertsRepository,
    private readonly units: UnitDirectory,
    private readonly branches: BranchDirectory,
    private readonly org: OrgRepository,
    private readonly audit: AuditService,
    private readonly bus: EventBus,
    private readonly journal: AlertJournal,
    private readonly policy: AlertPolicyBook,
  ) {}

  /** Units whose alerts the actor sees: their own unit and every unit below it. */
  async scope(actor: Actor): Promise<AlertScope> {
    if (isPolice(actor) && actor.policeUnitId) return { all: false, unitIds: await this.units.subtree(actor.policeUnitId) };
    if (actor.role === 'INSTITUTION_ADMIN' && actor.institutionId) return { all: false, institutionId: actor.institutionId };
    throw forbidden('您的角色不能查看告警');
  }

  async visible(actor: Actor, row: Pick<AlertRow, 'owner_unit_id' | 'institution_id'>): Promise<boolean> {
    const scope = await this.scope(actor);
    if (scope.all) return true;
    return 'unitIds' in scope ? scope.unitIds.includes(row.owner_unit_id) : scope.institutionId === row.institution_id;
  }

  async view(row: AlertRow): Promise<AlertView> {
    const [unit, branch] = await Promise.all([this.units.unit(row.owner_unit_id), this.branches.get(row.branch_id)]);
    return alertView(row, { unit: unit?.name ?? '', branch: branch?.name ?? '' }, this.clock.now());
  }

  async list(actor: Actor, status?: AlertStatus, limit = 50): Promise<{ items: AlertView[] }> {
    const rows = await this.repo.list(await this.scope(actor), { status, limit });
    await this.audit.record(actor, { action: 'alert.list', detail: { status: status ?? 'ALL', count: rows.length } });
    return { items: await Promise.all(rows.map((r) => this.view(r))) };
  }

  async detail(actor: Actor, id: string): Promise<AlertView & { actions: AlertActionView[]; members: { openingId: string; personId: string }[] }> {
    const row = await this.visibleAlert(actor, id);
    await this.audit.record(actor, { action: 'alert.read', subjectType: 'alert', subjectId: id });
    const [actions, members] = await Promise.all([this.repo.actions(id), this.repo.members(id)]);
    return {
      ...(await this.view(row)),
      actions: actions.map(actionView),
      members: members.map((m) => ({ openingId: m.opening_id, personId: m.person_id })),
    };
  }

  /** ACCEPT / START / DISPOSE / CLOSE / REOPEN, each only from the states that allow it. */
  async transition(actor: Actor, id: string, command: AlertCommand, input: { note?: string; disposition?: Disposition; label?: TruthLabel } = {}): Promise<AlertView> {
    const police = this.requirePolice(actor);
    if ((command === 'CLOSE' || command === 'REOPEN') && actor.role !== 'SQUAD_ADMIN') {
      throw forbidden('只有反诈中心可以确认办结或退回告警', 'SQUAD_ONLY');
    }
    return this.change(actor, id, async (tx, alert) => {
      const to = nextStatus(alert.status, command);
      if (!to) throw new DomainError('CONFLICT', 'ILLEGAL_TRANSITION', `告警当前为“${LABELS.alertStatus[alert.status]}”，不能${COMMAND_LABEL[command]}`);
      const now = this.clock.now();
      const changes: Partial<AlertRow> = { status: to, updated_at: now };
      if (command === 'ACCEPT') changes.dispose_due_at = now + (await this.policy.deadlines(alert.level, tx)).disposeHours * 3600_000;
      if (command === 'DISPOSE') {
        changes.disposition = input.disposition ?? null;
        changes.label = input.label ?? null;
      }
      if (command === 'CLOSE') changes.closed_at = now;
      if (command === 'REOPEN') {
        changes.disposition = null;
        changes.label = null;
      }
      await this.repo.update(tx, id, changes);
      return this.journal.append(tx, {
        alert_id: id, at: now, actor_id: actor.id, unit_id: police, action: command, from_status: alert.status, to_status: to,
        outcome: input.disposition ?? null, note: input.note ?? null, owner_unit_id: alert.owner_unit_id, area_code: alert.area_code,
      });
    });
  }

  /** Hands the alert down to a unit below, or to an officer of the owning unit's subtree. */
  async assign(actor: Actor, id: string, target: { unitId?: string; officerId?: string; note?: string }): Promise<AlertView> {
    const police = this.requirePolice(actor);
    if (!target.unitId === !target.officerId) throw invalid('ASSIGN_TARGET', '请选择一个下级单位或一名民警（二选一）');
    const mine = await this.units.subtree(police);
    return this.change(actor, id, async (tx, alert) => {
      if (alert.status === 'CLOSED') throw new DomainError('CONFLICT', 'ILLEGAL_TRANSITION', '告警已办结，不能再指派');
      const now = this.clock.now();
      let owner = alert.owner_unit_id;
      let assignee: string | null = null;
      if (target.unitId) {
        if (!mine.includes(target.unitId) || target.unitId === police) throw forbidden('只能指派给本单位的下级单位', 'ASSIGN_OUT_OF_SCOPE');
        owner = target.unitId;
      } else {
        const officer = await this.org.staffById(target.officerId!, tx);
        if (!officer || !officer.police_unit_id || !mine.includes(officer.police_unit_id)) {
          throw forbidden('只能指派给本单位或下级单位的民警', 'ASSIGN_OUT_OF_SCOPE');
        }
        owner = officer.police_unit_id;
        assignee = officer.id;
      }
      await this.repo.update(tx, id, { owner_unit_id: owner, assignee_id: assignee, updated_at: now });
      return this.journal.append(tx, {
        alert_id: id, at: now, actor_id: actor.id, unit_id: police, action: 'ASSIGN', from_status: alert.status, to_status: alert.status,
        outcome: null, note: target.note ?? null, owner_unit_id: owner, area_code: alert.area_code,
      }, assignee);
    });
  }

  /** Moves the alert one level up; by an officer with a reason, or by the scheduler when overdue. */
  async escalate(actor: Actor | null, id: string, note: string, onlyIfOverdue = false): Promise<AlertView> {
    const police = actor ? this.requirePolice(actor) : null;
    return this.change(actor, id, async (tx, alert) => {
      if (alert.status === 'CLOSED') throw new DomainError('CONFLICT', 'ILLEGAL_TRANSITION', '告警已办结，不能上报');
      // Another instance's sweep may have moved it a moment ago, with fresh deadlines.
      if (onlyIfOverdue && !isOverdue(alert, this.clock.now())) throw new DomainError('CONFLICT', 'NOT_OVERDUE', '告警未超时');
      const parent = await this.units.parentOf(alert.owner_unit_id, tx);
      if (!parent) throw new DomainError('CONFLICT', 'ALREADY_TOP', '告警已在最高一级单位');
      const now = this.clock.now();
      // A new owner gets fresh deadlines for the step that was overdue.
      const changes: Partial<AlertRow> = { owner_unit_id: parent.id, assignee_id: null, escalations: Number(alert.escalations) + 1, updated_at: now };
      const deadlines = await this.policy.deadlines(alert.level, tx);
      if (alert.status === 'NEW') changes.accept_due_at = now + deadlines.acceptMinutes * 60_000;
      else if (alert.status !== 'DISPOSED') changes.dispose_due_at = now + deadlines.disposeHours * 3600_000;
      await this.repo.update(tx, id, changes);
      return this.journal.append(tx, {
        alert_id: id, at: now, actor_id: actor?.id ?? null, unit_id: police, action: 'ESCALATE', from_status: alert.status,
        to_status: alert.status, outcome: null, note, owner_unit_id: parent.id, area_code: alert.area_code,
      });
    });
  }

  /** One pass of the scheduler: every overdue open alert goes one level up. Returns how many moved. */
  async escalateOverdue(): Promise<number> {
    let moved = 0;
    for (const alert of await this.repo.overdue(this.clock.now())) {
      const why = alert.status === 'NEW' ? '超时未签收，自动上报' : '超时未处置，自动上报';
      try {
        await this.escalate(null, alert.id, why, true);
        moved++;
      } catch (error) {
        if (!(error instanceof DomainError && (error.code === 'ALREADY_TOP' || error.code === 'NOT_OVERDUE'))) throw error;
      }
    }
    return moved;
  }

  private requirePolice(actor: Actor): string {
    if (!isPolice(actor) || !actor.policeUnitId) throw forbidden('只有公安民警可以处置告警', 'POLICE_ONLY');
    return actor.policeUnitId;
  }

  private async visibleAlert(actor: Actor, id: string): Promise<AlertRow> {
    const row = await this.repo.find(id);
    if (!row) throw notFound('ALERT_NOT_FOUND', '未找到该告警');
    if (!(await this.visible(actor, row))) throw forbidden('该告警不在您的辖区内');
    return row;
  }

  /** Loads, checks scope, applies one change with its action in a transaction, then announces it. */
  private async change(actor: Actor | null, id: string, apply: (tx: Sql, alert: AlertRow) => Promise<number>): Promise<AlertView> {
    if (actor) await this.visibleAlert(actor, id);
    const seq = await this.sql.transaction(async (tx) => {
      const alert = await this.repo.find(id, tx);
      if (!alert) throw notFound('ALERT_NOT_FOUND', '未找到该告警');
      const seq = await apply(tx, alert);
      if (actor) await this.audit.record(actor, { action: 'alert.change', subjectType: 'alert', subjectId: id, detail: { seq } }, tx);
      return seq;
    }, [`alert:${id}`]);
    await this.bus.publish(seq);
    return this.view((await this.repo.find(id))!);
  }
}

const COMMAND_LABEL: Record<AlertCommand, string> = { ACCEPT: '签收', START: '开始核查', DISPOSE: '登记处置结果', CLOSE: '办结', REOPEN: '退回重办' };
