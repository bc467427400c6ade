import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export class RuleChangeDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ description: '要修改的参数，如 { "minAccounts": 4 }', type: 'object', additionalProperties: { type: 'number' } })
  @IsOptional() @IsObject() params?: Record<string, number>;
  @ApiProperty({ description: '修改原因（记入版本历史）' }) @IsString() @IsNotEmpty() @MaxLength(200) note: string;
}

export class BacktestDto {
  @ApiProperty({ example: '2026-11-01T00:00:00+08:00' }) @IsISO8601() from: string;
  @ApiProperty({ example: '2026-11-28T00:00:00+08:00' }) @IsISO8601() to: string;
  @ApiProperty({ description: '拟修改的规则：{ "MULTI_BANK_BURST": { "params": { "minAccounts": 2 } } }', type: 'object', additionalProperties: true })
  @IsObject() changes: Record<string, { enabled?: boolean; params?: Record<string, number> }>;
}

export class WatchlistEntryDto {
  @ApiProperty({ enum: ['PUNISHED', 'FRAUD_LINKED', 'VULNERABLE'] }) @IsIn(['PUNISHED', 'FRAUD_LINKED', 'VULNERABLE']) kind: 'PUNISHED' | 'FRAUD_LINKED' | 'VULNERABLE';
  @ApiProperty({ enum: ['PERSON', 'PHONE', 'CARD'] }) @IsIn(['PERSON', 'PHONE', 'CARD']) target: 'PERSON' | 'PHONE' | 'CARD';
  @ApiProperty({ description: '身份证号 / 手机号 / 银行卡号' }) @IsString() @IsNotEmpty() @MaxLength(32) value: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) reason: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601() expiresAt?: string;
}

export class WatchlistImportDto {
  @ApiProperty({ description: 'CSV 文本，表头 kind,target,value,reason,expiresAt' }) @IsString() @IsNotEmpty() @MaxLength(5_000_000) csv: string;
}

export class WatchlistQuery {
  @ApiPropertyOptional({ enum: ['PUNISHED', 'FRAUD_LINKED', 'VULNERABLE'] }) @IsOptional() @IsIn(['PUNISHED', 'FRAUD_LINKED', 'VULNERABLE']) kind?: 'PUNISHED' | 'FRAUD_LINKED' | 'VULNERABLE';
}
