import { Controller, Get, Inject, Module } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SQL } from './database/database.module';
import type { Sql } from './database/sql';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AlertsModule } from './modules/alerts/alerts.module';
import { AuditModule } from './modules/audit/audit.module';
import { Public, Roles } from './modules/auth/auth.decorators';
import { AuthModule } from './modules/auth/auth.module';
import { OrgModule } from './modules/org/org.module';
import { RegistryModule } from './modules/registry/registry.module';
import { StatsModule } from './modules/stats/stats.module';
import { VaultModule } from './modules/vault/vault.module';

@ApiTags('health')
@Controller('health')
class HealthController {
  constructor(@Inject(SQL) private readonly sql: Sql) {}

  @Public()
  @Get()
  health() {
    return { status: 'ok' };
  }

  @Get('metrics')
  @Roles('SYSTEM_ADMIN')
  @ApiBearerAuth()
  @ApiOperation({ summary: '运行指标：本进程执行的 SQL 语句数（基准测试据此算每笔开户的查询数）' })
  metrics() {
    return { queries: this.sql.queryCount, dialect: this.sql.dialect, uptimeSeconds: Math.round(process.uptime()) };
  }
}

@Module({
  imports: [ConfigModule, DatabaseModule, VaultModule, AuditModule, OrgModule, AuthModule, AlertsModule, RegistryModule, StatsModule],
  controllers: [HealthController],
})
export class AppModule {}
