import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from '../src/config/app-config';
import { openDatabase, type Database } from '../src/database/database';
import { SqliteCheckpointer } from '../src/database/sqlite-checkpointer';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/test-database';

const AUDIT = `INSERT INTO audit_entries (at, actor_id, actor_role, action, subject_type, subject_id, ip, detail) VALUES (?, NULL, NULL, ?, NULL, ?, NULL, ?)`;
const open = (database: TestDatabase): Promise<Database> => openDatabase(new AppConfig(database.env as NodeJS.ProcessEnv));

for (const kind of databaseKinds()) {
  describe(`the database door on ${kind}`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await createTestDatabase(kind);
    });
    after(() => database.drop());

    it('shuts down only after the transactions already running have committed and answered', async () => {
      const db = await open(database);
      const running = db.sql.transaction(async (tx) => {
        await tx.run(AUDIT, [Date.now(), 'test.shutdown', 'first', null]);
        await sleep(300); // a request still working when the signal comes
        await tx.run(AUDIT, [Date.now(), 'test.shutdown', 'second', null]);
        return 'answered';
      });
      await sleep(20);
      const closed = db.close();
      assert.equal(await running, 'answered');
      await closed;

      const reopened = await open(database);
      const rows = await reopened.sql.all<{ subject_id: string }>(`SELECT subject_id FROM audit_entries WHERE action = 'test.shutdown' ORDER BY seq`);
      await reopened.close();
      assert.deepEqual(rows.map((r) => r.subject_id), ['first', 'second']);
    });
  });
}

describe('SQLite write-ahead log', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase('sqlite');
  });
  after(() => database.drop());

  it('is copied into the database file by the checkpoint thread while the request connection only appends', async () => {
    const db = await open(database);
    const [file] = database.files;
    try {
      const autocheckpoint = await db.sql.get<{ wal_autocheckpoint: number }>('PRAGMA wal_autocheckpoint');
      assert.equal(Number(autocheckpoint?.wal_autocheckpoint), SqliteCheckpointer.AUTOCHECKPOINT_PAGES);
      const before = fs.statSync(file).size;
      const detail = 'x'.repeat(2000);
      // About 8 MB of log: far below the request connection's own checkpoint (≈ 80 MB).
      for (let batch = 0; batch < 40; batch++) {
        await db.sql.transaction(async (tx) => {
          for (let i = 0; i < 100; i++) await tx.run(AUDIT, [Date.now(), 'test.wal', `${batch}.${i}`, detail]);
        });
      }
      let grown = 0;
      for (let wait = 0; wait < 50 && grown < 6_000_000; wait++) {
        await sleep(100);
        grown = fs.statSync(file).size - before;
      }
      assert.ok(grown >= 6_000_000, `the database file grew by ${grown} bytes: the log was not checkpointed`);
    } finally {
      await db.close();
    }
    const reopened = await open(database);
    const count = await reopened.sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'test.wal'`);
    await reopened.close();
    assert.equal(Number(count?.n), 4000);
  });
});

describe('the SQLite checkpoint thread', () => {
  it('warns and leaves checkpoints to the request connection when it cannot open its file; closing does not hang', async () => {
    const warnings: string[] = [];
    const logger = { warn: (message: string) => warnings.push(message) } as unknown as Logger;
    const checkpointer = new SqliteCheckpointer('/nonexistent-directory/duanka.sqlite', 50, logger);
    for (let wait = 0; wait < 50 && warnings.length === 0; wait++) await sleep(50);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /checkpoint thread stopped/);
    await checkpointer.close();
  });
});
