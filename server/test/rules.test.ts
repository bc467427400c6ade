import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { OpeningResult, RuleCode } from '@duanka/shared';
import { BranchSpikeWatch } from '../src/modules/risk/branch-spike.watch';
import { CCB_BIN, CITY, cardNumber, idNumber, mobile, seedTestCity, type StaffKey } from './support/factories';
import { Api, startServer, type TestServer } from './support/harness';
import { databaseKinds } from './support/test-database';

let serial = 20000;
const next = () => ++serial;
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

interface Person {
  idNumber: string;
  name: string;
}

/** A fresh person each time, local (黑龙江 230103) by default, 35 years old. */
function person(region = '230103', birth = '19910101'): Person {
  return { idNumber: idNumber(region, birth, next() % 999), name: '测试' };
}

for (const kind of databaseKinds()) {
  describe(`the rule catalogue over HTTP on ${kind}`, () => {
    let server: TestServer;
    const as = {} as Record<StaffKey, Api>;

    before(async () => {
      server = await startServer(kind, { ESCALATION_SWEEP_SECONDS: '0', SPIKE_SWEEP_SECONDS: '0' });
      await seedTestCity(server.db.sql);
      const anonymous = new Api(server.url);
      for (const key of Object.keys(CITY.staff) as StaffKey[]) as[key] = await anonymous.login(key);
    });
    after(() => server?.close());

    async function bank(teller: StaffKey, who: Person, overrides: Record<string, unknown> = {}): Promise<OpeningResult> {
      const ccb = teller === 'tellerCcbNangang';
      const answer = await as[teller].post<OpeningResult>('/api/openings/bank', {
        id: randomUUID(), idNumber: who.idNumber, name: who.name, accountClass: 'II', cardNumber: cardNumber(next(), ccb ? CCB_BIN : '622202'),
        phone: mobile(next()), purpose: 'SAVINGS', companionRelation: 'NONE', ...overrides,
      });
      assert.ok([200, 201].includes(answer.status), JSON.stringify(answer.body));
      return answer.body;
    }

    async function sim(who: Person, overrides: Record<string, unknown> = {}): Promise<OpeningResult> {
      const answer = await as.tellerCmccNangang.post<OpeningResult>('/api/openings/sim', {
        id: randomUUID(), idNumber: who.idNumber, name: who.name, phoneNumber: mobile(next(), '138'), cardKind: 'STANDARD',
        companionRelation: 'NONE', ...overrides,
      });
      assert.ok([200, 201].includes(answer.status), JSON.stringify(answer.body));
      return answer.body;
    }

    const hit = (result: OpeningResult, rule: RuleCode) => result.hits.find((h) => h.rule === rule);

    async function watch(kind: 'PUNISHED' | 'FRAUD_LINKED' | 'VULNERABLE', target: 'PERSON' | 'PHONE' | 'CARD', value: string, expiresAt?: string) {
      const answer = await as.squad.post<{ id: string }>('/api/watchlists', { kind, target, value, reason: '测试登记', expiresAt });
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      return answer.body.id;
    }

    it('WATCHLIST_PUNISHED stops a punished card seller, not once removed', async () => {
      const seller = person();
      const entry = await watch('PUNISHED', 'PERSON', seller.idNumber, new Date(Date.now() + 5 * 365 * DAY).toISOString());
      const stopped = await bank('tellerIcbcNangang', seller);
      assert.equal(stopped.verdict, 'STOP');
      assert.match(hit(stopped, 'WATCHLIST_PUNISHED')!.evidence[0].text, /惩戒名单/);
      assert.equal((await as.squad.request('DELETE', `/api/watchlists/${entry}`)).status, 204);
      assert.equal(hit(await bank('tellerCcbNangang', seller), 'WATCHLIST_PUNISHED'), undefined);
    });

    it('CLASS_I_DUPLICATE ignores another bank and a cancelled account', async () => {
      const who = person();
      const first = await bank('tellerIcbcNangang', who, { accountClass: 'I' });
      assert.equal(hit(await bank('tellerCcbNangang', who, { accountClass: 'I' }), 'CLASS_I_DUPLICATE'), undefined, 'another bank');
      await as.tellerIcbcNangang.post('/api/cancellations', { id: randomUUID(), openingId: first.id, reason: '销户' });
      assert.equal(hit(await bank('tellerIcbcDaoli', who, { accountClass: 'I' }), 'CLASS_I_DUPLICATE'), undefined, 'the first was cancelled');
      const dup = await bank('tellerIcbcNangang', who, { accountClass: 'I' });
      assert.equal(hit(dup, 'CLASS_I_DUPLICATE')?.level, 'STOP', 'the Daoli account is live at the same bank');
    });

    it('SIM_CARRIER_LIMIT allows the 5th live number at one carrier and stops the 6th', async () => {
      const who = person();
      const results: OpeningResult[] = [];
      for (let i = 0; i < 6; i++) results.push(await sim(who, { openedAt: ago((40 - i) * HOUR) }));
      assert.equal(hit(results[4], 'SIM_CARRIER_LIMIT'), undefined, 'five is the limit');
      const sixth = hit(results[5], 'SIM_CARRIER_LIMIT');
      assert.equal(sixth?.level, 'STOP');
      assert.equal(sixth?.evidence.length, 5);
    });

    it('MULTI_BANK_BURST: 2 banks with 2 accounts no, 3 accounts at one bank no, 3+ at two banks VERIFY, 5 STOP', async () => {
      const pair = person();
      await bank('tellerIcbcNangang', pair);
      assert.equal(hit(await bank('tellerCcbNangang', pair), 'MULTI_BANK_BURST'), undefined, '2 accounts at 2 banks');

      const who = person();
      await bank('tellerIcbcNangang', who, { openedAt: ago(6 * DAY) });
      await bank('tellerIcbcDaoli', who, { openedAt: ago(5 * DAY) });
      assert.equal(hit(await bank('tellerIcbcNangang', who, { openedAt: ago(4 * DAY) }), 'MULTI_BANK_BURST'), undefined, '3 accounts, one bank');
      const fourth = hit(await bank('tellerCcbNangang', who, { openedAt: ago(3 * DAY) }), 'MULTI_BANK_BURST');
      assert.equal(fourth?.level, 'VERIFY');
      assert.equal(fourth?.evidence.length, 3, 'the three earlier accounts are the evidence');
      const fifth = hit(await bank('tellerIcbcDaoli', who), 'MULTI_BANK_BURST');
      assert.equal(fifth?.level, 'STOP');
    });

    it('SIM_BURST: the 2nd new number in 30 days passes, the 3rd is VERIFY', async () => {
      const who = person();
      await sim(who, { openedAt: ago(6 * DAY) });
      assert.equal(hit(await sim(who, { openedAt: ago(3 * DAY) }), 'SIM_BURST'), undefined);
      assert.equal(hit(await sim(who), 'SIM_BURST')?.level, 'VERIFY');
    });

    it('TWO_CARD_COMBO: an account and a number within 48 h, not 49 h apart', async () => {
      const apart = person();
      await sim(apart, { openedAt: ago(49 * HOUR) });
      assert.equal(hit(await bank('tellerIcbcNangang', apart), 'TWO_CARD_COMBO'), undefined);
      const kit = person();
      await sim(kit, { openedAt: ago(47 * HOUR) });
      const combo = hit(await bank('tellerIcbcNangang', kit), 'TWO_CARD_COMBO');
      assert.equal(combo?.level, 'VERIFY');
      assert.match(combo!.evidence[0].text, /电话卡/);
    });

    it('SHARED_PHONE: a reserved phone of one other person passes, of two others stops', async () => {
      const phone = mobile(next());
      await bank('tellerIcbcNangang', person(), { phone });
      assert.equal(hit(await bank('tellerIcbcDaoli', person(), { phone }), 'SHARED_PHONE'), undefined);
      const third = hit(await bank('tellerCcbNangang', person(), { phone }), 'SHARED_PHONE');
      assert.equal(third?.level, 'STOP');
      assert.equal(third?.evidence.length, 2);
    });

    it('ESCORT_GROUP: the 3rd person brought by one companion within 2 h stops, and the group is one alert', async () => {
      const companionPhone = mobile(next(), '138');
      const escorted = (teller: StaffKey, openedAt?: string) =>
        bank(teller, person(), { companionRelation: 'STRANGER', companionName: '带路人', companionPhone, ...(openedAt ? { openedAt } : {}) });
      await escorted('tellerIcbcNangang', ago(90 * 60_000));
      assert.equal(hit(await escorted('tellerIcbcNangang', ago(60 * 60_000)), 'ESCORT_GROUP'), undefined, 'two people');
      assert.equal(hit(await escorted('tellerIcbcDaoli'), 'ESCORT_GROUP'), undefined, 'another branch');
      const third = await escorted('tellerIcbcNangang');
      assert.equal(hit(third, 'ESCORT_GROUP')?.level, 'STOP');
      const fourth = await escorted('tellerIcbcNangang');
      assert.equal(hit(fourth, 'ESCORT_GROUP')?.level, 'STOP');
      assert.ok(third.alertId);
      assert.equal(fourth.alertId, third.alertId, 'one alert for the whole group');
      const alert = await as.squad.get<{ kind: string; members: unknown[] }>(`/api/alerts/${third.alertId}`);
      assert.equal(alert.body.kind, 'GROUP');
      assert.equal(alert.body.members.length, 4, 'the two earlier members and the two stopped');
    });

    it('QUICK_CHURN: a card cancelled 5 days after opening, then a new one, is VERIFY; not when the rule says 4 days', async () => {
      const churner = person();
      const first = await bank('tellerIcbcNangang', churner, { openedAt: ago(6 * DAY) });
      const cancelled = await as.tellerIcbcNangang.post('/api/cancellations', { id: randomUUID(), openingId: first.id, reason: '客户要求', cancelledAt: ago(1 * DAY) });
      assert.equal(cancelled.status, 201);
      const again = hit(await bank('tellerCcbNangang', churner), 'QUICK_CHURN');
      assert.equal(again?.level, 'VERIFY');
      assert.match(again!.evidence[0].text, /5 天后注销/);

      const changed = await as.squad.request('PUT', '/api/rules/QUICK_CHURN', { params: { churnDays: 4 }, note: '测试近似阈值' });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      const under = await bank('tellerIcbcDaoli', churner);
      assert.equal(hit(under, 'QUICK_CHURN'), undefined);
      const restored = await as.squad.request('PUT', '/api/rules/QUICK_CHURN', { params: { churnDays: 30 }, note: '恢复' });
      assert.equal(restored.status, 200);
    });

    it('YOUTH_NONLOCAL: a 20-year-old from another province opening twice in 30 days; not a 26-year-old, not a local', async () => {
      const young = person('110105', '20060301');
      await sim(young, { openedAt: ago(2 * DAY) });
      const second = hit(await bank('tellerIcbcNangang', young), 'YOUTH_NONLOCAL');
      assert.equal(second?.level, 'VERIFY');
      assert.match(second!.explanation, /外省/);
      const older = person('110105', '20000101');
      await sim(older, { openedAt: ago(2 * DAY) });
      assert.equal(hit(await bank('tellerIcbcNangang', older), 'YOUTH_NONLOCAL'), undefined, '26 years old');
      const local = person('230103', '20060301');
      await sim(local, { openedAt: ago(2 * DAY) });
      assert.equal(hit(await bank('tellerIcbcNangang', local), 'YOUTH_NONLOCAL'), undefined, 'local');
    });

    it('FRAUD_LINKED stops a fraud-linked reserved phone or card, not a clean one', async () => {
      const phone = mobile(next());
      await watch('FRAUD_LINKED', 'PHONE', phone);
      const byPhone = await bank('tellerIcbcNangang', person(), { phone });
      assert.equal(hit(byPhone, 'FRAUD_LINKED')?.level, 'STOP');
      const card = cardNumber(next());
      await watch('FRAUD_LINKED', 'CARD', card);
      assert.equal(hit(await bank('tellerIcbcNangang', person(), { cardNumber: card }), 'FRAUD_LINKED')?.level, 'STOP');
      assert.equal(hit(await bank('tellerIcbcNangang', person()), 'FRAUD_LINKED'), undefined);
    });

    it('VULNERABLE asks for counselling, and an expired entry no longer does', async () => {
      const elder = person('230103', '19500101');
      await watch('VULNERABLE', 'PERSON', elder.idNumber);
      const result = await bank('tellerIcbcNangang', elder);
      assert.equal(result.verdict, 'VERIFY');
      assert.match(hit(result, 'VULNERABLE')!.advice, /劝导/);
      const other = person('230103', '19500202');
      await watch('VULNERABLE', 'PERSON', other.idNumber, new Date(Date.now() + 1000).toISOString());
      await new Promise((resolve) => setTimeout(resolve, 1100));
      assert.equal(hit(await bank('tellerIcbcNangang', other), 'VULNERABLE'), undefined);
    });

    it('BRANCH_SPIKE: 6 openings in an hour at a quiet branch raise one police alert, 5 do not', async () => {
      const spike = server.app.get(BranchSpikeWatch);
      const songbei = CITY.branches.icbcSongbei.id;
      const spikesAtSongbei = async () =>
        (await server.db.sql.all<{ id: string }>("SELECT id FROM alerts WHERE kind = 'BRANCH_SPIKE' AND branch_id = ?", [songbei])).map((r) => r.id);
      await spike.sweep(); // the busy test branches may well spike: that is not what this test looks at
      assert.deepEqual(await spikesAtSongbei(), [], 'a branch without openings does not spike');
      for (let i = 0; i < 5; i++) await bank('tellerIcbcSongbei', person());
      await spike.sweep();
      assert.deepEqual(await spikesAtSongbei(), [], 'five in an hour is within chance');
      await bank('tellerIcbcSongbei', person());
      const raised = await spike.sweep();
      const [alertId] = await spikesAtSongbei();
      assert.ok(raised.includes(alertId));
      await spike.sweep();
      assert.equal((await spikesAtSongbei()).length, 1, 'one alert per branch and hour');
      const alert = await as.squad.get<{ kind: string; branch: { id: string }; hits: { explanation: string }[] }>(`/api/alerts/${alertId}`);
      assert.equal(alert.body.kind, 'BRANCH_SPIKE');
      assert.equal(alert.body.branch.id, songbei);
      assert.match(alert.body.hits[0].explanation, /泊松检验/);
    });

    it('keeps every rule change as a version with its author, and each verdict names the versions it used', async () => {
      const versions = await as.squad.get<{ items: { version: number; params: { churnDays: number }; note: string }[] }>('/api/rules/QUICK_CHURN/versions');
      assert.deepEqual(versions.body.items.map((v) => v.version), [2, 1]);
      assert.equal(versions.body.items[1].params.churnDays, 4);
      assert.equal(versions.body.items[0].note, '恢复');
      const bad = await as.squad.request('PUT', '/api/rules/QUICK_CHURN', { params: { nonsense: 1 }, note: 'x' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.code, 'RULE_PARAM_UNKNOWN');
      assert.equal((await as.officerNangang.request('PUT', '/api/rules/QUICK_CHURN', { enabled: false, note: 'x' })).status, 403);
      const row = await server.db.sql.get<{ rule_versions: string }>('SELECT rule_versions FROM bank_openings ORDER BY created_at DESC LIMIT 1');
      assert.equal(JSON.parse(row!.rule_versions).QUICK_CHURN, 2);
    });

    it('backtests a stricter parameter over the stored history without touching live alerts', async () => {
      const alertsBefore = Number((await server.db.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM alerts'))!.n);
      const report = await as.squad.post<{ openings: number; live: Record<string, number>; proposed: Record<string, number>; hitsByRule: Record<string, { live: number; proposed: number }>; newlyFlagged: unknown[] }>(
        '/api/rules/backtest',
        { from: ago(8 * DAY), to: new Date(Date.now() + 1000).toISOString(), changes: { SIM_BURST: { params: { minNumbers: 2 } } } },
      );
      assert.equal(report.status, 200, JSON.stringify(report.body));
      assert.ok(report.body.openings > 50, JSON.stringify(report.body).slice(0, 500));
      assert.ok(report.body.hitsByRule.SIM_BURST.proposed > report.body.hitsByRule.SIM_BURST.live, 'a lower threshold flags more');
      assert.ok(report.body.newlyFlagged.length > 0);
      assert.equal(Number((await server.db.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM alerts'))!.n), alertsBefore);
    });

    it('imports a watchlist CSV line by line: good lines stored sealed, bad lines reported and not stored', async () => {
      const seller = person();
      const csv = ['kind,target,value,reason,expiresAt', `PUNISHED,PERSON,${seller.idNumber},出售银行卡,`, 'FRAUD_LINKED,CARD,1234,卡号太短,', 'VULNERABLE,PHONE,13912345678,对象不符,'].join('\n');
      const answer = await as.squad.post<{ imported: number; errors: { line: number; code: string; message: string }[] }>('/api/watchlists/import', { csv });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.imported, 1);
      assert.deepEqual(answer.body.errors.map((e) => [e.line, e.code]), [[3, 'CARD_LENGTH'], [4, 'WATCHLIST_TARGET']]);
      assert.match(answer.body.errors[0].message, /[\u4e00-\u9fa5]/);
      const stored = JSON.stringify(await server.db.sql.all('SELECT * FROM watchlist_entries'));
      assert.ok(!stored.includes(seller.idNumber), 'sealed at rest');
      assert.equal(hit(await bank('tellerIcbcNangang', seller), 'WATCHLIST_PUNISHED')?.level, 'STOP');
      const list = await as.squad.get<{ items: { maskedValue: string }[] }>('/api/watchlists?kind=PUNISHED');
      assert.ok(list.body.items.some((i) => i.maskedValue === `${seller.idNumber.slice(0, 6)}********${seller.idNumber.slice(-4)}`));
    });

    it('counts two openings of one person at two branches at the same moment (no lost update)', async () => {
      const who = person();
      const results = await Promise.all([
        bank('tellerIcbcNangang', who), bank('tellerCcbNangang', who), bank('tellerIcbcDaoli', who), bank('tellerCcbNangang', who),
      ]);
      // Serialised per person: whichever came 3rd and 4th saw the others, so exactly two carry the burst.
      const bursts = results.map((r) => hit(r, 'MULTI_BANK_BURST')).filter(Boolean);
      assert.equal(bursts.length, 2);
      assert.deepEqual(bursts.map((b) => b!.evidence.length).sort(), [2, 3]);
    });
  });
}
