import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { AlertStream } from '../push/alert-stream';
import { SQL } from '../../database/database.module';
import type { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { AlertPolicyBook } from './alert-policy';
import { AlertsService } from './alerts.service';
import { AlertNoteDto, AlertPolicyDto, AssignDto, DisposeDto, EscalateDto, ListAlertsQuery } from './dto/alert.dto';

const HEARTBEAT_MS = 15_000;

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
export class AlertsController {
  constructor(
    @Inject(SQL) private readonly sql: Sql,
    private readonly alerts: AlertsService,
    private readonly stream: AlertStream,
    private readonly policies: AlertPolicyBook,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: '辖区告警列表（民警看本单位及下级；机构管理员看本机构的反馈）' })
  list(@CurrentActor() actor: Actor, @Query() query: ListAlertsQuery) {
    return this.alerts.list(actor, query.status, query.limit ?? 50);
  }

  @Get('stream')
  @Roles('POLICE_OFFICER', 'SQUAD_ADMIN')
  @ApiProduces('text/event-stream')
  @ApiOperation({ summary: '告警实时推送（SSE）。断线重连带 Last-Event-ID 可补收期间的全部事件；EventSource 可用 ?access_token=' })
  async live(@CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const header = request.headers['last-event-id'];
    const query = (request.query as Record<string, string | undefined>).lastEventId;
    const raw = Array.isArray(header) ? header[0] : header ?? query;
    const after = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    const stop = await this.stream.connect(actor, after, (event) => {
      res.write(`id: ${event.seq}\nevent: alert\ndata: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      stop();
    });
  }

  @Get('policy')
  @Roles('POLICE_OFFICER', 'SQUAD_ADMIN')
  @ApiOperation({ summary: '各级告警的签收与处置时限（超时自动上报上一级）' })
  policy() {
    return this.policies.current();
  }

  @Put('policy')
  @Roles('SQUAD_ADMIN')
  @ApiOperation({ summary: '反诈中心调整时限：生成新版本，之后新产生的时限按新规定计算' })
  changePolicy(@CurrentActor() actor: Actor, @Body() body: AlertPolicyDto) {
    return this.sql.transaction(async (tx) => {
      const policy = await this.policies.change({ VERIFY: body.VERIFY, STOP: body.STOP }, actor.id, body.note, tx);
      await this.audit.record(actor, { action: 'alerts.policy', detail: { version: policy.version } }, tx);
      return policy;
    });
  }

  @Get(':id')
  detail(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.alerts.detail(actor, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: '签收' })
  accept(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AlertNoteDto) {
    return this.alerts.transition(actor, id, 'ACCEPT', body);
  }

  @Post(':id/start')
  @HttpCode(200)
  @ApiOperation({ summary: '开始核查' })
  start(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AlertNoteDto) {
    return this.alerts.transition(actor, id, 'START', body);
  }

  @Post(':id/dispose')
  @HttpCode(200)
  @ApiOperation({ summary: '登记处置结果（警示劝导、无异常、立案、注销卡号、移交）与核查结论' })
  dispose(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: DisposeDto) {
    return this.alerts.transition(actor, id, 'DISPOSE', body);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('SQUAD_ADMIN')
  @ApiOperation({ summary: '反诈中心确认办结（反馈给开户机构）' })
  close(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AlertNoteDto) {
    return this.alerts.transition(actor, id, 'CLOSE', body);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles('SQUAD_ADMIN')
  @ApiOperation({ summary: '反诈中心退回重办' })
  reopen(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AlertNoteDto) {
    return this.alerts.transition(actor, id, 'REOPEN', body);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOperation({ summary: '指派给下级单位或民警' })
  assign(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AssignDto) {
    return this.alerts.assign(actor, id, body);
  }

  @Post(':id/escalate')
  @HttpCode(200)
  @ApiOperation({ summary: '上报上一级单位' })
  escalate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: EscalateDto) {
    return this.alerts.escalate(actor, id, body.note);
  }
}
