import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { OrgModule } from '../org/org.module';
import { WechatModule } from '../wechat/wechat.module';
import { ActorResolver } from './actor.resolver';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';
import { TokenService } from './token.service';

@Module({
  imports: [OrgModule, WechatModule],
  controllers: [AuthController, StaffController],
  providers: [AuthService, StaffService, TokenService, ActorResolver, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService, ActorResolver],
})
export class AuthModule {}
