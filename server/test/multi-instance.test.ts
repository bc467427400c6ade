import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { OpeningResult } from '@duanka/shared';
import { AppConfig } from '../src/config/app-config';
import { openDatabase } from '../src/database/database';
import { CCB_BIN, cardNumber, idNumber, mobile, seedTestCity } from './support/factories';
import { Api } from './support/harness';
import { spawnServer, type ServerProcess } from './support/server-process';
import { parsed, SseClient } from './support/sse-client';
import { createTestDatabase, databaseKinds, type TestDatabase } from './support/test-database';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
let serial = 40000;
const next = () => ++serial;

/**
 * Several stateless server processes behind one city: PostgreSQL with LISTEN/NOTIFY, and either
 * database with Redis pub/sub. What one process writes, the others' officers see live, and two
 * openings of one person on two processes at once both count.
 */
const setups = [
  ...databaseKinds().filter((k) => k === 'postgres').map((kind) => ({ kind, fanout: 'PostgreSQL LISTEN/NOTIFY', env: {} as Record<string, string> })),
  { kind: 'sqlite' as const, fanout: 'Redis pub/sub', env: { REDIS_URL } },
];

for (const setup of setups) {
  describe(`two server processes on ${setup.kind}, fan-out through ${setup.fanout}`, () => {
    let database: TestDatabase;
    let a: ServerProcess;
    let b: ServerProcess;

    before(async () => {
      database = await createTestDatabase(setup.kind);
      const db = await openDatabase(new AppConfig(database.env as NodeJS.ProcessEnv));
      await seedTestCity(db.sql);
      await db.close();
      const env = { ...database.env, ...setup.env, ESCALATION_SWEEP_SECONDS: '0', SPIKE_SWEEP_SECONDS: '0' };
      [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
    });
    after(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await database?.drop();
    });

    const opening = (who: string, bin = '622202') => ({
      id: randomUUID(), idNumber: who, name: '并发', accountClass: 'II', cardNumber: cardNumber(next(), bin), phone: mobile(next()),
      purpose: 'SAVINGS', companionRelation: 'NONE',
    });

    it('an alert raised through one process reaches an officer connected to the other within a second', async () => {
      const officer = await new Api(b.url).login('officerNangang');
      const stream = await SseClient.connect(`${b.url}/api/alerts/stream`, (officer as unknown as { token: string }).token);
      try {
        const teller = await new Api(a.url).login('tellerIcbcNangang');
        const who = idNumber('230103', '19830303', next() % 999);
        await teller.post('/api/openings/bank', { ...opening(who), accountClass: 'I' });
        const started = Date.now();
        const stop = await teller.post<OpeningResult>('/api/openings/bank', { ...opening(who), accountClass: 'I' });
        assert.equal(stop.body.verdict, 'STOP');
        const event = await stream.waitFor((e) => parsed(e).alert.id === stop.body.alertId, 1000);
        assert.equal(parsed(event).action.action, 'CREATE');
        assert.ok(Date.now() - started < 1000);
      } finally {
        stream.close();
      }
    });

    it('counts simultaneous openings of one person on both processes: none is lost', async () => {
      const tellers = {
        icbcA: await new Api(a.url).login('tellerIcbcNangang'),
        ccbB: await new Api(b.url).login('tellerCcbNangang'),
        daoliA: await new Api(a.url).login('tellerIcbcDaoli'),
        ccbA: await new Api(a.url).login('tellerCcbNangang'),
      };
      for (let round = 0; round < 5; round++) {
        const who = idNumber('230103', '19840404', next() % 999);
        const results = await Promise.all([
          tellers.icbcA.post<OpeningResult>('/api/openings/bank', opening(who)),
          tellers.ccbB.post<OpeningResult>('/api/openings/bank', opening(who, CCB_BIN)),
          tellers.daoliA.post<OpeningResult>('/api/openings/bank', opening(who)),
          tellers.ccbA.post<OpeningResult>('/api/openings/bank', opening(who, CCB_BIN)),
        ]);
        assert.deepEqual(results.map((r) => r.status), [201, 201, 201, 201]);
        const evidence = results.map((r) => r.body.hits.find((h) => h.rule === 'MULTI_BANK_BURST')?.evidence.length ?? 0).sort();
        // Serialised per person across processes: the 3rd saw 2 earlier accounts, the 4th saw 3.
        assert.deepEqual(evidence, [0, 0, 2, 3], `round ${round}`);
      }
    });
  });
}
