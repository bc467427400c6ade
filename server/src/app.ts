import 'reflect-metadata';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { ErrorFilter } from './common/error.filter';
import { validationPipe } from './common/validation';

/** Builds the whole application (used by main.ts, the tests and the benchmark). */
export async function createApp(logLevels: LogLevel[] = ['log', 'warn', 'error']): Promise<NestFastifyApplication> {
  // No request logging: URLs and bodies could carry personal data; errors are logged redacted.
  // The body limit leaves room for an ID-card photo (WeChat OCR takes up to 2 MB, base64 adds a third).
  const adapter = new FastifyAdapter({ logger: false, bodyLimit: 3 * 1024 * 1024, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, { logger: logLevels });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('断卡精灵 Duanka Sprite API')
      .setDescription('全市“两卡”开户登记、实时研判与公安闭环处置接口。所有错误均为 { statusCode, code, message }。')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/json' });

  const config = app.get(AppConfig);
  config.announce(new Logger('Config'));
  if (config.h5Dir) await serveH5(app, config.h5Dir);
  return app;
}

/** The mini-program's H5 build, served beside the API on the same origin. */
async function serveH5(app: NestFastifyApplication, dir: string): Promise<void> {
  const logger = new Logger('H5');
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    logger.warn(`H5_DIR ${dir} has no index.html: build it with npm run build:h5 -w @duanka/mini`);
    return;
  }
  const fastifyStatic = (await import('@fastify/static')).default;
  await app.register(fastifyStatic, { root: dir, prefix: '/', index: ['index.html'], wildcard: false });
  logger.log(`serving the mini-program H5 build from ${dir}`);
}
