import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module';
import { WechatModule } from '../wechat/wechat.module';
import { AlertJournal } from './alert-journal';
import { AlertPolicyBook } from './alert-policy';
import { NotificationWorker } from './notification.worker';
import { AlertStream } from '../push/alert-stream';
import { EventBus } from '../push/event-bus';
import { AlertRaiser } from './alert-raiser';
import { AlertsController } from './alerts.controller';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';
import { EscalationScheduler } from './escalation.scheduler';

@Module({
  imports: [OrgModule, WechatModule],
  controllers: [AlertsController],
  providers: [
    AlertsRepository, AlertsService, AlertRaiser, AlertJournal, AlertPolicyBook, EscalationScheduler, NotificationWorker, EventBus, AlertStream,
  ],
  exports: [AlertPolicyBook, AlertRaiser, AlertsService, EventBus, EscalationScheduler, NotificationWorker],
})
export class AlertsModule {}
