import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { OpeningResult } from '@duanka/shared';
import { CCB_BIN, CITY, cardNumber, idNumber, mobile, seedTestCity, type StaffKey } from './support/factories';
import { Api, startServer, type TestServer } from './support/harness';
import { databaseKinds } from './support/test-database';

let serial = 1000;
const next = () => ++serial;

function bankOpening(overrides: Record<string, unknown> = {}) {
  const n = next();
  return {
    id: randomUUID(), idNumber: idNumber('230103', '19900101', n % 999), name: '张三', accountClass: 'II',
    cardNumber: cardNumber(n), phone: mobile(n), purpose: 'SALARY', companionRelation: 'NONE', ...overrides,
  };
}

for (const kind of databaseKinds()) {
  describe(`registry over HTTP on ${kind}`, () => {
    let server: TestServer;
    let anonymous: Api;
    const as = {} as Record<StaffKey, Api>;

    before(async () => {
      server = await startServer(kind);
      await seedTestCity(server.db.sql);
      anonymous = new Api(server.url);
      for (const key of Object.keys(CITY.staff) as StaffKey[]) as[key] = await anonymous.login(key);
    });
    after(() => server?.close());

    const count = async (table: string) => Number((await server.db.sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n);

    it('records a bank opening and answers the teller with a verdict and a masked person', async () => {
      const body = bankOpening({ idNumber: idNumber('230103', '19850615', 123) });
      const answer = await as.tellerIcbcNangang.post<OpeningResult>('/api/openings/bank', body);
      assert.equal(answer.status, 201);
      assert.equal(answer.body.id, body.id);
      assert.equal(answer.body.verdict, 'PASS');
      assert.deepEqual(answer.body.hits, []);
      assert.equal(answer.body.replayed, false);
      assert.equal(answer.body.person.maskedIdNumber, `230103********${body.idNumber.slice(-4)}`);
      assert.equal(answer.body.person.sex, 'M');
      assert.match(answer.body.person.regionName, /南岗/);
      assert.ok(!JSON.stringify(answer.body).includes(body.idNumber), 'the full ID never comes back to a teller');
    });

    it('records a SIM registration at a carrier store', async () => {
      const n = next();
      const answer = await as.tellerCmccNangang.post<OpeningResult>('/api/openings/sim', {
        id: randomUUID(), idNumber: idNumber('230102', '19920202', 22), name: '李四', phoneNumber: mobile(n, '138'),
        cardKind: 'STANDARD', companionRelation: 'NONE',
      });
      assert.equal(answer.status, 201);
      assert.equal(answer.body.kind, 'SIM');
      assert.equal(answer.body.verdict, 'PASS');
    });

    it('returns the first record for a duplicate submit, and writes it once', async () => {
      const body = bankOpening();
      const first = await as.tellerIcbcNangang.post<OpeningResult>('/api/openings/bank', body);
      const before = await count('bank_openings');
      const again = await as.tellerIcbcNangang.post<OpeningResult>('/api/openings/bank', body);
      assert.equal(first.status, 201);
      assert.equal(again.status, 200);
      assert.equal(again.body.replayed, true);
      assert.equal(again.body.id, first.body.id);
      assert.equal(again.body.verdict, first.body.verdict);
      assert.equal(again.body.createdAt, first.body.createdAt);
      assert.equal(await count('bank_openings'), before);
    });

    it('writes concurrent copies of one offline submission exactly once', async () => {
      const body = bankOpening();
      const before = await count('bank_openings');
      const answers = await Promise.all(Array.from({ length: 8 }, () => as.tellerIcbcNangang.post<OpeningResult>('/api/openings/bank', body)));
      assert.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 200, 200, 200, 200, 200, 201]);
      assert.equal(await count('bank_openings'), before + 1);
    });

    it('refuses a different body under an id already used, keeping the first', async () => {
      const body = bankOpening();
      await as.tellerIcbcNangang.post('/api/openings/bank', body);
      const answer = await as.tellerIcbcNangang.post('/api/openings/bank', { ...body, accountClass: 'III' });
      assert.equal(answer.status, 409);
      assert.equal(answer.body.code, 'IDEMPOTENCY_CONFLICT');
    });

    it('rejects invalid IDs, cards and phones with a clear code, and stores nothing', async () => {
      const before = [await count('bank_openings'), await count('persons')];
      const good = bankOpening();
      const wrongDigit = good.idNumber.slice(0, 17) + (good.idNumber[17] === '0' ? '1' : '0');
      const cases: [Record<string, unknown>, string][] = [
        [{ idNumber: wrongDigit }, 'ID_CHECKSUM'],
        [{ idNumber: idNumber('230103', '19900230', 123) }, 'ID_BIRTH_DATE'],
        [{ idNumber: '23010319900101' }, 'ID_FORMAT'],
        [{ cardNumber: good.cardNumber.slice(0, -1) + ((Number(good.cardNumber.slice(-1)) + 1) % 10) }, 'CARD_LUHN'],
        [{ phone: '1381234567' }, 'PHONE_FORMAT'],
        [{ phone: '12012345678' }, 'PHONE_SEGMENT'],
        [{ accountClass: 'IV' }, 'VALIDATION_FAILED'],
        [{ isAdmin: true }, 'VALIDATION_FAILED'],
        [{ id: 'not-a-uuid' }, 'VALIDATION_FAILED'],
        [{ cardNumber: cardNumber(next(), CCB_BIN) }, 'CARD_ISSUER_MISMATCH'],
        [{ companionRelation: 'FRIEND' }, 'COMPANION_REQUIRED'],
        [{ openedAt: new Date(Date.now() + 3600_000).toISOString() }, 'OPENED_AT_FUTURE'],
      ];
      for (const [override, code] of cases) {
        const answer = await as.tellerIcbcNangang.post('/api/openings/bank', { ...good, ...override });
        assert.equal(answer.status, 400, `${code}: ${JSON.stringify(answer.body)}`);
        assert.equal(answer.body.code, code);
        assert.equal(answer.body.statusCode, 400);
        assert.match(String(answer.body.message), /[\u4e00-\u9fa5]/, 'the message is Chinese, for the teller');
      }
      assert.deepEqual([await count('bank_openings'), await count('persons')], before);
    });

    it('answers malformed JSON and unknown routes with the same error shape, never a 500', async () => {
      const raw = await fetch(`${server.url}/api/openings/bank`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer x' }, body: '{"id":',
      });
      assert.ok([400, 401].includes(raw.status));
      const broken = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
      assert.equal(broken.status, 400);
      assert.equal(((await broken.json()) as { code: string }).code, 'BAD_REQUEST');
      const missing = await anonymous.get('/api/nothing-here');
      assert.equal(missing.status, 404);
      assert.equal(missing.body.code, 'NOT_FOUND');
    });

    it('requires a valid login', async () => {
      const answer = await anonymous.post('/api/openings/bank', bankOpening());
      assert.equal(answer.status, 401);
      assert.equal(answer.body.code, 'UNAUTHENTICATED');
      const forged = await anonymous.withToken('eyJhbGciOiJIUzI1NiJ9.e30.bad').get('/api/auth/me');
      assert.equal(forged.status, 401);
    });

    it('lets only tellers record, and only at the right kind of counter', async () => {
      const byOfficer = await as.officerNangang.post('/api/openings/bank', bankOpening());
      assert.equal(byOfficer.status, 403);
      const simAtBank = await as.tellerIcbcNangang.post('/api/openings/sim', {
        id: randomUUID(), idNumber: idNumber(), name: '王五', phoneNumber: mobile(next()), cardKind: 'STANDARD', companionRelation: 'NONE',
      });
      assert.equal(simAtBank.status, 403);
      assert.equal(simAtBank.body.code, 'WRONG_COUNTER');
    });

    it('scopes reads: a teller sees their branch only, an admin their institution, police their jurisdiction', async () => {
      const daoli = bankOpening();
      await as.tellerIcbcDaoli.post('/api/openings/bank', daoli);
      const nangang = bankOpening();
      await as.tellerIcbcNangang.post('/api/openings/bank', nangang);

      assert.equal((await as.tellerIcbcNangang.get(`/api/openings/${daoli.id}`)).status, 403);
      const own = await as.tellerIcbcNangang.get<{ maskedIdNumber: string; summary: string }>(`/api/openings/${nangang.id}`);
      assert.equal(own.status, 200);
      assert.equal(own.body.maskedIdNumber, `230103********${nangang.idNumber.slice(-4)}`);
      assert.ok(!own.body.summary.includes(nangang.phone), 'phone is masked');

      const tellerList = await as.tellerIcbcNangang.get<{ items: { id: string }[] }>('/api/openings');
      assert.ok(tellerList.body.items.some((i) => i.id === nangang.id));
      assert.ok(!tellerList.body.items.some((i) => i.id === daoli.id));

      const adminList = await as.icbcAdmin.get<{ items: { id: string }[] }>('/api/openings');
      assert.ok(adminList.body.items.some((i) => i.id === daoli.id) && adminList.body.items.some((i) => i.id === nangang.id));

      assert.equal((await as.officerNangang.get(`/api/openings/${nangang.id}`)).status, 200);
      assert.equal((await as.officerNangang.get(`/api/openings/${daoli.id}`)).status, 403);
      assert.equal((await as.officerDaoli.get(`/api/openings/${daoli.id}`)).status, 200);
      assert.equal((await as.squad.get(`/api/openings/${daoli.id}`)).status, 200);
      assert.equal((await as.sysAdmin.get('/api/openings')).status, 403);
    });

    it('reveals a full ID only to police in jurisdiction, and audits every reveal', async () => {
      const body = bankOpening({ idNumber: idNumber('230103', '19770707', 77) });
      const created = await as.tellerIcbcNangang.post<OpeningResult>('/api/openings/bank', body);
      const detail = await as.officerNangang.get<{ id: string }>(`/api/openings/${created.body.id}`);
      assert.equal(detail.status, 200);
      const personId = String((await server.db.sql.get<{ person_id: string }>('SELECT person_id FROM bank_openings WHERE id = ?', [body.id]))!.person_id);

      const byTeller = await as.tellerIcbcNangang.post(`/api/persons/${personId}/reveal`, { reason: '核对' });
      assert.equal(byTeller.status, 403);
      const byOtherDistrict = await as.officerDaoli.post(`/api/persons/${personId}/reveal`, { reason: '核对' });
      assert.equal(byOtherDistrict.status, 403);
      const withoutReason = await as.officerNangang.post(`/api/persons/${personId}/reveal`, {});
      assert.equal(withoutReason.status, 400);

      const revealed = await as.officerNangang.post<{ idNumber: string; name: string }>(`/api/persons/${personId}/reveal`, { reason: '核查告警' });
      assert.equal(revealed.status, 200);
      assert.equal(revealed.body.idNumber, body.idNumber);
      assert.equal(revealed.body.name, '张三');
      const audit = await server.db.sql.all<{ action: string; detail: string }>(
        "SELECT action, detail FROM audit_entries WHERE subject_id = ? AND action IN ('person.reveal', 'access.denied') ORDER BY seq", [personId]);
      assert.deepEqual(audit.map((a) => a.action), ['access.denied', 'person.reveal']);
      assert.match(audit[1].detail, /核查告警/);

      const card = await as.officerNangang.post<{ cardNumber: string }>(`/api/openings/${body.id}/reveal`, { reason: '核查告警' });
      assert.equal(card.body.cardNumber, body.cardNumber);
    });

    it('gives police a city-wide timeline of a person in their jurisdiction', async () => {
      const person = idNumber('230103', '19950505', 55);
      await as.tellerIcbcNangang.post('/api/openings/bank', bankOpening({ idNumber: person, accountClass: 'I' }));
      await as.tellerCcbNangang.post('/api/openings/bank', bankOpening({ idNumber: person, cardNumber: cardNumber(next(), CCB_BIN) }));
      const lookup = await as.officerNangang.post<{ person: { id: string }; openings: unknown[] }>('/api/persons/lookup', { idNumber: person, reason: '排查' });
      assert.equal(lookup.status, 200);
      assert.equal(lookup.body.openings.length, 2);
      const timeline = await as.squad.get<{ openings: unknown[] }>(`/api/persons/${lookup.body.person.id}/timeline`);
      assert.equal(timeline.body.openings.length, 2);
      assert.equal((await as.officerDaoli.get(`/api/persons/${lookup.body.person.id}/timeline`)).status, 403);
      assert.equal((await as.tellerIcbcNangang.get(`/api/persons/${lookup.body.person.id}/timeline`)).status, 403);
    });

    it('judges a second Class I account at the same bank as STOP, with the earlier one as evidence', async () => {
      const person = idNumber('230103', '19880808', 88);
      const first = await as.tellerIcbcNangang.post<OpeningResult>('/api/openings/bank', bankOpening({ idNumber: person, accountClass: 'I' }));
      const second = await as.tellerIcbcDaoli.post<OpeningResult>('/api/openings/bank', bankOpening({ idNumber: person, accountClass: 'I' }));
      assert.equal(first.body.verdict, 'PASS');
      assert.equal(second.body.verdict, 'STOP');
      const hit = second.body.hits.find((h) => h.rule === 'CLASS_I_DUPLICATE');
      assert.ok(hit);
      assert.equal(hit.evidence[0].ref, first.body.id);
      assert.match(hit.evidence[0].text, /工商银行南岗支行/);
    });

    it('records the outcome once, and never "issued" for a STOP', async () => {
      const body = bankOpening();
      await as.tellerIcbcNangang.post('/api/openings/bank', body);
      const issued = await as.tellerIcbcNangang.post(`/api/openings/${body.id}/outcome`, { outcome: 'ISSUED' });
      assert.equal(issued.status, 200);
      assert.equal((await as.tellerIcbcNangang.post(`/api/openings/${body.id}/outcome`, { outcome: 'ISSUED' })).status, 200);
      const changed = await as.tellerIcbcNangang.post(`/api/openings/${body.id}/outcome`, { outcome: 'REFUSED' });
      assert.equal(changed.status, 409);
      assert.equal(changed.body.code, 'OUTCOME_ALREADY_RECORDED');
      assert.equal((await as.tellerIcbcDaoli.post(`/api/openings/${body.id}/outcome`, { outcome: 'ISSUED' })).status, 403);
    });

    it('records a cancellation once and marks the account closed', async () => {
      const body = bankOpening();
      await as.tellerIcbcNangang.post('/api/openings/bank', body);
      const cancellation = { id: randomUUID(), openingId: body.id, reason: '客户主动销户' };
      const first = await as.tellerIcbcDaoli.post('/api/cancellations', cancellation);
      assert.equal(first.status, 201, JSON.stringify(first.body));
      assert.equal((await as.tellerIcbcDaoli.post('/api/cancellations', cancellation)).status, 200);
      assert.equal((await as.tellerCcbNangang.post('/api/cancellations', { ...cancellation, id: randomUUID() })).status, 403);
      const row = await server.db.sql.get<{ cancelled_at: number | null }>('SELECT cancelled_at FROM bank_openings WHERE id = ?', [body.id]);
      assert.ok(row?.cancelled_at);
    });

    it('keeps the audit log append-only in the database itself', async () => {
      assert.ok((await count('audit_entries')) > 0);
      await assert.rejects(server.db.sql.run("UPDATE audit_entries SET action = 'x'"), /append-only/);
      await assert.rejects(server.db.sql.run('DELETE FROM audit_entries'), /append-only/);
    });

    it('locks a username out after repeated wrong passwords', async () => {
      for (let i = 0; i < 5; i++) {
        const wrong = await anonymous.post('/api/auth/login', { username: 'tellerCcbNangang', password: 'wrong' });
        assert.equal(wrong.status, 401);
        assert.equal(wrong.body.code, 'LOGIN_FAILED');
      }
      const locked = await anonymous.post('/api/auth/login', { username: 'tellerCcbNangang', password: 'duanka123' });
      assert.equal(locked.status, 429);
      assert.equal(locked.body.code, 'LOGIN_LOCKED');
      assert.match(String(locked.body.message), /分钟后再试/);
    });
  });
}
