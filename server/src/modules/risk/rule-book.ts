import { Inject, Injectable } from '@nestjs/common';
import { RULE_CODES, type RuleCode } from '@duanka/shared';
import { Clock } from '../../common/clock';
import { invalid, notFound } from '../../common/domain-error';
import { SQL } from '../../database/database.module';
import type { Sql } from '../../database/sql';
import type { Rule, RuleDefinition, RuleParams } from './risk.types';
import { ALL_RULES, OPENING_RULES } from './rules';

export interface RuleVersion {
  code: RuleCode;
  version: number;
  enabled: boolean;
  params: RuleParams;
  authorId: string | null;
  createdAt: number;
  note: string | null;
}

export interface ActiveRule {
  rule: Rule;
  params: RuleParams;
  version: number;
}

interface VersionRow {
  code: RuleCode;
  version: number;
  enabled: boolean | number;
  params: string;
  author_id: string | null;
  created_at: number;
  note: string | null;
}

const CACHE_MS = 5_000;

/**
 * The live rule set. Every change is a new version row (author, time, note); the newest version of
 * each rule is live. Instances re-read it every few seconds, so a squad admin's change reaches
 * every counter of the city within that time.
 */
@Injectable()
export class RuleBook {
  private cache: { versions: Map<RuleCode, RuleVersion>; until: number } | undefined;

  constructor(
    @Inject(SQL) private readonly sql: Sql,
    private readonly clock: Clock,
  ) {}

  rule(code: RuleCode): RuleDefinition {
    const rule = ALL_RULES.find((r) => r.code === code);
    if (!rule) throw notFound('RULE_NOT_FOUND', `没有规则 ${code}`);
    return rule;
  }

  /** The newest version of every rule; version 0 (the code's defaults, enabled) until someone changes it. */
  /** `via`: inside a transaction, read through it (a pooled connection held while waiting for another deadlocks). */
  async current(via: Sql = this.sql): Promise<Map<RuleCode, RuleVersion>> {
    const now = this.clock.now();
    if (this.cache && this.cache.until > now) return this.cache.versions;
    const rows = await via.all<VersionRow>(
      `SELECT v.code, v.version, v.enabled, v.params, v.author_id, v.created_at, v.note FROM rule_versions v
       JOIN (SELECT code, MAX(version) AS version FROM rule_versions GROUP BY code) latest ON latest.code = v.code AND latest.version = v.version`,
    );
    const versions = new Map<RuleCode, RuleVersion>(ALL_RULES.map((r) => [r.code, { code: r.code, version: 0, enabled: true, params: { ...r.defaults }, authorId: null, createdAt: 0, note: null }]));
    for (const row of rows) versions.set(row.code, toVersion(row));
    this.cache = { versions, until: now + CACHE_MS };
    return versions;
  }

  /** The enabled counter rules with their live parameters, for the engine. */
  async active(via: Sql = this.sql): Promise<ActiveRule[]> {
    const versions = await this.current(via);
    return OPENING_RULES.flatMap((rule) => {
      const v = versions.get(rule.code)!;
      return v.enabled ? [{ rule, params: v.params, version: v.version }] : [];
    });
  }

  async history(code: RuleCode): Promise<RuleVersion[]> {
    this.rule(code);
    const rows = await this.sql.all<VersionRow>('SELECT code, version, enabled, params, author_id, created_at, note FROM rule_versions WHERE code = ? ORDER BY version DESC', [code]);
    return rows.map(toVersion);
  }

  /** Checks a proposed parameter set against the rule's own: known names, non-negative numbers. */
  validate(code: RuleCode, params: Record<string, unknown>): RuleParams {
    const rule = this.rule(code);
    const merged: RuleParams = { ...rule.defaults };
    for (const [name, value] of Object.entries(params)) {
      if (!(name in rule.defaults)) throw invalid('RULE_PARAM_UNKNOWN', `规则 ${code} 没有参数“${name}”，可设置的参数为：${Object.keys(rule.defaults).join('、') || '无'}`);
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw invalid('RULE_PARAM_INVALID', `参数“${name}”应为不小于 0 的数字`);
      merged[name] = value;
    }
    return merged;
  }

  async change(code: RuleCode, change: { enabled?: boolean; params?: Record<string, unknown>; note?: string }, authorId: string, tx: Sql): Promise<RuleVersion> {
    if (!RULE_CODES.includes(code)) throw notFound('RULE_NOT_FOUND', `没有规则 ${code}`);
    const live = (await this.current()).get(code)!;
    const params = change.params ? this.validate(code, { ...live.params, ...change.params }) : live.params;
    const latest = await tx.get<{ v: number | null }>('SELECT MAX(version) AS v FROM rule_versions WHERE code = ?', [code]);
    const version = Number(latest?.v ?? 0) + 1;
    const now = this.clock.now();
    const enabled = change.enabled ?? live.enabled;
    await tx.run('INSERT INTO rule_versions (code, version, enabled, params, author_id, created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [code, version, enabled, JSON.stringify(params), authorId, now, change.note ?? null]);
    this.cache = undefined;
    return { code, version, enabled, params, authorId, createdAt: now, note: change.note ?? null };
  }
}

function toVersion(row: VersionRow): RuleVersion {
  return {
    code: row.code, version: Number(row.version), enabled: Boolean(row.enabled), params: JSON.parse(row.params) as RuleParams,
    authorId: row.author_id, createdAt: Number(row.created_at), note: row.note,
  };
}
