import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from './actor';
import { CurrentActor, Roles } from './auth.decorators';
import { CreateStaffDto, ResetPasswordDto, UpdateStaffDto } from './dto/staff.dto';
import { StaffService } from './staff.service';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
@Roles('SYSTEM_ADMIN', 'INSTITUTION_ADMIN', 'SQUAD_ADMIN')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOperation({ summary: '可管理的账号（机构管理员看本机构，反诈中心看公安，系统管理员看全部）' })
  list(@CurrentActor() actor: Actor) {
    return this.staff.list(actor);
  }

  @Post()
  @ApiOperation({ summary: '创建账号' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateStaffDto) {
    return this.staff.create(actor, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改姓名或停用/启用账号' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateStaffDto) {
    return this.staff.update(actor, id, body);
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: '重置密码' })
  resetPassword(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: ResetPasswordDto) {
    return this.staff.resetPassword(actor, id, body.password);
  }
}
