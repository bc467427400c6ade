import { Logger } from '@nestjs/common';
import { createApp } from './app';
import { AppConfig, ConfigError } from './config/app-config';

async function main(): Promise<void> {
  const app = await createApp();
  const config = app.get(AppConfig);
  await app.listen(config.port, config.host);
  new Logger('Main').log(`断卡精灵 API listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/api (docs at /api/docs)`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`configuration error: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
