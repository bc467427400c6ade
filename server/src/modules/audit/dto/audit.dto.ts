import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class AuditQuery {
  @ApiPropertyOptional({ description: '起始时间（含），默认 24 小时前' }) @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional({ description: '截止时间（不含），默认现在；起止最长 31 天' }) @IsOptional() @IsISO8601() to?: string;
  @ApiPropertyOptional({ description: '操作账号' }) @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ description: '操作，例如 person.reveal' }) @IsOptional() @IsString() @MaxLength(64) action?: string;
  @ApiPropertyOptional({ description: '对象编号' }) @IsOptional() @IsString() @MaxLength(64) subjectId?: string;
  @ApiPropertyOptional({ description: '翻页：上一页返回的 nextBefore' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) before?: number;
  @ApiPropertyOptional({ description: '每页条数，默认 100，最多 500' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}
