#!/usr/bin/env node
// `npm test`: every suite of the project, in order, each with a header; fails if any step failed.
// Unit and database tests of shared/ and server/, the mini-program's component tests, then the
// browser end-to-end tests against the real server and the H5 build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2); // e.g. `npm test -- server`

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .filter((f) => String(f).endsWith('.test.js'))
    .map((f) => path.join(dir, String(f)))
    .sort();
}

const steps = [
  { name: 'build', run: [['npm', ['run', 'build']]] },
  { name: 'shared', run: [['npm', ['test', '-w', '@duanka/shared']]] },
  { name: 'server', run: () => [[process.execPath, ['--test', '--test-concurrency=2', ...testFiles(path.join(root, 'server/dist/test'))]]] },
  { name: 'mini', when: () => existsSync(path.join(root, 'mini/jest.config.js')), run: [['npm', ['test', '-w', '@duanka/mini']]] },
  { name: 'e2e', when: () => existsSync(path.join(root, 'tests/package.json')) && existsSync(path.join(root, 'tests/tsconfig.json')), run: [['npm', ['test', '-w', '@duanka/tests']]] },
];

if (!process.env.TEST_DATABASE_URL) {
  console.error('\n!!! TEST_DATABASE_URL is not set: database tests run on SQLite only, NOT on PostgreSQL.');
  console.error('!!! .ci/run sets it; locally: TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test\n');
}

const failed = [];
for (const step of steps) {
  if (only.length > 0 && step.name !== 'build' && !only.includes(step.name)) continue;
  if (step.when && !step.when()) {
    console.log(`\n=== ${step.name}: not present yet, nothing to run`);
    continue;
  }
  console.log(`\n=== ${step.name}`);
  const commands = typeof step.run === 'function' ? step.run() : step.run;
  for (const [command, args] of commands) {
    const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
    if (result.status !== 0) {
      failed.push(step.name);
      break;
    }
  }
  if (step.name === 'build' && failed.length > 0) break;
}

console.log(failed.length === 0 ? '\nall test steps passed' : `\nFAILED steps: ${failed.join(', ')}`);
process.exit(failed.length === 0 ? 0 : 1);
