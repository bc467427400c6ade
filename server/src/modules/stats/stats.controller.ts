import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { invalid } from '../../common/domain-error';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { StatsService, type OverviewTable } from './stats.service';

const TABLES: readonly OverviewTable[] = ['perDay', 'byInstitution', 'byDistrict', 'byRule'];

function days(raw: string | undefined): number {
  return raw === undefined ? 30 : Number(raw);
}

@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('overview')
  @ApiQuery({ name: 'days', required: false, example: 30 })
  @ApiOperation({ summary: '统计总览：今日与逐日开户、研判结果、拒绝、告警（按规则、状态、辖区）、闭环率、时效' })
  overview(@CurrentActor() actor: Actor, @Query('days') raw?: string) {
    return this.stats.overview(actor, days(raw));
  }

  @Get('export/:table')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: '导出统计表 CSV：perDay / byInstitution / byDistrict / byRule' })
  async export(@CurrentActor() actor: Actor, @Param('table') table: string, @Res({ passthrough: true }) reply: FastifyReply, @Query('days') raw?: string) {
    const name = table.replace(/\.csv$/, '') as OverviewTable;
    if (!TABLES.includes(name)) throw invalid('TABLE_UNKNOWN', `可导出的表：${TABLES.join('、')}`);
    const csv = await this.stats.csv(actor, name, days(raw));
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`);
    return csv;
  }
}
