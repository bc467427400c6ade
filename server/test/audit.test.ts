import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { AuditPage, OpeningResult } from '@duanka/shared';
import { cardNumber, idNumber, mobile, seedTestCity, type StaffKey } from './support/factories';
import { Api, startServer, type TestServer } from './support/harness';
import { databaseKinds } from './support/test-database';

for (const kind of databaseKinds()) {
  describe(`the audit log, read by auditors (${kind})`, () => {
    let server: TestServer;
    const as = {} as Record<StaffKey, Api>;
    let personId: string;
    let openingId: string;

    before(async () => {
      server = await startServer(kind);
      await seedTestCity(server.db.sql);
      for (const key of ['tellerIcbcNangang', 'officerNangang', 'squad', 'sysAdmin', 'icbcAdmin'] as StaffKey[]) as[key] = await new Api(server.url).login(key);
      openingId = randomUUID();
      const created = await as.tellerIcbcNangang.post<OpeningResult>('/api/openings/bank', {
        id: openingId, idNumber: idNumber('230103', '19800808', 808), name: '李四', accountClass: 'II',
        cardNumber: cardNumber(808), phone: mobile(808), purpose: 'SALARY', companionRelation: 'NONE',
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      personId = String((await server.db.sql.get<{ person_id: string }>('SELECT person_id FROM bank_openings WHERE id = ?', [openingId]))!.person_id);
      assert.equal((await as.officerNangang.post(`/api/persons/${personId}/reveal`, { reason: '核查告警' })).status, 200);
    });
    after(() => server?.close());

    it('shows the squad who revealed whose ID, with the reason, and not what tellers did', async () => {
      const page = await as.squad.get<AuditPage>(`/api/audit?subjectId=${personId}`);
      assert.equal(page.status, 200, JSON.stringify(page.body));
      const reveal = page.body.items.find((e) => e.action === 'person.reveal');
      assert.ok(reveal, JSON.stringify(page.body.items));
      assert.equal(reveal.actorUsername, 'officerNangang');
      assert.equal(reveal.actorRole, 'POLICE_OFFICER');
      assert.equal(reveal.detail?.reason, '核查告警');
      const tellers = await as.squad.get<AuditPage>('/api/audit?action=opening.bank.create');
      assert.deepEqual(tellers.body.items, [], 'the squad audits police accounts only');
    });

    it('shows a system admin everything, filtered by account and action', async () => {
      const teller = (await as.tellerIcbcNangang.get<{ id: string }>('/api/auth/me')).body.id;
      const page = await as.sysAdmin.get<AuditPage>(`/api/audit?actorId=${teller}&action=opening.bank.create`);
      assert.equal(page.status, 200);
      assert.deepEqual(page.body.items.map((e) => e.subjectId), [openingId]);
      assert.equal(page.body.items[0].actorUsername, 'tellerIcbcNangang');
      assert.ok(!JSON.stringify(page.body).includes('230103198008088'), 'no ID number in the log');
    });

    it('pages newest first without gaps or repeats', async () => {
      const all = await as.sysAdmin.get<AuditPage>('/api/audit?limit=500');
      assert.ok(all.body.items.length >= 4);
      const seen: number[] = [];
      let before: number | null = null;
      do {
        const query: string = before === null ? '' : `&before=${before}`;
        const page: { body: AuditPage } = await as.sysAdmin.get<AuditPage>(`/api/audit?limit=2${query}`);
        seen.push(...page.body.items.map((e) => e.seq));
        before = page.body.nextBefore;
      } while (before !== null && seen.length < 1000);
      // Reading the log is itself logged, so the first page read later has new entries on top.
      const expected = all.body.items.map((e) => e.seq);
      assert.deepEqual(seen.filter((seq) => seq <= expected[0]), expected);
      assert.deepEqual([...seen].sort((a, b) => b - a), seen);
    });

    it('records every reading of the log, and refuses everyone but auditors', async () => {
      const squad = (await as.squad.get<{ id: string }>('/api/auth/me')).body.id;
      const reads = await as.sysAdmin.get<AuditPage>(`/api/audit?actorId=${squad}&action=audit.read`);
      assert.ok(reads.body.items.some((e) => e.detail?.subjectId === personId), 'the squad\'s search for the person is on record');
      assert.ok(reads.body.items.some((e) => e.detail?.action === 'opening.bank.create'));
      for (const key of ['tellerIcbcNangang', 'officerNangang', 'icbcAdmin'] as StaffKey[]) {
        assert.equal((await as[key].get('/api/audit')).status, 403, key);
      }
    });

    it('answers a window that is too long or backwards with a code and a message, not a scan', async () => {
      const long = await as.sysAdmin.get('/api/audit?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z');
      assert.equal(long.status, 400);
      assert.equal(long.body.code, 'AUDIT_WINDOW_TOO_LONG');
      assert.match(String(long.body.message), /31 天/);
      const backwards = await as.sysAdmin.get('/api/audit?from=2026-03-01T00:00:00Z&to=2026-01-01T00:00:00Z');
      assert.equal(backwards.body.code, 'AUDIT_WINDOW_EMPTY');
      const bad = await as.sysAdmin.get('/api/audit?limit=100000');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.code, 'VALIDATION_FAILED');
    });
  });
}
