import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { OpeningResult } from '@duanka/shared';
import type { Overview } from '../src/modules/stats/stats.service';
import { CCB_BIN, CITY, cardNumber, idNumber, mobile, seedTestCity, type StaffKey } from './support/factories';
import { Api, startServer, type TestServer } from './support/harness';
import { databaseKinds } from './support/test-database';

let serial = 70000;
const next = () => ++serial;

/**
 * The statistics against what this test itself submitted: every expected number below is counted
 * from the answers the API gave, not from the database.
 */
for (const kind of databaseKinds()) {
  describe(`statistics on ${kind}`, () => {
    let server: TestServer;
    const as = {} as Record<StaffKey, Api>;
    const made: { teller: StaffKey; kind: 'BANK' | 'SIM'; result: OpeningResult; refused: boolean }[] = [];

    before(async () => {
      server = await startServer(kind, { ESCALATION_SWEEP_SECONDS: '0', SPIKE_SWEEP_SECONDS: '0' });
      await seedTestCity(server.db.sql);
      const anonymous = new Api(server.url);
      for (const key of Object.keys(CITY.staff) as StaffKey[]) as[key] = await anonymous.login(key);

      const bank = async (teller: StaffKey, who: string, accountClass: string) => {
        const answer = await as[teller].post<OpeningResult>('/api/openings/bank', {
          id: randomUUID(), idNumber: who, name: '统计', accountClass, cardNumber: cardNumber(next(), teller === 'tellerCcbNangang' ? CCB_BIN : '622202'),
          phone: mobile(next()), purpose: 'SALARY', companionRelation: 'NONE',
        });
        made.push({ teller, kind: 'BANK', result: answer.body, refused: false });
        return answer.body;
      };
      // Ordinary customers at three bank branches and the carrier store...
      for (let i = 0; i < 12; i++) {
        const teller = (['tellerIcbcNangang', 'tellerIcbcDaoli', 'tellerCcbNangang'] as const)[i % 3];
        await bank(teller, idNumber('230103', '19900303', next() % 999), 'II');
      }
      for (let i = 0; i < 4; i++) {
        const answer = await as.tellerCmccNangang.post<OpeningResult>('/api/openings/sim', {
          id: randomUUID(), idNumber: idNumber('230102', '19930303', next() % 999), name: '统计', phoneNumber: mobile(next(), '138'),
          cardKind: 'STANDARD', companionRelation: 'NONE',
        });
        made.push({ teller: 'tellerCmccNangang', kind: 'SIM', result: answer.body, refused: false });
      }
      // ...and three people who try a second Class I account at ICBC: STOP, refused at the counter.
      for (let i = 0; i < 3; i++) {
        const who = idNumber('230103', '19850505', next() % 999);
        await bank('tellerIcbcNangang', who, 'I');
        const stop = await bank(i === 0 ? 'tellerIcbcDaoli' : 'tellerIcbcNangang', who, 'I');
        assert.equal(stop.verdict, 'STOP');
        const teller = i === 0 ? 'tellerIcbcDaoli' : 'tellerIcbcNangang';
        assert.equal((await as[teller].post(`/api/openings/${stop.id}/outcome`, { outcome: 'REFUSED' })).status, 200);
        made[made.length - 1].refused = true;
      }
      // The squad closes one alert as a true positive; one more is accepted only.
      const alerts = made.filter((m) => m.result.alertId).map((m) => m.result.alertId!);
      await as.squad.post(`/api/alerts/${alerts[1]}/accept`, {});
      await as.squad.post(`/api/alerts/${alerts[1]}/dispose`, { disposition: 'WARNED', label: 'TRUE_POSITIVE' });
      await as.squad.post(`/api/alerts/${alerts[1]}/close`, {});
      await as.squad.post(`/api/alerts/${alerts[2]}/accept`, {});
    });
    after(() => server?.close());

    const count = (filter: (m: (typeof made)[number]) => boolean) => made.filter(filter).length;

    it('gives the squad the city: today, the verdict mix, refusals, alerts and the closed loop', async () => {
      const answer = await as.squad.get<Overview>('/api/stats/overview?days=7');
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      const o = answer.body;
      assert.equal(o.today.openings, made.length);
      assert.equal(o.today.bank, count((m) => m.kind === 'BANK'));
      assert.equal(o.today.sim, count((m) => m.kind === 'SIM'));
      assert.equal(o.today.stop, count((m) => m.result.verdict === 'STOP'));
      assert.equal(o.today.pass, count((m) => m.result.verdict === 'PASS'));
      assert.equal(o.today.refused, count((m) => m.refused));
      assert.equal(o.perDay.length, 7);
      assert.equal(o.perDay.at(-1)!.bank + o.perDay.at(-1)!.sim, made.length);
      assert.equal(o.alerts.total, count((m) => Boolean(m.result.alertId)));
      assert.deepEqual(o.alerts.byState, { NEW: 1, ACCEPTED: 1, IN_PROGRESS: 0, DISPOSED: 0, CLOSED: 1 });
      assert.equal(o.alerts.closedLoopRate, 1 / 3);
      const classI = o.alerts.byRule.find((r) => r.rule === 'CLASS_I_DUPLICATE')!;
      assert.deepEqual({ alerts: classI.alerts, labelled: classI.labelled, confirmed: classI.confirmed, rate: classI.confirmedRate }, { alerts: 3, labelled: 1, confirmed: 1, rate: 1 });
      assert.ok(o.alerts.medianMinutesToAccept !== null && o.alerts.medianMinutesToAccept < 1);
      const icbc = o.byInstitution.find((i) => i.institutionId === CITY.institutions.icbc.id)!;
      assert.equal(icbc.openings, count((m) => m.teller.startsWith('tellerIcbc')));
      assert.equal(icbc.stop, 3);
      const nangang = o.byDistrict.find((d) => d.district === '230103')!;
      assert.equal(nangang.name.endsWith('南岗区'), true);
      assert.equal(nangang.openings, count((m) => m.teller !== 'tellerIcbcDaoli'));
      assert.equal(nangang.alerts, 2);
    });

    it('scopes the numbers: the 道里 officer sees 道里 only, the ICBC admin ICBC only, a teller nothing', async () => {
      const daoli = (await as.officerDaoli.get<Overview>('/api/stats/overview?days=1')).body;
      assert.equal(daoli.today.openings, count((m) => m.teller === 'tellerIcbcDaoli'));
      assert.equal(daoli.alerts.total, 1);
      const icbc = (await as.icbcAdmin.get<Overview>('/api/stats/overview?days=1')).body;
      assert.equal(icbc.today.openings, count((m) => m.teller.startsWith('tellerIcbc')));
      assert.deepEqual(icbc.byInstitution.map((i) => i.institutionId), [CITY.institutions.icbc.id]);
      assert.equal((await as.tellerIcbcNangang.get('/api/stats/overview')).status, 403);
      assert.equal((await as.squad.get('/api/stats/overview?days=0')).status, 400);
    });

    it('exports any table as CSV that Excel opens in Chinese', async () => {
      const response = await fetch(`${server.url}/api/stats/export/byDistrict.csv?days=7`, {
        headers: { authorization: `Bearer ${(as.squad as unknown as { token: string }).token}` },
      });
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /text\/csv/);
      const bytes = Buffer.from(await response.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte-order mark first');
      const text = bytes.subarray(3).toString('utf8');
      assert.ok(text.startsWith('district,name,openings,stop,alerts\r\n'), text.slice(0, 80));
      assert.match(text, /230103,[^,]*南岗区,\d+,2,2/);
      assert.equal((await as.squad.get('/api/stats/export/secrets')).status, 400);
    });
  });
}
