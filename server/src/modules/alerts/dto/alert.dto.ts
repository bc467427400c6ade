import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALERT_STATUSES, type AlertStatus } from '@duanka/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DISPOSITIONS, TRUTH_LABELS, type Disposition, type TruthLabel } from '@duanka/shared';

export class AlertNoteDto {
  @ApiPropertyOptional({ description: '处置说明' }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class DisposeDto extends AlertNoteDto {
  @ApiProperty({ enum: DISPOSITIONS }) @IsIn(DISPOSITIONS) disposition: Disposition;
  @ApiProperty({ enum: TRUTH_LABELS, description: '核查结论：确为风险 / 误报' }) @IsIn(TRUTH_LABELS) label: TruthLabel;
}

export class AssignDto extends AlertNoteDto {
  @ApiPropertyOptional({ description: '下级单位' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ description: '本单位或下级单位的民警' }) @IsOptional() @IsUUID() officerId?: string;
}

export class EscalateDto {
  @ApiProperty({ description: '上报原因' }) @IsString() @IsNotEmpty() @MaxLength(500) note: string;
}

export class ListAlertsQuery {
  @ApiPropertyOptional({ enum: ALERT_STATUSES }) @IsOptional() @IsIn(ALERT_STATUSES) status?: AlertStatus;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

export class DeadlinesDto {
  @ApiProperty({ description: '签收时限（分钟）', example: 30 }) @IsInt() @Min(1) @Max(7 * 24 * 60) acceptMinutes: number;
  @ApiProperty({ description: '处置时限（小时）', example: 24 }) @IsInt() @Min(1) @Max(30 * 24) disposeHours: number;
}

export class AlertPolicyDto {
  @ApiProperty({ type: DeadlinesDto }) @ValidateNested() @Type(() => DeadlinesDto) VERIFY: DeadlinesDto;
  @ApiProperty({ type: DeadlinesDto }) @ValidateNested() @Type(() => DeadlinesDto) STOP: DeadlinesDto;
  @ApiProperty({ description: '调整原因' }) @IsString() @IsNotEmpty() @MaxLength(200) note: string;
}
