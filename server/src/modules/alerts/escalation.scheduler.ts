import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { AlertsService } from './alerts.service';

/**
 * Moves overdue alerts one level up. Every instance runs it; the per-alert lock and the re-read
 * inside the transaction make a double pass harmless (the second finds the deadline renewed).
 */
@Injectable()
export class EscalationScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Escalation');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly alerts: AlertsService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.escalationSweepSeconds === 0) return;
    this.timer = setInterval(() => void this.sweep(), this.config.escalationSweepSeconds * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(): Promise<number> {
    try {
      const moved = await this.alerts.escalateOverdue();
      if (moved > 0) this.logger.log(`escalated ${moved} overdue alert(s)`);
      return moved;
    } catch (error) {
      this.logger.error(`escalation sweep failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
