import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'teller.icbc.nangang' })
  @IsString() @IsNotEmpty() @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'duanka123' })
  @IsString() @IsNotEmpty() @MaxLength(128)
  password: string;
}

export class WechatCodeDto {
  @ApiProperty({ description: 'wx.login() 返回的 code' })
  @IsString() @IsNotEmpty() @MaxLength(128)
  code: string;
}

export class StaffView {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty() role: string;
  @ApiProperty({ required: false, nullable: true }) branchId: string | null;
  @ApiProperty({ required: false, nullable: true }) institutionId: string | null;
  @ApiProperty({ required: false, nullable: true }) policeUnitId: string | null;
}

export class LoginResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: '秒' }) expiresIn: number;
  @ApiProperty({ type: StaffView }) staff: StaffView;
}
