import { Logger } from '@nestjs/common';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Pool } from 'pg';
import { types as pgTypes } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { MIGRATIONS } from './migrations';
import { PostgresSql, SqliteSql, type Sql } from './sql';
import { SqliteCheckpointer } from './sqlite-checkpointer';

// Times are epoch milliseconds in BIGINT columns: read them back as numbers, not strings.
pgTypes.setTypeParser(pgTypes.builtins.INT8, (value) => Number(value));

export interface Database {
  readonly dataSource: DataSource;
  readonly sql: Sql;
  close(): Promise<void>;
}

export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const common = { migrations: MIGRATIONS, migrationsTableName: 'schema_migrations', synchronize: false, logging: false };
  if (config.database.kind === 'postgres') {
    // A connection that cannot be had in 10 s is an error the caller sees, not a request that hangs.
    return { ...common, type: 'postgres', url: config.database.url, poolSize: config.database.poolSize, extra: { connectionTimeoutMillis: 10_000 } };
  }
  fs.mkdirSync(path.dirname(config.database.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.database.path,
    enableWAL: true,
    prepareDatabase: (db: SqliteDatabase) => {
      // WAL + NORMAL: durable at every checkpoint, several times faster per write (STACK-NOTES).
      db.pragma('synchronous = NORMAL');
      // Checkpoints run on a thread of their own (SqliteCheckpointer); this is only the backstop.
      db.pragma(`wal_autocheckpoint = ${SqliteCheckpointer.AUTOCHECKPOINT_PAGES}`);
      db.pragma('journal_size_limit = 67108864');
      // Sorts and savepoint journals in memory, never in temporary files.
      db.pragma('temp_store = MEMORY');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      // Every opening reads a handful of index pages spread over the whole history: keep them in
      // memory (64 MB of page cache, the default is 2 MB) and read the rest through a memory map
      // instead of one read() per page: as much as this SQLite build maps (2 GB), since a year of a
      // city (1M openings) is a 1.4 GB file and 1 GB left its newest part to read().
      db.pragma('cache_size = -65536');
      db.pragma('mmap_size = 2147418112');
    },
  };
}

/** Opens the database, brings the schema up to date, and hands out the SQL door. */
export async function openDatabase(config: AppConfig, logger = new Logger('Database')): Promise<Database> {
  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (applied.length > 0) logger.log(`applied migrations: ${applied.map((m) => m.name).join(', ')}`);
  const driver = dataSource.driver as unknown as { databaseConnection?: SqliteDatabase; master?: Pool };
  if (config.database.kind === 'sqlite') {
    // SQLite plans with table statistics only if someone gathers them: without them it scans a
    // busy branch's whole hour instead of looking up one phone's hash. A bounded sample, quick
    // even at millions of rows (PostgreSQL's autovacuum does this by itself).
    driver.databaseConnection!.pragma('analysis_limit = 1000');
    driver.databaseConnection!.pragma('optimize = 0x10002');
  }
  const sql =
    config.database.kind === 'postgres'
      ? new PostgresSql(driver.master as Pool)
      : new SqliteSql(driver.databaseConnection as SqliteDatabase);
  const checkpointer = config.database.kind === 'sqlite' ? new SqliteCheckpointer(config.database.path) : undefined;
  return {
    dataSource,
    sql,
    close: async () => {
      // Transactions already running finish and answer; at most 10 s, then the connections close anyway.
      await Promise.race([sql.settled(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      await checkpointer?.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}
