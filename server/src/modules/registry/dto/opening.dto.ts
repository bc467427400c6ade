import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACCOUNT_CLASSES, COMPANION_RELATIONS, OPENING_PURPOSES, OUTCOMES, SIM_CARD_KINDS,
  type AccountClass, type CompanionRelation, type OpeningPurpose, type Outcome, type SimCardKind,
} from '@duanka/shared';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

// Format checks of ID, card and phone numbers live in @duanka/shared and run in the service,
// so that the mini-program and the server give the same Chinese message for the same mistake.
class PersonFields {
  @ApiProperty({ description: '客户端生成的 UUID；重复提交同一编号只会登记一次', format: 'uuid' })
  @IsUUID() id: string;

  @ApiProperty({ example: '11010519491231002X' })
  @IsString() @IsNotEmpty() @MaxLength(32) idNumber: string;

  @ApiProperty({ example: '张三' })
  @IsString() @IsNotEmpty() @MaxLength(64) name: string;

  @ApiProperty({ enum: COMPANION_RELATIONS, description: '是否有人陪同，NONE 为无人陪同' })
  @IsIn(COMPANION_RELATIONS) companionRelation: CompanionRelation;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) companionName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) companionPhone?: string;

  @ApiPropertyOptional({ description: '离线登记的实际办理时间（ISO 8601）；缺省为服务器收到的时间' })
  @IsOptional() @IsISO8601() openedAt?: string;
}

export class BankOpeningDto extends PersonFields {
  @ApiProperty({ enum: ACCOUNT_CLASSES }) @IsIn(ACCOUNT_CLASSES) accountClass: AccountClass;
  @ApiProperty({ example: '6222020200112233445' }) @IsString() @IsNotEmpty() @MaxLength(32) cardNumber: string;
  @ApiProperty({ description: '预留手机号', example: '13812345678' }) @IsString() @IsNotEmpty() @MaxLength(32) phone: string;
  @ApiProperty({ enum: OPENING_PURPOSES }) @IsIn(OPENING_PURPOSES) purpose: OpeningPurpose;
}

export class SimRegistrationDto extends PersonFields {
  @ApiProperty({ description: '新办号码', example: '13912345678' }) @IsString() @IsNotEmpty() @MaxLength(32) phoneNumber: string;
  @ApiProperty({ enum: SIM_CARD_KINDS }) @IsIn(SIM_CARD_KINDS) cardKind: SimCardKind;
  @ApiPropertyOptional({ enum: OPENING_PURPOSES }) @IsOptional() @IsIn(OPENING_PURPOSES) purpose?: OpeningPurpose;
}

export class OutcomeDto {
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome: Outcome;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class RevealDto {
  @ApiProperty({ description: '查看完整信息的事由（记入审计）', example: '核查告警 #123' })
  @IsString() @IsNotEmpty() @MaxLength(200) reason: string;
}

export class LookupDto extends RevealDto {
  @ApiProperty({ example: '11010519491231002X' }) @IsString() @IsNotEmpty() @MaxLength(32) idNumber: string;
}

export class CancellationDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id: string;
  @ApiProperty({ format: 'uuid', description: '被注销的开户或入网记录编号' }) @IsUUID() openingId: string;
  @ApiProperty({ example: '客户主动销户' }) @IsString() @IsNotEmpty() @MaxLength(200) reason: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601() cancelledAt?: string;
}

export class ListOpeningsQuery {
  @ApiPropertyOptional({ example: '2026-11-28', description: '某一天（本地时间），缺省为今天' })
  @IsOptional() @IsString() @MaxLength(10) date?: string;
  @ApiPropertyOptional({ enum: ['BANK', 'SIM'] }) @IsOptional() @IsIn(['BANK', 'SIM']) kind?: 'BANK' | 'SIM';
}

export class IdCardOcrDto {
  @ApiProperty({ description: '身份证人像面照片，base64（小于 2 MB）' })
  @IsString() @IsNotEmpty() @MaxLength(2_800_000) image: string;

  @ApiProperty({ enum: ['image/jpeg', 'image/png'], example: 'image/jpeg' })
  @IsIn(['image/jpeg', 'image/png']) contentType: 'image/jpeg' | 'image/png';
}
