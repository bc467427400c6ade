import { Module } from '@nestjs/common';
import { WechatClient } from './wechat.client';

/** WeChat's server APIs. AppConfig comes from the global ConfigModule. */
@Module({ providers: [WechatClient], exports: [WechatClient] })
export class WechatModule {}
