import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { OrgModule } from '../org/org.module';
import { RiskModule } from '../risk/risk.module';
import { WechatModule } from '../wechat/wechat.module';
import { OpeningsService } from './openings.service';
import { PersonsService } from './persons.service';
import { RegistryController } from './registry.controller';
import { RegistryRepository } from './registry.repository';

@Module({
  imports: [OrgModule, RiskModule, AlertsModule, WechatModule],
  controllers: [RegistryController],
  providers: [RegistryRepository, OpeningsService, PersonsService],
  exports: [RegistryRepository],
})
export class RegistryModule {}
