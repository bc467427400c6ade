import { Inject, Injectable } from '@nestjs/common';
import { ageOn, type BacktestReport, type RuleCode } from '@duanka/shared';
import { invalid } from '../../common/domain-error';
import { SQL } from '../../database/database.module';
import type { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { FactsRepository } from './facts.repository';
import { RuleBook, type ActiveRule } from './rule-book';
import { escortWindowMs, evaluate } from './risk.service';
import type { OpeningSubject } from './risk.types';
import { OPENING_RULES } from './rules';
import { DAY } from './rules/rule-kit';

export interface BacktestRequest {
  from: number;
  to: number;
  /** Proposed changes by rule code; rules not named keep their live version. */
  changes: Partial<Record<RuleCode, { enabled?: boolean; params?: Record<string, unknown> }>>;
}

interface HistoryRow {
  id: string;
  kind: 'BANK' | 'SIM';
  person_id: string;
  opened_at: number;
  branch_id: string;
  area_code: string;
  institution_id: string;
  phone_hash: string;
  card_hash: string | null;
  account_class: OpeningSubject['accountClass'];
  carrier: OpeningSubject['carrier'];
  card_kind: OpeningSubject['cardKind'];
  companion_relation: OpeningSubject['companionRelation'];
  companion_phone_hash: string | null;
  id_hash: string;
  birth_date: string;
  region_code: string;
}

const HISTORY = `
  SELECT o.id, 'BANK' AS kind, o.person_id, o.opened_at, o.branch_id, o.area_code, o.institution_id, o.phone_hash, o.card_hash,
    o.account_class, NULL AS carrier, NULL AS card_kind, o.companion_relation, o.companion_phone_hash, p.id_hash, p.birth_date, p.region_code
  FROM bank_openings o JOIN persons p ON p.id = o.person_id WHERE o.opened_at >= ? AND o.opened_at < ?
  UNION ALL
  SELECT o.id, 'SIM' AS kind, o.person_id, o.opened_at, o.branch_id, o.area_code, o.institution_id, o.number_hash AS phone_hash, NULL AS card_hash,
    NULL AS account_class, o.carrier, o.card_kind, o.companion_relation, o.companion_phone_hash, p.id_hash, p.birth_date, p.region_code
  FROM sim_registrations o JOIN persons p ON p.id = o.person_id WHERE o.opened_at >= ? AND o.opened_at < ?
  ORDER BY opened_at LIMIT ?`;

const MAX_DAYS = 92;
const MAX_OPENINGS = 200_000;
const SAMPLE = 50;

/**
 * "If these parameters had been live over these days, what would they have flagged?" Replays the
 * stored history through the rules, each opening judged on the facts as they stood at its time,
 * side by side with the live rule set. Reads only: no verdict, alert or rule is touched.
 */
@Injectable()
export class BacktestService {
  constructor(
    @Inject(SQL) private readonly sql: Sql,
    private readonly facts: FactsRepository,
    private readonly book: RuleBook,
    private readonly audit: AuditService,
  ) {}

  async run(actor: Actor, request: BacktestRequest): Promise<BacktestReport> {
    if (!(request.to > request.from)) throw invalid('BACKTEST_RANGE', '结束时间应晚于开始时间');
    if (request.to - request.from > MAX_DAYS * DAY) throw invalid('BACKTEST_RANGE', `回测区间最长 ${MAX_DAYS} 天`);
    const started = Date.now();
    const live = await this.book.active();
    const proposed = await this.proposedRules(request);
    const rows = await this.sql.all<HistoryRow>(HISTORY, [request.from, request.to, request.from, request.to, MAX_OPENINGS + 1]);
    const truncated = rows.length > MAX_OPENINGS;
    const window = Math.max(escortWindowMs(live), escortWindowMs(proposed));
    const report: BacktestReport = {
      openings: 0, live: { PASS: 0, VERIFY: 0, STOP: 0 }, proposed: { PASS: 0, VERIFY: 0, STOP: 0 }, hitsByRule: {},
      changed: 0, newlyFlagged: [], noLongerFlagged: [], truncated, millis: 0,
    };
    for (const row of rows.slice(0, MAX_OPENINGS)) {
      const subject = toSubject(row);
      const facts = await this.facts.load(this.sql, subject, window, true);
      const before = evaluate(subject, facts, live);
      const after = evaluate(subject, facts, proposed);
      report.openings++;
      report.live[before.verdict]++;
      report.proposed[after.verdict]++;
      for (const hit of before.hits) (report.hitsByRule[hit.rule] ??= { live: 0, proposed: 0 }).live++;
      for (const hit of after.hits) (report.hitsByRule[hit.rule] ??= { live: 0, proposed: 0 }).proposed++;
      if (before.verdict !== after.verdict) {
        report.changed++;
        const at = new Date(Number(row.opened_at)).toISOString();
        if (before.verdict === 'PASS' && report.newlyFlagged.length < SAMPLE) {
          report.newlyFlagged.push({ id: row.id, at, live: before.verdict, proposed: after.verdict, rules: after.hits.map((h) => h.rule) });
        } else if (after.verdict === 'PASS' && report.noLongerFlagged.length < SAMPLE) {
          report.noLongerFlagged.push({ id: row.id, at, live: before.verdict, proposed: after.verdict });
        }
      }
    }
    report.millis = Date.now() - started;
    await this.audit.record(actor, { action: 'rules.backtest', detail: { from: request.from, to: request.to, openings: report.openings, rules: Object.keys(request.changes) } });
    return report;
  }

  private async proposedRules(request: BacktestRequest): Promise<ActiveRule[]> {
    const current = await this.book.current();
    return OPENING_RULES.flatMap((rule) => {
      const live = current.get(rule.code)!;
      const change = request.changes[rule.code];
      const enabled = change?.enabled ?? live.enabled;
      const params = change?.params ? this.book.validate(rule.code, { ...live.params, ...change.params }) : live.params;
      return enabled ? [{ rule, params, version: -1 }] : [];
    });
  }
}

function toSubject(row: HistoryRow): OpeningSubject {
  const at = Number(row.opened_at);
  return {
    id: row.id, kind: row.kind, at, personId: row.person_id, idHash: row.id_hash, birthDate: row.birth_date,
    age: ageOn(row.birth_date, new Date(at)), regionCode: row.region_code, branchId: row.branch_id, areaCode: row.area_code,
    institutionId: row.institution_id, phoneHash: row.phone_hash, cardHash: row.card_hash, accountClass: row.account_class,
    carrier: row.carrier, cardKind: row.card_kind, companionRelation: row.companion_relation, companionPhoneHash: row.companion_phone_hash,
  };
}
