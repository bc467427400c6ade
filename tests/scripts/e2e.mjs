#!/usr/bin/env node
// `npm test -w @duanka/tests`: the browser end-to-end tests. Makes sure what they drive is built
// (the server, and the H5 app when it is missing or older than its sources), compiles the tests,
// seeds the demo city once into a fresh temporary SQLite file that every test file copies, then
// runs them with node --test. Each test file starts its own real server on that copy.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const tests = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(tests, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const started = Date.now();
// The browser tests run on their own SQLite file, whatever database this shell points at.
delete process.env.DATABASE_URL;
delete process.env.REDIS_URL;

function fail(message) {
  console.error(`\n✖ ${message}`);
  process.exit(1);
}

function run(title, command, args, options = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
  if (result.status !== 0) fail(`${title} failed (exit ${result.status ?? result.signal}).`);
}

function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

// Never skip quietly: without the browser these tests prove nothing.
if (!existsSync(CHROMIUM)) {
  fail(`Chromium not found at ${CHROMIUM}. The browser tests need Debian's Chromium; install it with:\n\n    apt-get install -y chromium\n`);
}

if (!existsSync(path.join(root, 'server/dist/src/main.js')) || !existsSync(path.join(root, 'shared/dist/index.js'))) {
  run('building shared/ and server/', 'npm', ['run', 'build']);
}

const h5 = path.join(root, 'mini/dist-h5');
const h5Sources = Math.max(newestMtime(path.join(root, 'mini/src')), newestMtime(path.join(root, 'shared/src')));
if (!existsSync(path.join(h5, 'index.html')) || newestMtime(h5) < h5Sources) {
  run('building the mini-program for H5 (it is missing or older than mini/src or shared/src)', 'npm', ['run', 'build:h5', '-w', '@duanka/mini']);
} else {
  console.log('\n▶ H5 build is up to date');
}

rmSync(path.join(tests, 'dist'), { recursive: true, force: true });
run('compiling the tests', 'npx', ['tsc', '-p', path.join(tests, 'tsconfig.json')]);

const work = mkdtempSync(path.join(tmpdir(), 'duanka-e2e-'));
const template = path.join(work, 'city.sqlite');
let status = 1;
try {
  run('seeding the demo city of Harbin into a fresh SQLite file', process.execPath, ['server/dist/src/cli/seed.js'], {
    env: { SQLITE_PATH: template },
  });
  const files = readdirSync(path.join(tests, 'dist'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(tests, 'dist', f));
  if (files.length === 0) fail('no compiled test files in tests/dist');
  console.log(`\n▶ browser tests: ${files.map((f) => path.relative(tests, f)).join(', ')}`);
  // One file at a time: each runs a server and a browser, and the machine may have two cores.
  const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], {
    cwd: tests,
    stdio: 'inherit',
    env: { ...process.env, E2E_TEMPLATE_DB: template, E2E_ROOT: root, CHROMIUM_PATH: CHROMIUM },
  });
  status = result.status ?? 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`\n${status === 0 ? '✔ browser tests passed' : '✖ browser tests failed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(status);
