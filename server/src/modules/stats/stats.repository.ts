import { Inject, Injectable } from '@nestjs/common';
import type { AlertStatus } from '@duanka/shared';
import { CITY_UTC_OFFSET_MS, DAY_MS } from '../../common/time';
import { SQL } from '../../database/database.module';
import type { Sql, SqlValue } from '../../database/sql';


/** Which rows the caller may count: the city, some area prefixes, or one institution. */
export type StatsScope = { kind: 'city' } | { kind: 'areas'; prefixes: readonly string[]; unitIds: readonly string[] } | { kind: 'institution'; institutionId: string };

export interface OpeningCountRow {
  day: number;
  kind: 'BANK' | 'SIM';
  institution_id: string;
  district: string;
  verdict: string;
  outcome: string | null;
  n: number;
}

export interface AlertStatRow {
  id: string;
  status: AlertStatus;
  rules: string;
  label: string | null;
  area_code: string;
  created_at: number;
  accept_due_at: number | null;
  dispose_due_at: number | null;
  accepted_at: number | null;
  closed_at: number | null;
}

/**
 * Aggregates straight from the database, grouped by local day, institution, district, verdict and
 * outcome in one pass per table; the (opened_at) indexes bound the scan to the days asked for.
 */
@Injectable()
export class StatsRepository {
  constructor(@Inject(SQL) private readonly sql: Sql) {}

  async openingCounts(scope: StatsScope, from: number, to: number): Promise<OpeningCountRow[]> {
    const rows: OpeningCountRow[] = [];
    for (const [table, kind] of [['bank_openings', 'BANK'], ['sim_registrations', 'SIM']] as const) {
      const [where, params] = openingScope(scope);
      const found = await this.sql.all<Omit<OpeningCountRow, 'kind'>>(
        `SELECT (opened_at + ${CITY_UTC_OFFSET_MS}) / ${DAY_MS} AS day, institution_id, substr(area_code, 1, 6) AS district, verdict, outcome, COUNT(*) AS n
         FROM ${table} WHERE opened_at >= ? AND opened_at < ? ${where}
         GROUP BY (opened_at + ${CITY_UTC_OFFSET_MS}) / ${DAY_MS}, institution_id, substr(area_code, 1, 6), verdict, outcome`,
        [from, to, ...params],
      );
      rows.push(...found.map((r) => ({ ...r, kind, day: Number(r.day), n: Number(r.n) })));
    }
    return rows;
  }

  /** Alerts created in the range, with when each was first accepted. */
  async alerts(scope: StatsScope, from: number, to: number): Promise<AlertStatRow[]> {
    const params: SqlValue[] = [from, to];
    let where = '';
    if (scope.kind === 'areas') {
      if (scope.unitIds.length === 0) return [];
      where = `AND a.owner_unit_id IN (${scope.unitIds.map(() => '?').join(', ')})`;
      params.push(...scope.unitIds);
    } else if (scope.kind === 'institution') {
      where = 'AND a.institution_id = ?';
      params.push(scope.institutionId);
    }
    return this.sql.all<AlertStatRow>(
      `SELECT a.id, a.status, a.rules, a.label, a.area_code, a.created_at, a.accept_due_at, a.dispose_due_at, a.closed_at,
         (SELECT MIN(x.at) FROM alert_actions x WHERE x.alert_id = a.id AND x.action = 'ACCEPT') AS accepted_at
       FROM alerts a WHERE a.created_at >= ? AND a.created_at < ? ${where}`,
      params,
    );
  }

  institutions(): Promise<{ id: string; name: string; kind: string }[]> {
    return this.sql.all('SELECT id, name, kind FROM institutions ORDER BY code');
  }
}

function openingScope(scope: StatsScope): [string, SqlValue[]] {
  if (scope.kind === 'institution') return ['AND institution_id = ?', [scope.institutionId]];
  if (scope.kind === 'areas') {
    if (scope.prefixes.length === 0) return ['AND 1 = 0', []];
    return [`AND (${scope.prefixes.map(() => "area_code LIKE ? || '%'").join(' OR ')})`, [...scope.prefixes]];
  }
  return ['', []];
}
