import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { OrgModule } from '../org/org.module';
import { BacktestService } from './backtest.service';
import { BranchSpikeWatch } from './branch-spike.watch';
import { FactsRepository } from './facts.repository';
import { RulesController, WatchlistController } from './risk.controller';
import { RiskService } from './risk.service';
import { RuleBook } from './rule-book';
import { WatchlistService } from './watchlist.service';

@Module({
  imports: [OrgModule, AlertsModule],
  controllers: [RulesController, WatchlistController],
  providers: [RiskService, FactsRepository, RuleBook, BacktestService, WatchlistService, BranchSpikeWatch],
  exports: [RiskService, RuleBook, WatchlistService, BranchSpikeWatch],
})
export class RiskModule {}
