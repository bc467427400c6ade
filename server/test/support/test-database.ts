import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

export type DatabaseKind = 'sqlite' | 'postgres';

/** One database per test file, thrown away after: a SQLite file in a temp dir, or a PostgreSQL schema. */
export interface TestDatabase {
  kind: DatabaseKind;
  /** Environment that points a server (in-process or child) at this database. */
  env: Record<string, string>;
  /** The SQLite file (with its -wal), to grep what was stored. */
  files: string[];
  drop(): Promise<void>;
}

const PG_URL = process.env.TEST_DATABASE_URL;
let warned = false;

/**
 * SQLite always; PostgreSQL whenever TEST_DATABASE_URL is set (.ci/run sets it). When it is not,
 * say so loudly: a green run without it has not tested the production database.
 */
export function databaseKinds(): DatabaseKind[] {
  if (!PG_URL && !warned) {
    warned = true;
    process.stderr.write('\n!!! TEST_DATABASE_URL is not set: the PostgreSQL half of this suite is NOT running.\n!!! Set it, e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test\n\n');
  }
  return PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duanka-test-'));
    const file = path.join(dir, 'test.sqlite');
    return {
      kind,
      env: { SQLITE_PATH: file },
      files: [file, `${file}-wal`],
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (!PG_URL) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await withClient((c) => c.query(`CREATE SCHEMA ${schema}`));
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    kind,
    env: { DATABASE_URL: url.toString() },
    files: [],
    drop: () => withClient((c) => c.query(`DROP SCHEMA ${schema} CASCADE`)).then(() => undefined),
  };
}

async function withClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Every row of every table, as text: what a thief of a PostgreSQL dump would read. */
export async function dumpPostgres(env: Record<string, string>): Promise<string> {
  const client = new Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`);
    let dump = '';
    for (const { table_name } of tables.rows) {
      const rows = await client.query(`SELECT * FROM "${table_name}"`);
      dump += JSON.stringify(rows.rows);
    }
    return dump;
  } finally {
    await client.end();
  }
}
