import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { AppConfig } from '../src/config/app-config';
import { openDatabase } from '../src/database/database';
import { cardNumber, idNumber, mobile, seedTestCity } from './support/factories';
import { Api } from './support/harness';
import { spawnServer, type ServerProcess } from './support/server-process';
import { createTestDatabase, databaseKinds, dumpPostgres, type TestDatabase } from './support/test-database';

// Personal data a teller typed in, and what must never appear in the database or the logs.
const people = Array.from({ length: 5 }, (_, i) => ({
  idNumber: idNumber('230103', `1990020${i + 1}`, 300 + i),
  name: ['欧阳娜娜', '司马光明', '诸葛青云', '上官婉儿', '东方明珠'][i],
  phone: mobile(87650000 + i),
  card: cardNumber(55550000 + i),
  companionPhone: mobile(87659990 + i, '138'),
}));

for (const kind of databaseKinds()) {
  describe(`personal data at rest and in logs, on ${kind}`, () => {
    let database: TestDatabase;
    let server: ServerProcess;

    before(async () => {
      database = await createTestDatabase(kind);
      const db = await openDatabase(new AppConfig(database.env as NodeJS.ProcessEnv));
      await seedTestCity(db.sql);
      await db.close();
      server = await spawnServer(database.env);
    });
    after(async () => {
      await server?.stop();
      await database?.drop();
    });

    it('stores and logs none of the ID numbers, names, phones or card numbers that were submitted', async () => {
      const teller = await new Api(server.url).login('tellerIcbcNangang');
      const officer = await new Api(server.url).login('officerNangang');
      for (const p of people) {
        const body = {
          id: randomUUID(), idNumber: p.idNumber, name: p.name, accountClass: 'II', cardNumber: p.card, phone: p.phone,
          purpose: 'SAVINGS', companionRelation: 'FRIEND', companionName: '陪同人', companionPhone: p.companionPhone,
        };
        const created = await teller.post('/api/openings/bank', body);
        assert.equal(created.status, 201, JSON.stringify(created.body));
        // Rejected submissions must not leak either.
        const rejected = await teller.post('/api/openings/bank', { ...body, id: randomUUID(), cardNumber: p.card.slice(0, -1) });
        assert.equal(rejected.status, 400);
        await officer.post('/api/persons/lookup', { idNumber: p.idNumber, reason: '隐私测试' });
      }
      await new Api(server.url).post('/api/auth/login', { username: people[0].idNumber, password: people[0].phone });
      await server.stop();

      const stored = kind === 'sqlite'
        ? database.files.filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString('latin1') + fs.readFileSync(f).toString('utf8')).join('\n')
        : await dumpPostgres(database.env);
      assert.ok(stored.length > 10_000, 'the database holds the openings');
      const logs = server.output();
      assert.ok(logs.length > 0, 'the server wrote logs');
      for (const p of people) {
        for (const [what, value] of Object.entries(p)) {
          assert.ok(!stored.includes(value), `${what} ${value} is stored in plain text`);
          assert.ok(!logs.includes(value), `${what} ${value} appears in the logs`);
        }
      }
    });
  });
}
