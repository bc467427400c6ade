import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { OpeningResult } from '@duanka/shared';
import { Clock } from '../src/common/clock';
import { NotificationWorker } from '../src/modules/alerts/notification.worker';
import { CITY, cardNumber, idNumber, mobile, seedTestCity, type StaffKey } from './support/factories';
import { Api, startServer, type TestServer } from './support/harness';
import { startWechatStandin, type WechatStandin } from './support/wechat-standin';

let serial = 60000;
const next = () => ++serial;

/** WeChat login and alert push through the real protocol client, against a local WeChat stand-in. */
describe('WeChat login and subscribe-message push (SQLite)', () => {
  let standin: WechatStandin;
  let server: TestServer;
  const as = {} as Record<StaffKey, Api>;
  const openid = 'o-officer-station';

  before(async () => {
    standin = await startWechatStandin({ appId: 'wx-test', secret: 'secret' });
    server = await startServer('sqlite', {
      WECHAT_API_BASE: standin.url, WECHAT_APPID: 'wx-test', WECHAT_SECRET: 'secret', WECHAT_ALERT_TEMPLATE_ID: 'tpl-alert',
      NOTIFY_SWEEP_SECONDS: '0', ESCALATION_SWEEP_SECONDS: '0', SPIKE_SWEEP_SECONDS: '0',
    });
    await seedTestCity(server.db.sql);
    const anonymous = new Api(server.url);
    for (const key of ['tellerIcbcNangang', 'officerStation', 'officerNangang'] as StaffKey[]) as[key] = await anonymous.login(key);
  });
  after(async () => {
    await server?.close();
    await standin?.close();
  });

  it('binds a WeChat account to a staff login, then logs in with wx.login codes alone', async () => {
    const anonymous = new Api(server.url);
    const unbound = await anonymous.post('/api/auth/wechat', { code: standin.issueCode(openid) });
    assert.equal(unbound.status, 404);
    assert.equal(unbound.body.code, 'WECHAT_NOT_BOUND');
    assert.equal((await as.officerStation.post('/api/auth/wechat/bind', { code: standin.issueCode(openid) })).status, 204);
    const login = await anonymous.post<{ staff: { username: string } }>('/api/auth/wechat', { code: standin.issueCode(openid) });
    assert.equal(login.status, 200);
    assert.equal(login.body.staff.username, 'officerStation');
    const reused = standin.issueCode(openid);
    await anonymous.post('/api/auth/wechat', { code: reused });
    const again = await anonymous.post('/api/auth/wechat', { code: reused });
    assert.equal(again.status, 400);
    assert.equal(again.body.code, 'WECHAT_CODE_INVALID');
    const taken = await as.officerNangang.post('/api/auth/wechat/bind', { code: standin.issueCode(openid) });
    assert.equal(taken.status, 409);
  });

  async function raiseAlert(): Promise<string> {
    const person = idNumber('230103', '19810101', next() % 999);
    const open = () => as.tellerIcbcNangang.post<OpeningResult>('/api/openings/bank', {
      id: randomUUID(), idNumber: person, name: '钱七', accountClass: 'I', cardNumber: cardNumber(next()), phone: mobile(next()),
      purpose: 'SAVINGS', companionRelation: 'NONE',
    });
    await open();
    const second = await open();
    assert.ok(second.body.alertId);
    return second.body.alertId;
  }

  it('sends the owning officer a subscribe message with the alert in its template data', async () => {
    const alertId = await raiseAlert();
    const worker = server.app.get(NotificationWorker);
    assert.equal(await worker.drain(), 1);
    const message = standin.messages.at(-1)!;
    assert.equal(message.touser, openid);
    assert.equal(message.template_id, 'tpl-alert');
    assert.equal(message.page, `police/alert/index?id=${alertId}`);
    assert.equal(message.data.phrase2.value, '停止办理');
    assert.equal(message.data.thing3.value, CITY.branches.icbcNangang.name);
    assert.match(message.data.thing1.value, /工商银行南岗支行/);
    assert.ok([...message.data.thing1.value].length <= 20, 'WeChat thing fields hold 20 characters');
    assert.match(message.data.time4.value, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    assert.equal(await worker.drain(), 0, 'sent once');
  });

  it('retries a failed send, records each failure, and never loses the message', async () => {
    const before = standin.messages.length;
    standin.failNext('send', 2, 'busy');
    const alertId = await raiseAlert();
    const worker = server.app.get(NotificationWorker);
    assert.equal(await worker.drain(), 0);
    let row = await server.db.sql.get<{ status: string; attempts: number; last_error: string }>('SELECT status, attempts, last_error FROM notifications WHERE alert_id = ?', [alertId]);
    assert.deepEqual({ ...row }, { status: 'PENDING', attempts: 1, last_error: 'WECHAT_UNAVAILABLE' });
    assert.equal(await worker.drain(), 0, 'not before its backoff');
    const clock = server.app.get(Clock);
    clock.advance(31_000);
    assert.equal(await worker.drain(), 0);
    clock.advance(61_000);
    assert.equal(await worker.drain(), 1);
    row = await server.db.sql.get('SELECT status, attempts, last_error FROM notifications WHERE alert_id = ?', [alertId]);
    assert.deepEqual({ ...row }, { status: 'SENT', attempts: 3, last_error: null });
    assert.equal(standin.messages.length, before + 1);
  });

  it('keeps a refused message as REFUSED instead of retrying it forever', async () => {
    standin.refuse(openid);
    const alertId = await raiseAlert();
    await server.app.get(NotificationWorker).drain();
    const row = await server.db.sql.get<{ status: string; last_error: string }>('SELECT status, last_error FROM notifications WHERE alert_id = ?', [alertId]);
    assert.deepEqual({ ...row }, { status: 'REFUSED', last_error: 'WECHAT_NOT_SUBSCRIBED' });
  });

  it('reads an ID card photo for the teller through WeChat OCR, and stores nothing of it', async () => {
    standin.ocrAnswer = { errcode: 0, errmsg: 'ok', type: 'Front', name: '孙八', id: '11010519491231002X', addr: '北京市', gender: '男', nationality: '汉' };
    const image = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const answer = await as.tellerIcbcNangang.post<{ idNumber: string; name: string }>('/api/openings/ocr/id-card', { image: image.toString('base64'), contentType: 'image/png' });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.idNumber, '11010519491231002X');
    assert.equal(answer.body.name, '孙八');
    assert.equal(standin.ocrUploads.length, 1);
    const stored = await server.db.sql.all('SELECT * FROM audit_entries WHERE action = ?', ['ocr.id_card']);
    assert.equal(stored.length, 1);
    assert.ok(!JSON.stringify(stored).includes('11010519491231002X'));
    assert.equal((await as.officerStation.post('/api/openings/ocr/id-card', { image: image.toString('base64'), contentType: 'image/png' })).status, 403);
  });
});
