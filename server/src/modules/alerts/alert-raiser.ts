import { Injectable } from '@nestjs/common';
import { maxVerdict, type RuleHit, type Verdict, uuidV7 } from '@duanka/shared';
import { AppConfig } from '../../config/app-config';
import type { Sql } from '../../database/sql';
import type { BranchRow } from '../org/org.repository';
import { UnitDirectory } from '../org/unit-directory';
import type { Assessment, OpeningSubject } from '../risk/risk.types';
import { AlertJournal } from './alert-journal';
import { AlertPolicyBook } from './alert-policy';
import { AlertsRepository, parseAlertHits } from './alerts.repository';

export interface RaisedAlert {
  alertId: string;
  /** Sequence number of the action that announced it: published once the transaction commits. */
  seq: number;
}

/**
 * Turns a VERIFY/STOP verdict into an alert for the police unit that owns the branch's area,
 * inside the opening's own transaction. An escorted group is one alert that gathers its members.
 */
@Injectable()
export class AlertRaiser {
  constructor(
    private readonly config: AppConfig,
    private readonly repo: AlertsRepository,
    private readonly units: UnitDirectory,
    private readonly journal: AlertJournal,
    private readonly policy: AlertPolicyBook,
  ) {}

  async raiseForOpening(tx: Sql, subject: OpeningSubject, branch: BranchRow, assessment: Assessment): Promise<RaisedAlert | undefined> {
    if (assessment.verdict === 'PASS') return undefined;
    const owner = await this.units.ownerOf(subject.areaCode, tx);
    if (!owner) throw new Error(`no police unit owns area ${subject.areaCode}`);
    const escort = assessment.hits.find((h) => h.rule === 'ESCORT_GROUP');
    if (escort) {
      const groupKey = `escort:${subject.branchId}:${subject.companionPhoneHash ?? subject.phoneHash}`;
      const windowMs = this.config.alertGroupWindowHours * 3600_000;
      const group = await this.repo.openGroup(tx, groupKey, subject.at - windowMs);
      if (group) return this.join(tx, group.id, subject, assessment);
      return this.create(tx, subject, branch, assessment, owner.id, 'GROUP', groupKey, escort);
    }
    return this.create(tx, subject, branch, assessment, owner.id, 'OPENING', null);
  }

  /** A branch's unusual hour: an alert for the police, never a block at the counter. Once per branch and hour. */
  async raiseBranchSpike(tx: Sql, branch: BranchRow, at: number, hit: RuleHit): Promise<RaisedAlert | undefined> {
    const owner = await this.units.ownerOf(branch.area_code, tx);
    if (!owner) throw new Error(`no police unit owns area ${branch.area_code}`);
    const groupKey = `spike:${branch.id}`;
    if (await this.repo.openGroup(tx, groupKey, at - 3600_000)) return undefined;
    const id = uuidV7();
    await this.repo.insert(tx, {
      id, kind: 'BRANCH_SPIKE', level: hit.level, status: 'NEW', rules: hit.rule, title: `${branch.name}：${hit.title}`,
      owner_unit_id: owner.id, assignee_id: null, area_code: branch.area_code, branch_id: branch.id, institution_id: branch.institution_id,
      person_id: null, opening_id: null, group_key: groupKey, hits: JSON.stringify([hit]), created_at: at, updated_at: at,
      accept_due_at: at + (await this.policy.deadlines(hit.level, tx)).acceptMinutes * 60_000, dispose_due_at: null, escalations: 0, disposition: null, label: null, closed_at: null,
    });
    const seq = await this.journal.append(tx, {
      alert_id: id, at, actor_id: null, unit_id: null, action: 'CREATE', from_status: null, to_status: 'NEW', outcome: null, note: null,
      owner_unit_id: owner.id, area_code: branch.area_code,
    });
    return { alertId: id, seq };
  }

  private async create(
    tx: Sql, subject: OpeningSubject, branch: BranchRow, assessment: Assessment, ownerUnitId: string,
    kind: 'OPENING' | 'GROUP', groupKey: string | null, escort?: RuleHit,
  ): Promise<RaisedAlert> {
    const id = uuidV7();
    await this.repo.insert(tx, {
      id, kind, level: assessment.verdict, status: 'NEW', rules: codes(assessment.hits), title: title(kind, branch, assessment.hits),
      owner_unit_id: ownerUnitId, assignee_id: null, area_code: subject.areaCode, branch_id: subject.branchId,
      institution_id: subject.institutionId, person_id: subject.personId, opening_id: subject.id, group_key: groupKey,
      hits: JSON.stringify(assessment.hits), created_at: subject.at, updated_at: subject.at,
      accept_due_at: subject.at + (await this.policy.deadlines(assessment.verdict, tx)).acceptMinutes * 60_000, dispose_due_at: null, escalations: 0,
      disposition: null, label: null, closed_at: null,
    });
    await this.repo.addMember(tx, id, subject.id, subject.personId, subject.at);
    // The earlier members of a group are the openings its evidence names.
    for (const evidence of escort?.evidence ?? []) {
      if (evidence.ref) {
        const member = await tx.get<{ person_id: string }>(
          'SELECT person_id FROM bank_openings WHERE id = ? UNION ALL SELECT person_id FROM sim_registrations WHERE id = ?', [evidence.ref, evidence.ref]);
        if (member) await this.repo.addMember(tx, id, evidence.ref, member.person_id, subject.at);
      }
    }
    const seq = await this.journal.append(tx, {
      alert_id: id, at: subject.at, actor_id: null, unit_id: null, action: 'CREATE', from_status: null, to_status: 'NEW',
      outcome: null, note: null, owner_unit_id: ownerUnitId, area_code: subject.areaCode,
    });
    return { alertId: id, seq };
  }

  private async join(tx: Sql, alertId: string, subject: OpeningSubject, assessment: Assessment): Promise<RaisedAlert> {
    const alert = (await this.repo.find(alertId, tx))!;
    await this.repo.addMember(tx, alertId, subject.id, subject.personId, subject.at);
    const hits = mergeHits(parseAlertHits(alert), assessment.hits);
    const level: Verdict = maxVerdict(alert.level, assessment.verdict);
    await this.repo.update(tx, alertId, { hits: JSON.stringify(hits), rules: codes(hits), level, updated_at: subject.at });
    const seq = await this.journal.append(tx, {
      alert_id: alertId, at: subject.at, actor_id: null, unit_id: null, action: 'MEMBER_ADDED', from_status: alert.status,
      to_status: alert.status, outcome: null, note: null, owner_unit_id: alert.owner_unit_id, area_code: alert.area_code,
    });
    return { alertId, seq };
  }
}

function codes(hits: readonly RuleHit[]): string {
  return [...new Set(hits.map((h) => h.rule))].join(',');
}

/** A group alert keeps the latest hit of each rule, with the evidence of all of them. */
function mergeHits(existing: RuleHit[], added: RuleHit[]): RuleHit[] {
  const byRule = new Map(existing.map((h) => [h.rule, h]));
  for (const hit of added) {
    const before = byRule.get(hit.rule);
    const evidence = [...(before?.evidence ?? []), ...hit.evidence].filter(
      (e, i, all) => !e.ref || all.findIndex((x) => x.ref === e.ref) === i,
    );
    byRule.set(hit.rule, { ...hit, level: before ? maxVerdict(before.level, hit.level) : hit.level, evidence });
  }
  return [...byRule.values()];
}

function title(kind: 'OPENING' | 'GROUP', branch: BranchRow, hits: readonly RuleHit[]): string {
  const what = hits.map((h) => h.title).join('、');
  return kind === 'GROUP' ? `${branch.name}：疑似团伙带领开卡（${what}）` : `${branch.name}：${what}`;
}
