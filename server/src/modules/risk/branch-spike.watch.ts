import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { LABELS } from '@duanka/shared';
import { Clock } from '../../common/clock';
import { CITY_UTC_OFFSET_MS } from '../../common/time';
import { AppConfig } from '../../config/app-config';
import { SQL } from '../../database/database.module';
import type { Sql } from '../../database/sql';
import { AlertRaiser } from '../alerts/alert-raiser';
import { BranchDirectory } from '../org/branch-directory';
import { EventBus } from '../push/event-bus';
import { RuleBook } from './rule-book';
import { judgeSpike } from './rules/branch-spike';
import { DAY } from './rules/rule-kit';

const BOTH = (select: string) => `${select.replace('$T', 'bank_openings')} UNION ALL ${select.replace('$T', 'sim_registrations')}`;
// Openings per branch in the window just passed.
const OBSERVED = `SELECT branch_id, SUM(n) AS n FROM (${BOTH('SELECT branch_id, COUNT(*) AS n FROM $T WHERE opened_at > ? AND opened_at <= ? GROUP BY branch_id')}) t GROUP BY branch_id`;
// Openings per branch at the same time of day over the baseline days (time of day in city time).
const BASELINE = `SELECT branch_id, SUM(n) AS n FROM (${BOTH(
  'SELECT branch_id, COUNT(*) AS n FROM $T WHERE opened_at > ? AND opened_at <= ? AND ((opened_at + ?) % ? > ? AND (opened_at + ?) % ? <= ?) GROUP BY branch_id',
)}) t GROUP BY branch_id`;

/**
 * BRANCH_SPIKE, evaluated continuously: every few minutes, each branch's openings in the last
 * window are tested against that branch's own history at the same time of day (a one-sided
 * Poisson test, see rules/branch-spike.ts). A spike becomes one alert per branch and hour.
 */
@Injectable()
export class BranchSpikeWatch implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('BranchSpike');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(SQL) private readonly sql: Sql,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly book: RuleBook,
    private readonly branches: BranchDirectory,
    private readonly raiser: AlertRaiser,
    private readonly bus: EventBus,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.spikeSweepSeconds === 0) return;
    this.timer = setInterval(() => void this.sweep().catch((e: Error) => this.logger.error(`sweep failed: ${e.message}`)), this.config.spikeSweepSeconds * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One pass over every branch; returns the ids of the alerts raised. */
  async sweep(): Promise<string[]> {
    const rule = (await this.book.current()).get('BRANCH_SPIKE');
    if (!rule?.enabled) return [];
    const params = rule.params;
    const now = this.clock.now();
    const window = params.windowMinutes * 60_000;
    const observed = await this.sql.all<{ branch_id: string; n: number }>(OBSERVED, [now - window, now, now - window, now]);
    if (observed.length === 0) return [];
    const end = (now + CITY_UTC_OFFSET_MS) % DAY;
    const start = end - window;
    // A window that crosses local midnight is rare for a counter; it is judged on its later part.
    const from = Math.max(0, start);
    const baselineArgs = [now - params.baselineDays * DAY - window, now - window, CITY_UTC_OFFSET_MS, DAY, from, CITY_UTC_OFFSET_MS, DAY, end];
    const baseline = new Map(
      (await this.sql.all<{ branch_id: string; n: number }>(BASELINE, [...baselineArgs, ...baselineArgs])).map((r) => [r.branch_id, Number(r.n)]),
    );
    const raised: string[] = [];
    for (const row of observed) {
      const judgement = judgeSpike(Number(row.n), baseline.get(row.branch_id) ?? 0, params);
      if (!judgement.fires) continue;
      const branch = await this.branches.get(row.branch_id);
      if (!branch) continue;
      const hit = {
        rule: 'BRANCH_SPIKE' as const, level: 'VERIFY' as const, title: LABELS.ruleCode.BRANCH_SPIKE,
        explanation: `近 ${params.windowMinutes} 分钟该网点登记 ${judgement.observed} 笔，过去 ${params.baselineDays} 天同一时段平均 ${judgement.expected.toFixed(1)} 笔（泊松检验 p=${judgement.pValue.toExponential(1)}）。`,
        advice: '请联系该网点了解是否有人组织批量开卡，必要时到场核查。',
        evidence: [{ kind: 'STAT' as const, at: new Date(now).toISOString(), text: `观测 ${judgement.observed} 笔 / 期望 ${judgement.expected.toFixed(2)} 笔` }],
      };
      const alert = await this.sql.transaction((tx) => this.raiser.raiseBranchSpike(tx, branch, now, hit), [`spike:${branch.id}`]);
      if (alert) {
        await this.bus.publish(alert.seq);
        raised.push(alert.alertId);
      }
    }
    return raised;
  }
}
