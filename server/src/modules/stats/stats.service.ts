import { Injectable } from '@nestjs/common';
import { RULE_CODES, regionName, type RuleCode, type StatsOverview, type StatsTable } from '@duanka/shared';
import { Clock } from '../../common/clock';
import { forbidden, invalid } from '../../common/domain-error';
import { CITY_UTC_OFFSET_MS, DAY_MS } from '../../common/time';
import { AuditService } from '../audit/audit.service';
import { isPolice, type Actor } from '../auth/actor';
import { UnitDirectory } from '../org/unit-directory';
import { isOverdue } from '../alerts/alert-view';
import { StatsRepository, type StatsScope } from './stats.repository';


export type Overview = StatsOverview;
export type OverviewTable = StatsTable;

/** The squad's and each unit's live numbers, scoped to what the caller may see. */
@Injectable()
export class StatsService {
  constructor(
    private readonly repo: StatsRepository,
    private readonly units: UnitDirectory,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async scope(actor: Actor): Promise<StatsScope> {
    if (actor.role === 'SQUAD_ADMIN') return { kind: 'city' };
    if (isPolice(actor) && actor.policeUnitId) return { kind: 'areas', prefixes: actor.jurisdiction, unitIds: await this.units.subtree(actor.policeUnitId) };
    if (actor.role === 'INSTITUTION_ADMIN' && actor.institutionId) return { kind: 'institution', institutionId: actor.institutionId };
    throw forbidden('您的角色不能查看统计');
  }

  async overview(actor: Actor, days = 30): Promise<Overview> {
    if (!Number.isInteger(days) || days < 1 || days > 366) throw invalid('DAYS_INVALID', '统计天数应为 1 到 366');
    const scope = await this.scope(actor);
    const now = this.clock.now();
    const today = Math.floor((now + CITY_UTC_OFFSET_MS) / DAY_MS);
    const from = (today - days + 1) * DAY_MS - CITY_UTC_OFFSET_MS;
    const [openings, alerts, institutions] = await Promise.all([
      this.repo.openingCounts(scope, from, now + 1),
      this.repo.alerts(scope, from, now + 1),
      this.repo.institutions(),
    ]);
    await this.audit.record(actor, { action: 'stats.read', detail: { days } });

    const dayLabel = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
    const perDay = new Map<number, Overview['perDay'][number]>();
    for (let d = today - days + 1; d <= today; d++) perDay.set(d, { day: dayLabel(d), bank: 0, sim: 0, verify: 0, stop: 0, refused: 0, alerts: 0 });
    const byInstitution = new Map(institutions.map((i) => [i.id, { institutionId: i.id, name: i.name, openings: 0, verify: 0, stop: 0, refused: 0 }]));
    const byDistrict = new Map<string, Overview['byDistrict'][number]>();
    const district = (code: string) => {
      let row = byDistrict.get(code);
      if (!row) byDistrict.set(code, (row = { district: code, name: regionName(code) ?? code, openings: 0, stop: 0, alerts: 0 }));
      return row;
    };
    const todayRow = { openings: 0, bank: 0, sim: 0, pass: 0, verify: 0, stop: 0, refused: 0, alerts: 0 };

    for (const r of openings) {
      const day = perDay.get(r.day);
      const refused = r.outcome === 'REFUSED' ? r.n : 0;
      if (day) {
        if (r.kind === 'BANK') day.bank += r.n;
        else day.sim += r.n;
        if (r.verdict === 'VERIFY') day.verify += r.n;
        if (r.verdict === 'STOP') day.stop += r.n;
        day.refused += refused;
      }
      const institution = byInstitution.get(r.institution_id);
      if (institution) {
        institution.openings += r.n;
        if (r.verdict === 'VERIFY') institution.verify += r.n;
        if (r.verdict === 'STOP') institution.stop += r.n;
        institution.refused += refused;
      }
      const d = district(r.district);
      d.openings += r.n;
      if (r.verdict === 'STOP') d.stop += r.n;
      if (r.day === today) {
        todayRow.openings += r.n;
        if (r.kind === 'BANK') todayRow.bank += r.n;
        else todayRow.sim += r.n;
        if (r.verdict === 'PASS') todayRow.pass += r.n;
        if (r.verdict === 'VERIFY') todayRow.verify += r.n;
        if (r.verdict === 'STOP') todayRow.stop += r.n;
        todayRow.refused += refused;
      }
    }

    const byState: Record<string, number> = { NEW: 0, ACCEPTED: 0, IN_PROGRESS: 0, DISPOSED: 0, CLOSED: 0 };
    const byRule = new Map<RuleCode, { alerts: number; labelled: number; confirmed: number }>(RULE_CODES.map((c) => [c, { alerts: 0, labelled: 0, confirmed: 0 }]));
    const toAccept: number[] = [];
    const toClose: number[] = [];
    let overdue = 0;
    for (const a of alerts) {
      byState[a.status] = (byState[a.status] ?? 0) + 1;
      const day = perDay.get(Math.floor((Number(a.created_at) + CITY_UTC_OFFSET_MS) / DAY_MS));
      if (day) day.alerts++;
      if (Math.floor((Number(a.created_at) + CITY_UTC_OFFSET_MS) / DAY_MS) === today) todayRow.alerts++;
      district(a.area_code.slice(0, 6)).alerts++;
      for (const rule of a.rules.split(',').filter(Boolean)) {
        const r = byRule.get(rule as RuleCode);
        if (!r) continue;
        r.alerts++;
        if (a.label) r.labelled++;
        if (a.label === 'TRUE_POSITIVE') r.confirmed++;
      }
      if (a.accepted_at !== null) toAccept.push((Number(a.accepted_at) - Number(a.created_at)) / 60_000);
      if (a.closed_at !== null) toClose.push((Number(a.closed_at) - Number(a.created_at)) / 3_600_000);
      if (isOverdue({ status: a.status, accept_due_at: a.accept_due_at === null ? null : Number(a.accept_due_at), dispose_due_at: a.dispose_due_at === null ? null : Number(a.dispose_due_at) }, now)) overdue++;
    }

    return {
      days,
      today: todayRow,
      perDay: [...perDay.values()],
      byInstitution: [...byInstitution.values()].filter((i) => scope.kind !== 'institution' || i.institutionId === scope.institutionId),
      byDistrict: [...byDistrict.values()].sort((a, b) => a.district.localeCompare(b.district)),
      alerts: {
        total: alerts.length,
        byState,
        byRule: [...byRule.entries()].map(([rule, r]) => ({ rule, ...r, confirmedRate: r.labelled > 0 ? r.confirmed / r.labelled : null })),
        closedLoopRate: alerts.length > 0 ? byState.CLOSED / alerts.length : null,
        medianMinutesToAccept: median(toAccept),
        medianHoursToClose: median(toClose),
        overdue,
      },
    };
  }

  /** Any table of the overview as CSV (UTF-8 with BOM, so that Excel opens the Chinese right). */
  async csv(actor: Actor, table: OverviewTable, days = 30): Promise<string> {
    const overview = await this.overview(actor, days);
    const rows: Record<string, unknown>[] = table === 'byRule' ? overview.alerts.byRule : overview[table];
    if (rows.length === 0) return '\uFEFF';
    const columns = Object.keys(rows[0]);
    const cell = (v: unknown) => {
      const text = v === null || v === undefined ? '' : String(v);
      return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    return '\uFEFF' + [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
  }
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
