import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from './actor';
import { CurrentActor, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { LoginDto, LoginResponseDto, StaffView, WechatCodeDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: '账号密码登录（失败过多会被暂时锁定）' })
  @ApiOkResponse({ type: LoginResponseDto })
  login(@Body() body: LoginDto, @Ip() ip: string): Promise<LoginResponseDto> {
    return this.auth.login(body.username, body.password, ip);
  }

  @Public()
  @Post('wechat')
  @HttpCode(200)
  @ApiOperation({ summary: '微信登录：wx.login 的 code 换取已绑定账号的令牌' })
  @ApiOkResponse({ type: LoginResponseDto })
  loginWithWechat(@Body() body: WechatCodeDto, @Ip() ip: string): Promise<LoginResponseDto> {
    return this.auth.loginWithWechat(body.code, ip);
  }

  @ApiBearerAuth()
  @Post('wechat/bind')
  @HttpCode(204)
  @ApiOperation({ summary: '把当前微信绑定到已登录的工作账号' })
  bindWechat(@CurrentActor() actor: Actor, @Body() body: WechatCodeDto): Promise<void> {
    return this.auth.bindWechat(actor, body.code);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: StaffView })
  me(@CurrentActor() actor: Actor): StaffView {
    return {
      id: actor.id,
      username: actor.username,
      displayName: actor.displayName,
      role: actor.role,
      branchId: actor.branchId,
      institutionId: actor.institutionId,
      policeUnitId: actor.policeUnitId,
    };
  }
}
