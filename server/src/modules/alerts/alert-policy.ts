import { Inject, Injectable } from '@nestjs/common';
import type { Verdict } from '@duanka/shared';
import { Clock } from '../../common/clock';
import { invalid } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config';
import { SQL } from '../../database/database.module';
import type { Sql } from '../../database/sql';

export type AlertLevel = Exclude<Verdict, 'PASS'>;

export interface Deadlines {
  acceptMinutes: number;
  disposeHours: number;
}

export interface AlertPolicy {
  version: number;
  deadlines: Record<AlertLevel, Deadlines>;
  authorId: string | null;
  createdAt: number;
  note: string | null;
}

const CACHE_MS = 5_000;

/**
 * How long each level of alert may wait to be accepted and disposed before it escalates. The
 * squad sets it; every change is a new version; until the first change, the configured defaults
 * apply to both levels.
 */
@Injectable()
export class AlertPolicyBook {
  private cache: { policy: AlertPolicy; until: number } | undefined;

  constructor(
    @Inject(SQL) private readonly sql: Sql,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** `via`: inside a transaction, read through it, never through a second pooled connection. */
  async current(via: Sql = this.sql): Promise<AlertPolicy> {
    const now = this.clock.now();
    if (this.cache && this.cache.until > now) return this.cache.policy;
    const row = await via.get<{ version: number; deadlines: string; author_id: string | null; created_at: number; note: string | null }>(
      'SELECT version, deadlines, author_id, created_at, note FROM alert_policies ORDER BY version DESC LIMIT 1');
    const defaults: Deadlines = { acceptMinutes: this.config.alertAcceptMinutes, disposeHours: this.config.alertDisposeHours };
    const policy: AlertPolicy = row
      ? { version: Number(row.version), deadlines: JSON.parse(row.deadlines) as AlertPolicy['deadlines'], authorId: row.author_id, createdAt: Number(row.created_at), note: row.note }
      : { version: 0, deadlines: { VERIFY: defaults, STOP: defaults }, authorId: null, createdAt: 0, note: null };
    this.cache = { policy, until: now + CACHE_MS };
    return policy;
  }

  async deadlines(level: Verdict, via: Sql = this.sql): Promise<Deadlines> {
    const policy = await this.current(via);
    return policy.deadlines[level === 'STOP' ? 'STOP' : 'VERIFY'];
  }

  async change(deadlines: Record<AlertLevel, Deadlines>, authorId: string, note: string, tx: Sql): Promise<AlertPolicy> {
    for (const level of ['VERIFY', 'STOP'] as const) {
      const d = deadlines[level];
      if (!d || !Number.isInteger(d.acceptMinutes) || d.acceptMinutes < 1 || d.acceptMinutes > 7 * 24 * 60) {
        throw invalid('POLICY_INVALID', `${level === 'STOP' ? '停止办理' : '需核实'}类告警的签收时限应为 1 分钟到 7 天`);
      }
      if (!Number.isInteger(d.disposeHours) || d.disposeHours < 1 || d.disposeHours > 30 * 24) {
        throw invalid('POLICY_INVALID', `${level === 'STOP' ? '停止办理' : '需核实'}类告警的处置时限应为 1 小时到 30 天`);
      }
    }
    const now = this.clock.now();
    const stored = { VERIFY: pick(deadlines.VERIFY), STOP: pick(deadlines.STOP) };
    const row = await tx.get<{ version: number }>(
      'INSERT INTO alert_policies (deadlines, author_id, created_at, note) VALUES (?, ?, ?, ?) RETURNING version',
      [JSON.stringify(stored), authorId, now, note],
    );
    this.cache = undefined;
    return { version: Number(row!.version), deadlines: stored, authorId, createdAt: now, note };
  }
}

function pick(d: Deadlines): Deadlines {
  return { acceptMinutes: d.acceptMinutes, disposeHours: d.disposeHours };
}
