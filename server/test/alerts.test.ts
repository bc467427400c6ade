import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { OpeningResult } from '@duanka/shared';
import { Clock } from '../src/common/clock';
import { EscalationScheduler } from '../src/modules/alerts/escalation.scheduler';
import { CITY, cardNumber, idNumber, mobile, seedTestCity, type StaffKey } from './support/factories';
import { Api, startServer, type TestServer } from './support/harness';
import { parsed, SseClient } from './support/sse-client';
import { databaseKinds } from './support/test-database';

let serial = 5000;
const next = () => ++serial;

interface AlertBody {
  id: string;
  status: string;
  ownerUnit: { id: string; name: string };
  escalations: number;
  actions: { action: string; fromStatus: string; toStatus: string; actorId: string | null; note: string | null }[];
}

for (const kind of databaseKinds()) {
  describe(`alerts and the closed loop on ${kind}`, () => {
    let server: TestServer;
    const as = {} as Record<StaffKey, Api>;
    const streams: SseClient[] = [];

    before(async () => {
      server = await startServer(kind, { ESCALATION_SWEEP_SECONDS: '0', SPIKE_SWEEP_SECONDS: '0' });
      await seedTestCity(server.db.sql);
      const anonymous = new Api(server.url);
      for (const key of Object.keys(CITY.staff) as StaffKey[]) as[key] = await anonymous.login(key);
    });
    after(async () => {
      for (const s of streams) s.close();
      await server?.close();
    });

    const token = (api: Api) => (api as unknown as { token: string }).token;
    const stream = async (who: StaffKey, lastEventId?: string) => {
      const client = await SseClient.connect(`${server.url}/api/alerts/stream`, token(as[who]), lastEventId);
      streams.push(client);
      return client;
    };

    /** A second Class I account at ICBC: STOP, so an alert for 南岗 (the branch is in 230103001). */
    async function raiseAlert(): Promise<string> {
      const person = idNumber('230103', '19800101', next() % 999);
      const open = (teller: StaffKey) => as[teller].post<OpeningResult>('/api/openings/bank', {
        id: randomUUID(), idNumber: person, name: '赵六', accountClass: 'I', cardNumber: cardNumber(next()), phone: mobile(next()),
        purpose: 'SAVINGS', companionRelation: 'NONE',
      });
      await open('tellerIcbcNangang');
      const second = await open('tellerIcbcNangang');
      assert.equal(second.body.verdict, 'STOP');
      assert.ok(second.body.alertId, 'a STOP opening raises an alert');
      return second.body.alertId;
    }

    it('pushes a new alert within a second to the officers above its area, and to no one else', async () => {
      const district = await stream('officerNangang');
      const station = await stream('officerStation');
      const squad = await stream('squad');
      const elsewhere = await stream('officerDaoli');
      const started = Date.now();
      const alertId = await raiseAlert();
      const isIt = (e: { data: string }) => parsed(e).alert.id === alertId;
      for (const client of [district, station, squad]) {
        const event = await client.waitFor(isIt, 1000);
        assert.equal(parsed(event).action.action, 'CREATE');
        assert.equal(parsed(event).alert.ownerUnit.id, CITY.units.nangangStation.id);
      }
      assert.ok(Date.now() - started < 1500);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(elsewhere.events.filter(isIt).length, 0, 'the 道里 officer must not receive a 南岗 alert');
    });

    it('refuses the live stream to roles that do not handle alerts', async () => {
      await assert.rejects(SseClient.connect(`${server.url}/api/alerts/stream`, token(as.tellerIcbcNangang)), /403/);
      await assert.rejects(SseClient.connect(`${server.url}/api/alerts/stream`, 'forged'), /401/);
    });

    it('delivers what happened while a stream was disconnected, after a resume with Last-Event-ID', async () => {
      const first = await stream('officerNangang');
      const alertId = await raiseAlert();
      const created = await first.waitFor((e) => parsed(e).alert.id === alertId);
      first.close();
      await as.officerNangang.post(`/api/alerts/${alertId}/accept`, { note: '已签收' });
      await as.officerNangang.post(`/api/alerts/${alertId}/start`, {});
      const resumed = await stream('officerNangang', created.id);
      const accept = await resumed.waitFor((e) => parsed(e).alert.id === alertId && parsed(e).action.action === 'ACCEPT');
      const start = await resumed.waitFor((e) => parsed(e).alert.id === alertId && parsed(e).action.action === 'START');
      assert.ok(Number(accept.id) < Number(start.id), 'in order');
      assert.equal(resumed.events.filter((e) => e.id === created.id).length, 0, 'nothing before the resume point is sent again');
    });

    it('walks the closed loop NEW → ACCEPTED → IN_PROGRESS → DISPOSED → CLOSED, recording each step', async () => {
      const alertId = await raiseAlert();
      const accept = await as.officerStation.post<AlertBody>(`/api/alerts/${alertId}/accept`, { note: '值班民警签收' });
      assert.equal(accept.status, 200);
      assert.equal(accept.body.status, 'ACCEPTED');
      assert.equal((await as.officerStation.post<AlertBody>(`/api/alerts/${alertId}/start`, {})).body.status, 'IN_PROGRESS');
      const disposed = await as.officerStation.post<AlertBody>(`/api/alerts/${alertId}/dispose`, { disposition: 'WARNED', label: 'TRUE_POSITIVE', note: '已对客户警示教育' });
      assert.equal(disposed.body.status, 'DISPOSED');
      assert.equal((await as.squad.post<AlertBody>(`/api/alerts/${alertId}/close`, { note: '确认办结' })).body.status, 'CLOSED');
      const detail = await as.squad.get<AlertBody>(`/api/alerts/${alertId}`);
      assert.deepEqual(detail.body.actions.map((a) => a.action), ['CREATE', 'ACCEPT', 'START', 'DISPOSE', 'CLOSE']);
      assert.deepEqual(detail.body.actions.map((a) => a.toStatus), ['NEW', 'ACCEPTED', 'IN_PROGRESS', 'DISPOSED', 'CLOSED']);
      assert.equal(detail.body.actions[3].note, '已对客户警示教育');
      const feedback = await as.icbcAdmin.get<{ items: { id: string; status: string; disposition: string }[] }>('/api/alerts');
      const mine = feedback.body.items.find((a) => a.id === alertId);
      assert.equal(mine?.status, 'CLOSED', 'the institution sees the outcome');
      assert.equal(mine?.disposition, 'WARNED');
    });

    it('refuses every illegal transition and every actor without the right', async () => {
      const alertId = await raiseAlert();
      const illegal: [StaffKey, string, Record<string, unknown>, number, string][] = [
        ['officerStation', 'start', {}, 409, 'ILLEGAL_TRANSITION'],
        ['officerStation', 'dispose', { disposition: 'CLEARED', label: 'FALSE_POSITIVE' }, 409, 'ILLEGAL_TRANSITION'],
        ['squad', 'close', {}, 409, 'ILLEGAL_TRANSITION'],
        ['officerStation', 'close', {}, 403, 'FORBIDDEN'],
        ['officerDaoli', 'accept', {}, 403, 'FORBIDDEN'],
        ['tellerIcbcNangang', 'accept', {}, 403, 'POLICE_ONLY'],
        ['officerStation', 'dispose', { disposition: 'MAYBE', label: 'TRUE_POSITIVE' }, 400, 'VALIDATION_FAILED'],
      ];
      for (const [who, action, body, status, code] of illegal) {
        const answer = await as[who].post(`/api/alerts/${alertId}/${action}`, body);
        assert.equal(answer.status, status, `${who} ${action}: ${JSON.stringify(answer.body)}`);
        assert.equal(answer.body.code, code);
      }
      assert.equal((await as.officerStation.post(`/api/alerts/${alertId}/accept`, {})).status, 200);
      const twice = await as.officerNangang.post(`/api/alerts/${alertId}/accept`, {});
      assert.equal(twice.status, 409);
      assert.match(String(twice.body.message), /已签收/);
    });

    it('escalates an unaccepted alert one level up when its deadline passes, as a recorded action', async () => {
      const alertId = await raiseAlert();
      const clock = server.app.get(Clock);
      const scheduler = server.app.get(EscalationScheduler);
      assert.equal(await scheduler.sweep(), 0, 'nothing is overdue yet');
      clock.advance(31 * 60_000);
      assert.ok((await scheduler.sweep()) >= 1);
      let detail = await as.squad.get<AlertBody>(`/api/alerts/${alertId}`);
      assert.equal(detail.body.ownerUnit.id, CITY.units.nangang.id, 'station → district bureau');
      assert.equal(detail.body.escalations, 1);
      const escalation = detail.body.actions.at(-1)!;
      assert.equal(escalation.action, 'ESCALATE');
      assert.equal(escalation.actorId, null);
      assert.match(String(escalation.note), /超时未签收/);
      assert.equal(await scheduler.sweep(), 0, 'the new owner has a fresh deadline');
      clock.advance(31 * 60_000);
      await scheduler.sweep();
      detail = await as.squad.get<AlertBody>(`/api/alerts/${alertId}`);
      assert.equal(detail.body.ownerUnit.id, CITY.units.city.id, 'district bureau → city squad');
      assert.equal((await as.officerStation.get(`/api/alerts/${alertId}`)).status, 403, 'escalated out of the station');
    });

    it('lets the squad set deadlines per level, each change a version, and uses them for new alerts', async () => {
      const byOfficer = await as.officerNangang.request('PUT', '/api/alerts/policy', { VERIFY: { acceptMinutes: 60, disposeHours: 48 }, STOP: { acceptMinutes: 10, disposeHours: 12 }, note: 'x' });
      assert.equal(byOfficer.status, 403);
      const bad = await as.squad.request('PUT', '/api/alerts/policy', { VERIFY: { acceptMinutes: 0, disposeHours: 48 }, STOP: { acceptMinutes: 10, disposeHours: 12 }, note: 'x' });
      assert.equal(bad.status, 400);
      const set = await as.squad.request<{ version: number }>('PUT', '/api/alerts/policy', { VERIFY: { acceptMinutes: 60, disposeHours: 48 }, STOP: { acceptMinutes: 10, disposeHours: 12 }, note: '停止办理类告警须 10 分钟内签收' });
      assert.equal(set.status, 200, JSON.stringify(set.body));
      assert.equal(set.body.version, 1);
      const alertId = await raiseAlert();
      const detail = await as.squad.get<{ createdAt: string; acceptDueAt: string }>(`/api/alerts/${alertId}`);
      assert.equal(Date.parse(detail.body.acceptDueAt) - Date.parse(detail.body.createdAt), 10 * 60_000, 'a STOP alert now has 10 minutes');
      const accepted = await as.officerStation.post<{ updatedAt: string; disposeDueAt: string }>(`/api/alerts/${alertId}/accept`, {});
      assert.equal(Date.parse(accepted.body.disposeDueAt) - Date.parse(accepted.body.updatedAt), 12 * 3600_000);
      assert.equal((await as.officerNangang.get<{ version: number }>('/api/alerts/policy')).body.version, 1);
    });

    it('assigns an alert down the tree only', async () => {
      const alertId = await raiseAlert();
      await as.officerStation.post(`/api/alerts/${alertId}/escalate`, { note: '需分局协调' });
      const down = await as.officerNangang.post<AlertBody>(`/api/alerts/${alertId}/assign`, { unitId: CITY.units.nangangStation.id, note: '请派出所核查' });
      assert.equal(down.status, 200);
      assert.equal(down.body.ownerUnit.id, CITY.units.nangangStation.id);
      const sideways = await as.officerNangang.post(`/api/alerts/${alertId}/assign`, { unitId: CITY.units.daoli.id });
      assert.equal(sideways.status, 403);
      assert.equal(sideways.body.code, 'ASSIGN_OUT_OF_SCOPE');
    });
  });
}
