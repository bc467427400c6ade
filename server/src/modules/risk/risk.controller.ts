import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RULE_CODES, type RuleCode } from '@duanka/shared';
import { notFound } from '../../common/domain-error';
import { SQL } from '../../database/database.module';
import type { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { BacktestService } from './backtest.service';
import { BacktestDto, RuleChangeDto, WatchlistEntryDto, WatchlistImportDto, WatchlistQuery } from './dto/rules.dto';
import { RuleBook } from './rule-book';
import { WatchlistService } from './watchlist.service';

function ruleCode(code: string): RuleCode {
  if (!(RULE_CODES as readonly string[]).includes(code)) throw notFound('RULE_NOT_FOUND', `没有规则 ${code}`);
  return code as RuleCode;
}

@ApiTags('rules')
@ApiBearerAuth()
@Controller('rules')
export class RulesController {
  constructor(
    @Inject(SQL) private readonly sql: Sql,
    private readonly book: RuleBook,
    private readonly backtests: BacktestService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Roles('SQUAD_ADMIN', 'POLICE_OFFICER', 'SYSTEM_ADMIN')
  @ApiOperation({ summary: '规则目录：当前版本、参数、是否启用' })
  async list() {
    const current = await this.book.current();
    return { items: RULE_CODES.map((code) => ({ ...current.get(code)!, defaults: this.book.rule(code).defaults })) };
  }

  @Get(':code/versions')
  @Roles('SQUAD_ADMIN', 'POLICE_OFFICER', 'SYSTEM_ADMIN')
  @ApiOperation({ summary: '规则的版本历史（谁、何时、改了什么）' })
  async versions(@Param('code') code: string) {
    return { items: await this.book.history(ruleCode(code)) };
  }

  @Put(':code')
  @Roles('SQUAD_ADMIN')
  @ApiOperation({ summary: '启用/停用规则或修改参数：生成新版本' })
  change(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() body: RuleChangeDto) {
    const rule = ruleCode(code);
    return this.sql.transaction(async (tx) => {
      const version = await this.book.change(rule, body, actor.id, tx);
      await this.audit.record(actor, { action: 'rules.change', subjectType: 'rule', subjectId: rule, detail: { version: version.version, enabled: version.enabled, params: version.params } }, tx);
      return version;
    }, [`rule:${rule}`]);
  }

  @Post('backtest')
  @HttpCode(200)
  @Roles('SQUAD_ADMIN')
  @ApiOperation({ summary: '回测：假如这组参数在这段时间生效，会标记哪些开户（不影响线上告警）' })
  backtest(@CurrentActor() actor: Actor, @Body() body: BacktestDto) {
    const changes: Partial<Record<RuleCode, { enabled?: boolean; params?: Record<string, unknown> }>> = {};
    for (const [code, change] of Object.entries(body.changes)) changes[ruleCode(code)] = change;
    return this.backtests.run(actor, { from: Date.parse(body.from), to: Date.parse(body.to), changes });
  }
}

@ApiTags('watchlists')
@ApiBearerAuth()
@Controller('watchlists')
@Roles('SQUAD_ADMIN')
export class WatchlistController {
  constructor(private readonly watchlists: WatchlistService) {}

  @Get()
  @ApiOperation({ summary: '名单（惩戒、涉诈、易受骗），号码脱敏' })
  list(@CurrentActor() actor: Actor, @Query() query: WatchlistQuery) {
    return this.watchlists.list(actor, query.kind);
  }

  @Post()
  @ApiOperation({ summary: '登记一条名单' })
  add(@CurrentActor() actor: Actor, @Body() body: WatchlistEntryDto) {
    return this.watchlists.add(actor, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: '移除（保留历史）' })
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.watchlists.remove(actor, id);
  }

  @Post('import')
  @HttpCode(200)
  @ApiOperation({ summary: 'CSV 批量导入，逐行报告错误；错误行不入库' })
  import(@CurrentActor() actor: Actor, @Body() body: WatchlistImportDto) {
    return this.watchlists.importCsv(actor, body.csv);
  }
}
