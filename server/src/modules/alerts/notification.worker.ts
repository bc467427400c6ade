import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { LABELS } from '@duanka/shared';
import { Clock } from '../../common/clock';
import { CITY_UTC_OFFSET_MS } from '../../common/time';
import { AppConfig } from '../../config/app-config';
import { SQL } from '../../database/database.module';
import type { Sql } from '../../database/sql';
import { BranchDirectory } from '../org/branch-directory';
import { isRetryable, WechatClient } from '../wechat/wechat.client';
import { AlertsRepository } from './alerts.repository';

interface PendingRow {
  id: string;
  alert_id: string;
  staff_id: string;
  attempts: number;
  openid: string | null;
}

const MAX_ATTEMPTS = 6;
const CLAIM_MS = 60_000;
// 30 s, 1 min, 2 min, 4 min, 8 min between tries: WeChat outages are usually short.
const backoff = (attempts: number) => 30_000 * 2 ** (attempts - 1);

/** WeChat's "thing" fields take at most 20 characters. */
const thing = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text);

/**
 * Sends the outbox of alert notifications as WeChat subscribe messages. Rows are claimed one by
 * one with a conditional UPDATE, so several instances never send the same row twice; a failure
 * is recorded on the row and retried with backoff; a permanent refusal (no subscription) is kept
 * as REFUSED, never dropped silently.
 */
@Injectable()
export class NotificationWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Notifications');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    @Inject(SQL) private readonly sql: Sql,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly wechat: WechatClient,
    private readonly alerts: AlertsRepository,
    private readonly branches: BranchDirectory,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.wechat.appId && this.config.wechat.appSecret && this.config.wechat.alertTemplateId);
  }

  onApplicationBootstrap(): void {
    if (!this.enabled || this.config.notifySweepSeconds === 0) return;
    this.timer = setInterval(() => void this.drain(), this.config.notifySweepSeconds * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Sends what is due; returns how many were delivered. One pass at a time per instance. */
  drain(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<number> {
    if (!this.enabled) return 0;
    const now = this.clock.now();
    const due = await this.sql.all<PendingRow>(
      `SELECT n.id, n.alert_id, n.staff_id, n.attempts, s.wechat_openid AS openid FROM notifications n JOIN staff s ON s.id = n.staff_id
       WHERE n.status = 'PENDING' AND n.next_attempt_at <= ? AND (n.claimed_until IS NULL OR n.claimed_until < ?) ORDER BY n.next_attempt_at LIMIT 50`,
      [now, now],
    );
    let sent = 0;
    for (const row of due) {
      const claimed = await this.sql.run(
        "UPDATE notifications SET claimed_until = ? WHERE id = ? AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)",
        [now + CLAIM_MS, row.id, now],
      );
      if (claimed === 0) continue;
      if (await this.send(row)) sent++;
    }
    return sent;
  }

  private async send(row: PendingRow): Promise<boolean> {
    const attempts = Number(row.attempts) + 1;
    try {
      const alert = await this.alerts.find(row.alert_id);
      if (!row.openid || !alert) throw Object.assign(new Error('no recipient'), { code: 'NO_RECIPIENT' });
      const branch = await this.branches.get(alert.branch_id);
      await this.wechat.sendSubscribeMessage({
        toUser: row.openid,
        templateId: this.config.wechat.alertTemplateId,
        page: `police/alert/index?id=${alert.id}`,
        data: {
          thing1: { value: thing(alert.title) },
          phrase2: { value: LABELS.verdict[alert.level] },
          thing3: { value: thing(branch?.name ?? '') },
          time4: { value: new Date(Number(alert.created_at) + CITY_UTC_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ') },
        },
      });
      await this.sql.run("UPDATE notifications SET status = 'SENT', attempts = ?, sent_at = ?, last_error = NULL WHERE id = ?", [attempts, this.clock.now(), row.id]);
      return true;
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'ERROR';
      const retry = isRetryable(error) && attempts < MAX_ATTEMPTS;
      const status = retry ? 'PENDING' : code === 'WECHAT_NOT_SUBSCRIBED' ? 'REFUSED' : 'FAILED';
      await this.sql.run(
        'UPDATE notifications SET status = ?, attempts = ?, next_attempt_at = ?, claimed_until = NULL, last_error = ? WHERE id = ?',
        [status, attempts, this.clock.now() + backoff(attempts), code, row.id],
      );
      if (!retry) this.logger.warn(`notification ${row.id} ${status} after ${attempts} attempt(s): ${code}`);
      return false;
    }
  }
}
