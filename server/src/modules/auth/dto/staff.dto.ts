import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@duanka/shared';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateStaffDto {
  @ApiProperty({ example: 'teller.icbc.nangang.2' })
  @IsString() @Matches(/^[a-zA-Z0-9._-]{3,64}$/) username: string;

  @ApiProperty({ example: '王柜员' }) @IsString() @IsNotEmpty() @MaxLength(64) displayName: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
  @ApiPropertyOptional({ description: '柜员所在网点' }) @IsOptional() @IsUUID() branchId?: string;
  @ApiPropertyOptional({ description: '机构管理员所属机构' }) @IsOptional() @IsUUID() institutionId?: string;
  @ApiPropertyOptional({ description: '民警所在公安单位' }) @IsOptional() @IsUUID() policeUnitId?: string;
  @ApiProperty({ description: '初始密码，至少 8 位' }) @IsString() @MinLength(8) @MaxLength(128) password: string;
}

export class UpdateStaffDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) displayName?: string;
  @ApiPropertyOptional({ description: '停用后该账号立即无法登录，已发出的令牌在 30 秒内失效' }) @IsOptional() @IsBoolean() active?: boolean;
}

export class ResetPasswordDto {
  @ApiProperty({ description: '新密码，至少 8 位' }) @IsString() @MinLength(8) @MaxLength(128) password: string;
}
