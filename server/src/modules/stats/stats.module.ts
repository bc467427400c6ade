import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module';
import { StatsController } from './stats.controller';
import { StatsRepository } from './stats.repository';
import { StatsService } from './stats.service';

@Module({ imports: [OrgModule], controllers: [StatsController], providers: [StatsRepository, StatsService] })
export class StatsModule {}
