import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OpeningResult } from '@duanka/shared';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { BankOpeningDto, CancellationDto, IdCardOcrDto, ListOpeningsQuery, LookupDto, OutcomeDto, RevealDto, SimRegistrationDto } from './dto/opening.dto';
import type { RecordedOpening } from './openings.service';
import { OpeningsService } from './openings.service';
import { PersonsService } from './persons.service';

/** 201 for a new record, 200 when an offline retry replays the first one. */
function answer(reply: FastifyReply, recorded: RecordedOpening): OpeningResult {
  void reply.status(recorded.created ? 201 : 200);
  return recorded.result;
}

@ApiTags('openings')
@ApiBearerAuth()
@Controller()
export class RegistryController {
  constructor(
    private readonly openings: OpeningsService,
    private readonly persons: PersonsService,
  ) {}

  @Post('openings/bank')
  @Roles('TELLER')
  @ApiOperation({ summary: '登记银行开户，实时返回研判结论（通过/需核实/停止办理）' })
  @ApiCreatedResponse({ description: '新登记；重复提交同一 id 时返回 200 与首次结果' })
  async bank(@CurrentActor() actor: Actor, @Body() body: BankOpeningDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<OpeningResult> {
    return answer(reply, await this.openings.recordBank(actor, body));
  }

  @Post('openings/sim')
  @Roles('TELLER')
  @ApiOperation({ summary: '登记电话卡入网（含物联网卡、虚拟运营商卡），实时返回研判结论' })
  async sim(@CurrentActor() actor: Actor, @Body() body: SimRegistrationDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<OpeningResult> {
    return answer(reply, await this.openings.recordSim(actor, body));
  }

  @Post('openings/ocr/id-card')
  @HttpCode(200)
  @Roles('TELLER')
  @ApiOperation({ summary: '身份证照片识别（微信 OCR），只用于填表：结果不保存、不记日志' })
  ocr(@CurrentActor() actor: Actor, @Body() body: IdCardOcrDto) {
    return this.openings.recognizeIdCard(actor, Buffer.from(body.image, 'base64'), body.contentType);
  }

  @Get('openings')
  @ApiOperation({ summary: '某日的登记（按角色限定范围，证件号脱敏）' })
  list(@CurrentActor() actor: Actor, @Query() query: ListOpeningsQuery) {
    return this.openings.list(actor, query.date, query.kind);
  }

  @Get('openings/:id')
  detail(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.openings.detail(actor, id);
  }

  @Post('openings/:id/outcome')
  @HttpCode(200)
  @Roles('TELLER')
  @ApiOperation({ summary: '登记办理结果：已办理 / 已拒绝 / 已移交公安' })
  outcome(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: OutcomeDto) {
    return this.openings.recordOutcome(actor, id, body.outcome, body.note);
  }

  @Post('openings/:id/reveal')
  @HttpCode(200)
  @Roles('POLICE_OFFICER', 'SQUAD_ADMIN')
  @ApiOperation({ summary: '查看完整卡号/手机号（公安，记入审计）' })
  async revealOpening(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: RevealDto) {
    return this.persons.revealOpening(actor, await this.openings.visibleOpening(actor, id), body.reason);
  }

  @Post('cancellations')
  @Roles('TELLER')
  @ApiOperation({ summary: '登记销户或销号' })
  async cancel(@CurrentActor() actor: Actor, @Body() body: CancellationDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const result = await this.openings.cancel(actor, body);
    void reply.status(result.replayed ? 200 : 201);
    return result;
  }

  @Get('persons/:personId/timeline')
  @Roles('POLICE_OFFICER', 'SQUAD_ADMIN')
  @ApiOperation({ summary: '某人在全市各机构的开户与办卡时间线（公安）' })
  timeline(@CurrentActor() actor: Actor, @Param('personId', ParseUUIDPipe) personId: string) {
    return this.persons.timeline(actor, personId);
  }

  @Post('persons/lookup')
  @HttpCode(200)
  @Roles('POLICE_OFFICER', 'SQUAD_ADMIN')
  @ApiOperation({ summary: '按身份证号查询时间线（公安，记入审计）' })
  lookup(@CurrentActor() actor: Actor, @Body() body: LookupDto) {
    return this.persons.lookup(actor, body.idNumber, body.reason);
  }

  @Post('persons/:personId/reveal')
  @HttpCode(200)
  @Roles('POLICE_OFFICER', 'SQUAD_ADMIN')
  @ApiOkResponse({ description: '完整身份证号与姓名' })
  @ApiOperation({ summary: '查看完整身份信息（公安，记入审计）' })
  reveal(@CurrentActor() actor: Actor, @Param('personId', ParseUUIDPipe) personId: string, @Body() body: RevealDto) {
    return this.persons.reveal(actor, personId, body.reason);
  }
}
