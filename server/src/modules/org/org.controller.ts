import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.decorators';
import { OrgRepository } from './org.repository';

@ApiTags('org')
@ApiBearerAuth()
@Controller('org')
export class OrgController {
  constructor(private readonly org: OrgRepository) {}

  @Get('branches')
  @ApiOperation({ summary: '网点列表（机构管理员只看本机构）' })
  async branches(@CurrentActor() actor: Actor) {
    const rows = await this.org.branches(actor.role === 'INSTITUTION_ADMIN' || actor.role === 'TELLER' ? actor.institutionId ?? undefined : undefined);
    return { items: rows.map((b) => ({ id: b.id, code: b.code, name: b.name, areaCode: b.area_code, institution: { id: b.institution_id, code: b.institution_code, name: b.institution_name, kind: b.institution_kind } })) };
  }

  @Get('police-units')
  @ApiOperation({ summary: '公安单位树' })
  async policeUnits() {
    const rows = await this.org.policeUnits();
    return { items: rows.map((u) => ({ id: u.id, parentId: u.parent_id, code: u.code, name: u.name, level: u.level })) };
  }
}
