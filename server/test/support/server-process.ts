import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import * as path from 'node:path';

/**
 * The real server as a separate process (`node server/dist/src/main.js`), as production runs it:
 * the one way the server's tests, the browser tests and the benchmark start it.
 */
export interface ServerProcess {
  /** http://127.0.0.1:<port>: the API under `/api` (and the H5 app at `/` when H5_DIR is set). */
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far, for a failing test's message. */
  output(): string;
  /** SIGTERM (a graceful shutdown), SIGKILL if it has not exited 5 s later. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** Flags for node itself, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  startTimeoutMs?: number;
}

export function freePort(): Promise<number> {
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

/** server/dist/src/main.js, from server/dist/test/support. */
export const SERVER_MAIN = path.resolve(__dirname, '../../src/main.js');

/**
 * Starts the server on a free port with exactly `env` (plus PATH, HOST and PORT: nothing leaks in
 * from the caller's environment) and resolves once `/api/health` answers.
 */
export async function spawnServer(env: Record<string, string>, options: SpawnOptions = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_MAIN], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const url = `http://127.0.0.1:${port}`;
  const timeout = options.startTimeoutMs ?? 30_000;
  const deadline = Date.now() + timeout;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start within ${timeout / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
