import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { openDatabase, type Database } from './database';
import type { Sql } from './sql';

export const DATABASE = Symbol('DATABASE');
export const SQL = Symbol('SQL');

/** Opens the database once (migrations included) and shares its SQL door with every module. */
@Global()
@Module({
  providers: [
    { provide: DATABASE, inject: [AppConfig], useFactory: (config: AppConfig) => openDatabase(config) },
    { provide: SQL, inject: [DATABASE], useFactory: (db: Database): Sql => db.sql },
  ],
  exports: [DATABASE, SQL],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}
