#!/usr/bin/env node
// `npm start`: from a fresh clone to a running city. Installs what is missing, builds the server
// and the mini-program's H5 version, seeds the demo city of Harbin into SQLite (first run only),
// then serves the API and the H5 app together on one port.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '3000';

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules/.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  run('installing dependencies (first run compiles better-sqlite3: about 2 minutes)', 'npm', ['install', '--no-audit', '--no-fund']);
}
run('building shared/ and server/', 'npm', ['run', 'build']);

const h5 = path.join(root, 'mini/dist-h5');
const h5Sources = Math.max(newestMtime(path.join(root, 'mini/src')), newestMtime(path.join(root, 'shared/src')));
if (existsSync(path.join(root, 'mini/config')) && (!existsSync(path.join(h5, 'index.html')) || newestMtime(h5) < h5Sources)) {
  run('building the mini-program for H5', 'npm', ['run', 'build:h5', '-w', '@duanka/mini']);
}

run('preparing the demo city (only when the database is empty)', process.execPath, ['server/dist/src/cli/seed.js', '--if-empty']);

console.log(`\n▶ starting: H5 app http://localhost:${port}/  ·  API http://localhost:${port}/api  ·  docs http://localhost:${port}/api/docs\n`);
const server = spawn(process.execPath, ['server/dist/src/main.js'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: port, H5_DIR: process.env.H5_DIR ?? h5 },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
