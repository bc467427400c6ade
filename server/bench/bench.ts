/**
 * `npm run bench`: openings per second over real HTTP, against SQLite and PostgreSQL, with 100k
 * and 1M openings of history, beside a bare fastify "hello" measured in the same run.
 *
 *   npm run bench                      # both sizes, SQLite and (when reachable) PostgreSQL
 *   npm run bench -- --sizes 100000    # one size
 *   npm run bench -- --only sqlite
 *   npm run bench -- --repeat 3        # each full-speed figure the median of three runs
 *
 * Generated histories are kept (bench-data/*.sqlite, PostgreSQL schemas bench_<size>) and reused.
 */
import { idCheckDigit, uuidV7 } from '@duanka/shared';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { AppConfig } from '../src/config/app-config';
import { openDatabase } from '../src/database/database';
import { seedDemo } from '../src/cli/seed';
import { CARD_BINS, MOBILE_SEGMENTS, luhnCheckDigit } from '../src/cli/identities';
import { spawnServer, type ServerProcess } from '../test/support/server-process';

const ROOT = path.resolve(__dirname, '../../..');
const DATA = path.join(ROOT, 'bench-data');
/**
 * A PostgreSQL on the same machine is reached through its Unix socket, as a server beside its
 * database would be deployed: TCP over loopback cost the server ~0.1 ms of system time per
 * opening (its ~10 round trips each pass the whole TCP stack twice). BENCH_DATABASE_URL overrides.
 */
const PG_SOCKET_DIR = '/var/run/postgresql';
const PG_URL = process.env.BENCH_DATABASE_URL
  ?? (fs.existsSync(`${PG_SOCKET_DIR}/.s.PGSQL.5432`) ? `postgres://postgres@localhost/test?host=${PG_SOCKET_DIR}` : undefined)
  ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZES = (flag('--sizes') ?? '100000,1000000').split(',').map(Number);
const ONLY = flag('--only');
const DURATION = Number(flag('--duration') ?? 15);
const CONNECTIONS = Number(flag('--connections') ?? 16);
/** `--repeat N`: the full-speed run N times, the median reported (runs on a shared machine swing). */
const REPEAT = Math.max(1, Number(flag('--repeat') ?? 1));
/** `--profile DIR`: the server writes a V8 CPU profile there (node --cpu-prof) when it stops. */
const PROFILE_DIR = flag('--profile');

interface Teller {
  username: string;
  token: string;
  kind: 'BANK' | 'CARRIER';
  code: string;
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
}

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

function spawnNode(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const hello = /listening http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (hello) resolve({ child, port: Number(hello[1]) });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${script} exited ${code}: ${output}`)));
  });
}

/** The server with its periodic sweeps off: the benchmark measures openings, nothing else. */
function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const nodeArgs = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(PROFILE_DIR)}`] : [];
  return spawnServer({ ESCALATION_SWEEP_SECONDS: '0', SPIKE_SWEEP_SECONDS: '0', ...env }, { nodeArgs });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function pgSchema(size: number, fresh: boolean): Promise<{ env: Record<string, string>; exists: boolean } | undefined> {
  const client = new Client({ connectionString: PG_URL });
  try {
    await client.connect();
  } catch {
    return undefined;
  }
  const schema = `bench_${size}`;
  const found = await client.query('SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2', [schema, 'bank_openings']);
  if (found.rowCount === 0 || fresh) {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`CREATE SCHEMA ${schema}`);
  }
  await client.end();
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { env: { DATABASE_URL: url.toString() }, exists: (found.rowCount ?? 0) > 0 && !fresh };
}

/** Openings stored now: every run adds its own to the kept history. */
async function storedOpenings(env: Record<string, string>): Promise<number> {
  const db = await openDatabase(new AppConfig(env as NodeJS.ProcessEnv));
  try {
    const row = await db.sql.get<{ n: number }>('SELECT (SELECT COUNT(*) FROM bank_openings) + (SELECT COUNT(*) FROM sim_registrations) AS n');
    return Number(row?.n ?? 0);
  } finally {
    await db.close();
  }
}

/** How far the runs may grow a kept history past its size before it is generated afresh. */
const REGENERATE_PAST = 1.5;

/**
 * A history of about `size` openings (~3.3 per person), generated once and kept while the runs'
 * own openings have not grown it past REGENERATE_PAST × size; with the openings it holds now.
 */
async function prepare(kind: 'sqlite' | 'postgres', size: number, fresh = false): Promise<{ env: Record<string, string>; stored: number } | undefined> {
  let env: Record<string, string>;
  let exists: boolean;
  if (kind === 'sqlite') {
    fs.mkdirSync(DATA, { recursive: true });
    const file = path.join(DATA, `bench-${size}.sqlite`);
    env = { SQLITE_PATH: file };
    exists = !fresh && fs.existsSync(file) && !fs.existsSync(`${file}.incomplete`);
    if (!exists) {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
      fs.writeFileSync(`${file}.incomplete`, '');
    }
  } else {
    const pg = await pgSchema(size, fresh);
    if (!pg) {
      log(`PostgreSQL at ${PG_URL} is not reachable: skipping it (set BENCH_DATABASE_URL)`);
      return undefined;
    }
    ({ env, exists } = pg);
  }
  if (exists) {
    const stored = await storedOpenings(env);
    if (stored <= REGENERATE_PAST * size) return { env, stored };
    log(`the kept ${kind} history has grown to ${stored.toLocaleString()} openings: generating it afresh`);
    return prepare(kind, size, true);
  }
  log(`generating ${size.toLocaleString()} openings of history on ${kind}…`);
  const started = Date.now();
  const db = await openDatabase(new AppConfig(env as NodeJS.ProcessEnv));
  await seedDemo(db, { people: Math.round(size / 3.3), days: 365, seed: `bench-${size}`, judge: false, alertDays: 0, progress: true });
  // A year of history in production has long been vacuumed, analysed and written out; a fresh
  // bulk load has not, and autovacuum and the checkpointer would otherwise do it during the
  // measurement, on the same two cores.
  if (kind === 'postgres') {
    await db.dataSource.query('VACUUM ANALYZE');
    await db.dataSource.query('CHECKPOINT');
  }
  await db.close();
  if (kind === 'sqlite') fs.rmSync(`${env.SQLITE_PATH}.incomplete`);
  log(`generated in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { env, stored: await storedOpenings(env) };
}

async function tellers(url: string, env: Record<string, string>): Promise<Teller[]> {
  const db = await openDatabase(new AppConfig(env as NodeJS.ProcessEnv));
  const rows = await db.sql.all<{ username: string; kind: 'BANK' | 'CARRIER'; code: string }>(
    `SELECT s.username, i.kind, i.code FROM staff s JOIN branches b ON b.id = s.branch_id JOIN institutions i ON i.id = b.institution_id
     WHERE s.role = 'TELLER' ORDER BY s.username`,
  );
  await db.close();
  const picked = rows.filter((_, i) => i % Math.max(1, Math.floor(rows.length / 40)) === 0);
  const result: Teller[] = [];
  for (const row of picked) {
    const answer = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: row.username, password: 'duanka123' }) });
    const body = (await answer.json()) as { accessToken: string };
    result.push({ ...row, token: body.accessToken });
  }
  return result;
}

async function metricsToken(url: string): Promise<string> {
  const answer = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'sys.admin', password: 'duanka123' }) });
  return ((await answer.json()) as { accessToken: string }).accessToken;
}

async function queries(url: string, token: string): Promise<number> {
  const answer = await fetch(`${url}/api/health/metrics`, { headers: { authorization: `Bearer ${token}` } });
  return ((await answer.json()) as { queries: number }).queries;
}

/**
 * A realistic counter mix: mostly ordinary new customers, one in five a person who already
 * opened something in this run (a repeat opener), 70% bank accounts and 30% SIMs.
 */
function openingMaker(tellerList: Teller[]) {
  let n = 0;
  const seen: string[] = [];
  const banks = tellerList.filter((t) => t.kind === 'BANK' && CARD_BINS[t.code]);
  const carriers = tellerList.filter((t) => t.kind === 'CARRIER' && MOBILE_SEGMENTS[t.code]);
  const digits = (k: number) => String(Math.floor(Math.random() * 10 ** k)).padStart(k, '0');
  const idNumber = () => {
    const year = 1950 + Math.floor(Math.random() * 55);
    const first17 = `230103${year}0${1 + Math.floor(Math.random() * 9)}1${Math.floor(Math.random() * 9)}${digits(3)}`;
    return first17 + idCheckDigit(first17);
  };
  return () => {
    n++;
    const person = seen.length > 100 && Math.random() < 0.2 ? seen[Math.floor(Math.random() * seen.length)] : idNumber();
    if (seen.length < 5000) seen.push(person);
    const mobile = (carrier: string) => MOBILE_SEGMENTS[carrier][0] + digits(8);
    if (n % 10 < 7 || carriers.length === 0) {
      const teller = banks[n % banks.length];
      const { bin, length } = CARD_BINS[teller.code][0];
      const body = bin + digits(length - bin.length - 1);
      return {
        token: teller.token,
        path: '/api/openings/bank',
        body: { id: uuidV7(), idNumber: person, name: '基准', accountClass: 'II', cardNumber: body + luhnCheckDigit(body), phone: mobile('CMCC'), purpose: 'SALARY', companionRelation: 'NONE' },
      };
    }
    const teller = carriers[n % carriers.length];
    return {
      token: teller.token,
      path: '/api/openings/sim',
      body: { id: uuidV7(), idNumber: person, name: '基准', phoneNumber: mobile(teller.code), cardKind: 'STANDARD', companionRelation: 'NONE' },
    };
  };
}

interface Prepared {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * The requests of one run, serialised before the clock starts: the load generator shares the
 * server's two cores, and building bodies while measuring would bill the server for the client.
 */
function pregenerate(make: ReturnType<typeof openingMaker>, count: number): () => Prepared {
  const list: Prepared[] = [];
  for (let i = 0; i < count; i++) {
    const next = make();
    list.push({ path: next.path, headers: { 'content-type': 'application/json', authorization: `Bearer ${next.token}` }, body: JSON.stringify(next.body) });
  }
  let i = 0;
  return () => {
    if (i < list.length) return list[i++];
    const next = make(); // ran past the estimate: fall back to building on the fly
    return { path: next.path, headers: { 'content-type': 'application/json', authorization: `Bearer ${next.token}` }, body: JSON.stringify(next.body) };
  };
}

/** CPU time (user + system, ms) a process has used so far, from /proc. */
function cpuMs(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

function load(url: string, options: { path?: string; make?: ReturnType<typeof openingMaker>; rate?: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const next = options.make && pregenerate(options.make, Math.ceil((options.rate ?? 5000) * DURATION * 1.2));
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: DURATION,
        ...(options.rate ? { overallRate: options.rate } : {}),
        requests: next
          ? [{ method: 'POST', setupRequest: (request: autocannon.Request) => ({ ...request, ...next() }) }]
          : [{ method: 'GET', path: options.path ?? '/' }],
      },
      (error: Error | null, result: autocannon.Result) => {
        if (error) return reject(error);
        resolve({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx, requests: result.requests.total });
      },
    );
  });
}

async function main(): Promise<void> {
  const hello = await spawnNode(path.join(ROOT, 'server/dist/bench/hello-server.js'), { PORT: '0' });
  log('baseline: bare fastify hello…');
  const baseline = await load(`http://127.0.0.1:${hello.port}`, { path: '/' });
  await stop(hello.child);
  const rows: string[] = [];
  /** Openings per second by database and history size, for the growth line under the table. */
  const rates = new Map<string, number>();
  for (const kind of ['sqlite', 'postgres'] as const) {
    if (ONLY && ONLY !== kind) continue;
    for (const size of SIZES) {
      const prepared = await prepare(kind, size);
      if (!prepared) continue;
      const { env, stored: history } = prepared;
      const server = await startServer(env);
      try {
        const list = await tellers(server.url, env);
        const make = openingMaker(list);
        const admin = await metricsToken(server.url);
        log(`${kind} ${size.toLocaleString()}: warm-up…`);
        await load(server.url, { make, rate: 200 });
        const before = await queries(server.url, admin);
        const cpuBefore = cpuMs(server.child.pid);
        const runs: Run[] = [];
        for (let r = 1; r <= REPEAT; r++) {
          log(`${kind} ${size.toLocaleString()}: as fast as it goes (${CONNECTIONS} connections, ${DURATION} s)${REPEAT > 1 ? `, run ${r} of ${REPEAT}` : ''}…`);
          runs.push(await load(server.url, { make }));
        }
        const requests = runs.reduce((sum, run) => sum + run.requests, 0);
        const perOpening = (await queries(server.url, admin) - before) / Math.max(1, requests);
        const cpuPerOpening = (cpuMs(server.child.pid) - cpuBefore) / Math.max(1, requests);
        const max = [...runs].sort((a, b) => a.rps - b.rps)[Math.floor((runs.length - 1) / 2)];
        if (REPEAT > 1) log(`${kind} ${size.toLocaleString()}: runs ${runs.map((run) => run.rps.toFixed(0)).join(', ')} openings/s; median ${max.rps.toFixed(0)}`);
        log(`${kind} ${size.toLocaleString()}: at half that rate…`);
        const half = await load(server.url, { make, rate: Math.max(1, Math.round(max.rps / 2)) });
        rates.set(`${kind} ${size}`, max.rps);
        const failed = runs.reduce((sum, run) => sum + run.non2xx + run.errors, 0) + half.non2xx + half.errors;
        rows.push(`| ${kind} | ${size.toLocaleString()} | ${history.toLocaleString()} | ${max.rps.toFixed(0)} | ${max.p50} | ${max.p99} | ${half.p99} | ${perOpening.toFixed(1)} | ${cpuPerOpening.toFixed(2)} | ${(max.rps / baseline.rps).toFixed(3)} | ${failed} |`);
      } finally {
        await server.stop();
        const errors = server.output().split('\n').filter((line) => line.includes('ERROR'));
        if (errors.length > 0) log(`the server logged ${errors.length} errors:\n${errors.slice(0, 5).join('\n')}`);
      }
    }
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(`\nMeasured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, Node ${process.version}; load generator on the same machine.\n`);
  process.stdout.write(`PostgreSQL at ${PG_URL}.\n`);
  process.stdout.write(`Baseline (bare fastify GET, ${CONNECTIONS} connections): ${baseline.rps.toFixed(0)} req/s, p99 ${baseline.p99} ms\n\n`);
  process.stdout.write('| database | history (generated) | openings stored at start | openings/s | p50 ms | p99 ms | p99 ms at half rate | queries/opening | server CPU ms/opening | ratio to baseline | errors |\n|---|---|---|---|---|---|---|---|---|---|---|\n');
  process.stdout.write(rows.join('\n') + '\n');
  // The growth target: an opening at the largest history against the smallest, per database.
  const [small, large] = [Math.min(...SIZES), Math.max(...SIZES)];
  for (const kind of ['sqlite', 'postgres']) {
    const [at, atLarge] = [rates.get(`${kind} ${small}`), rates.get(`${kind} ${large}`)];
    if (at === undefined || atLarge === undefined || small === large) continue;
    const slower = (1 - atLarge / at) * 100;
    process.stdout.write(`\n${kind}: openings/s with ${large.toLocaleString()} openings of history against ${small.toLocaleString()}: ${slower >= 0 ? `${slower.toFixed(1)}% lower` : `${(-slower).toFixed(1)}% higher`}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
