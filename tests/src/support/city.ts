import { spawnServer } from '@duanka/server/dist/test/support/server-process';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** The repository root (tests/dist/support → ../../..), or what the runner says it is. */
export const ROOT = process.env.E2E_ROOT ?? path.resolve(__dirname, '../../..');

export interface City {
  /** http://127.0.0.1:<port> — the H5 app at `/`, the API under `/api`. */
  url: string;
  /** Everything the server printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

/** What the server runs with: SQLite at `sqlitePath`, never the caller's DATABASE_URL or REDIS_URL. */
function serverEnv(sqlitePath: string, extra: Record<string, string> = {}): Record<string, string> {
  return { SQLITE_PATH: sqlitePath, ...extra };
}

/** A fresh copy of the demo city: the runner's seeded template, or a seed of our own. */
function freshDatabase(dir: string): string {
  const file = path.join(dir, 'city.sqlite');
  const template = process.env.E2E_TEMPLATE_DB;
  if (template && existsSync(template)) {
    copyFileSync(template, file);
    return file;
  }
  const seeded = spawnSync(process.execPath, [path.join(ROOT, 'server/dist/src/cli/seed.js')], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...serverEnv(file) }, encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`seeding the demo city failed:\n${seeded.stdout}\n${seeded.stderr}`);
  return file;
}

/** The real server (`node server/dist/src/main.js`) on a free port, serving the H5 build. */
export async function startCity(): Promise<City> {
  const dir = mkdtempSync(path.join(tmpdir(), 'duanka-city-'));
  const server = await spawnServer(serverEnv(freshDatabase(dir), { H5_DIR: path.join(ROOT, 'mini/dist-h5') }));
  return {
    url: server.url,
    output: server.output,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
