import { Global, Module } from '@nestjs/common';
import { Clock } from '../common/clock';
import { AppConfig } from './app-config';

@Global()
@Module({ providers: [{ provide: AppConfig, useFactory: () => new AppConfig() }, Clock], exports: [AppConfig, Clock] })
export class ConfigModule {}
