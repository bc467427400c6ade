import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function serverEnv(sqlitePath: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, SQLITE_PATH: sqlitePath, ...extra };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  return env;
}

/** A fresh copy of the demo city: the runner's seeded template, or a seed of our own. */
function freshDatabase(dir: string): string {
  const file = path.join(dir, 'city.sqlite');
  const template = process.env.E2E_TEMPLATE_DB;
  if (template && existsSync(template)) {
    copyFileSync(template, file);
    return file;
  }
  const seeded = spawnSync(process.execPath, [path.join(ROOT, 'server/dist/src/cli/seed.js')], { cwd: ROOT, env: serverEnv(file), encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`seeding the demo city failed:\n${seeded.stdout}\n${seeded.stderr}`);
  return file;
}

/** The real server (`node server/dist/src/main.js`) on a free port, serving the H5 build. */
export async function startCity(): Promise<City> {
  const dir = mkdtempSync(path.join(tmpdir(), 'duanka-city-'));
  const sqlite = freshDatabase(dir);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'server/dist/src/main.js')], {
    cwd: ROOT,
    env: serverEnv(sqlite, { HOST: '127.0.0.1', PORT: String(port), H5_DIR: path.join(ROOT, 'mini/dist-h5') }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise<void>((resolve) => {
          const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          child.once('exit', () => {
            clearTimeout(killer);
            resolve();
          });
          child.kill('SIGTERM');
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
