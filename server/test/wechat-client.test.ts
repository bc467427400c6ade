import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { Logger, type LoggerService } from '@nestjs/common';
import { DomainError } from '../src/common/domain-error';
import { AppConfig } from '../src/config/app-config';
import { isRetryable, WechatClient, type SubscribeMessage, type WechatTimeouts } from '../src/modules/wechat/wechat.client';
import { startWechatStandin, type WechatStandin, type WechatStandinOptions } from './support/wechat-standin';

interface Rig {
  standin: WechatStandin;
  client: WechatClient;
  /** Shared by client and stand-in: move it forward to expire codes and tokens. */
  advance(seconds: number): void;
}

const open: WechatStandin[] = [];

async function rig(options: { standin?: WechatStandinOptions; env?: Record<string, string>; timeouts?: Partial<WechatTimeouts> } = {}): Promise<Rig> {
  let clock = Date.now();
  const now = () => clock;
  const standin = await startWechatStandin({ now, ...options.standin });
  open.push(standin);
  const env = { WECHAT_API_BASE: standin.url, WECHAT_APPID: 'wx-test', WECHAT_SECRET: 'secret', ...options.env };
  const client = new WechatClient(new AppConfig(env as NodeJS.ProcessEnv), { now, timeouts: options.timeouts });
  return { standin, client, advance: (seconds) => (clock += seconds * 1000) };
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof DomainError, `expected a DomainError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

function alertMessage(toUser: string, overrides: Partial<SubscribeMessage> = {}): SubscribeMessage {
  return {
    toUser,
    templateId: 'tmpl-risk-alert',
    page: 'pages/police/alert/index?id=42',
    data: { thing1: { value: '同一人当日异地开卡 3 张' }, time2: { value: '2026-11-28 10:15' }, thing3: { value: '工商银行南岗支行' } },
    miniprogramState: 'formal',
    ...overrides,
  };
}

/** A real 2×2 grey PNG: what a phone camera uploads, only smaller. */
function tinyPng(): Buffer {
  const crc32 = (bytes: Buffer): number => {
    let c = ~0;
    for (const byte of bytes) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(data.length + 12);
    out.writeUInt32BE(data.length, 0);
    typed.copy(out, 4);
    out.writeUInt32BE(crc32(typed), data.length + 8);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header[8] = 8; // bit depth; colour type 0 (grey), no interlace
  const rows = Buffer.from([0, 0x80, 0x80, 0, 0x80, 0x80]);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const logged: string[] = [];
const capture: LoggerService = {
  log: (message: unknown) => logged.push(String(message)),
  warn: (message: unknown) => logged.push(String(message)),
  error: (message: unknown, ...rest: unknown[]) => logged.push([message, ...rest].filter((part) => part !== undefined).map(String).join(' ')),
};

before(() => Logger.overrideLogger(capture));
afterEach(async () => {
  await Promise.all(open.splice(0).map((standin) => standin.close()));
});

describe('WeChat login (code2Session)', () => {
  it('turns a login code into the openid and returns nothing else', async () => {
    const { standin, client } = await rig();
    assert.deepEqual(await client.code2Session(standin.issueCode('o-teller-1')), { openid: 'o-teller-1' });
    assert.deepEqual(await client.code2Session(standin.issueCode('o-teller-2', 'u-2')), { openid: 'o-teller-2', unionid: 'u-2' });
    assert.equal(standin.sessionKeys.length, 2, 'WeChat did hand out session keys, which the client dropped');
  });

  it('refuses a used, unknown or stale code with a message the teller can act on', async () => {
    const { standin, client, advance } = await rig();
    const code = standin.issueCode('o-teller-1');
    await client.code2Session(code);
    const stale = standin.issueCode('o-teller-1');
    advance(6 * 60);
    for (const attempt of [code, 'never-issued', stale]) {
      const error = await failure(client.code2Session(attempt));
      assert.equal(error.kind, 'INVALID');
      assert.equal(error.code, 'WECHAT_CODE_INVALID');
      assert.equal(error.message, '微信登录凭证无效或已使用，请重新点击微信登录');
    }
    assert.equal(standin.calls.jscode2session, 4);
  });

  it('says WeChat login is off when no AppID is configured, without calling WeChat', async () => {
    const { standin, client } = await rig({ env: { WECHAT_APPID: '' } });
    const error = await failure(client.code2Session(standin.issueCode('o-teller-1')));
    assert.equal(error.kind, 'UNAVAILABLE');
    assert.equal(error.code, 'WECHAT_DISABLED');
    assert.match(error.message, /账号密码登录/);
    assert.equal(standin.calls.jscode2session, 0);
  });

  it('tells the teller to slow down or use the password when WeChat limits or is busy', async () => {
    const { standin, client } = await rig();
    standin.failNext('jscode2session', 1, 45011);
    const limited = await failure(client.code2Session(standin.issueCode('o-teller-1')));
    assert.equal(limited.kind, 'TOO_MANY');
    assert.equal(limited.code, 'WECHAT_RATE_LIMITED');
    standin.failNext('jscode2session', 1, 'busy');
    const busy = await failure(client.code2Session(standin.issueCode('o-teller-1')));
    assert.equal(busy.kind, 'UNAVAILABLE');
    assert.equal(busy.code, 'WECHAT_UNAVAILABLE');
    assert.equal(busy.message, '微信服务暂时不可用，请使用账号密码登录');
  });

  it('answers at once with WECHAT_UNAVAILABLE when WeChat cannot be reached', async () => {
    const { standin, client } = await rig();
    const code = standin.issueCode('o-teller-1');
    await standin.close();
    const started = Date.now();
    const error = await failure(client.code2Session(code));
    assert.equal(error.code, 'WECHAT_UNAVAILABLE');
    assert.equal(error.message, '微信服务暂时不可用，请使用账号密码登录');
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
  });

  it('gives up after its timeout when WeChat accepts the connection but never answers', async () => {
    const { standin, client } = await rig({ timeouts: { login: 300 } });
    standin.failNext('jscode2session', 1, 'stall');
    const started = Date.now();
    const error = await failure(client.code2Session(standin.issueCode('o-teller-1')));
    const elapsed = Date.now() - started;
    assert.equal(error.code, 'WECHAT_UNAVAILABLE');
    assert.ok(elapsed >= 250 && elapsed < 2000, `took ${elapsed} ms`);
  });

  it('reports a wrong AppSecret as a configuration problem, not something to retry', async () => {
    const { standin, client } = await rig({ env: { WECHAT_SECRET: 'not-the-secret' } });
    const error = await failure(client.code2Session(standin.issueCode('o-teller-1')));
    assert.equal(error.code, 'WECHAT_CONFIG_REJECTED');
    assert.deepEqual(error.details, { errcode: 40125 });
    assert.equal(isRetryable(error), false);
  });
});

describe('access token', () => {
  it('fetches one token for many concurrent sends', async () => {
    const { standin, client } = await rig();
    await Promise.all(Array.from({ length: 20 }, (_, i) => client.sendSubscribeMessage(alertMessage(`o-police-${i}`))));
    assert.equal(standin.calls.token, 1);
    assert.equal(standin.messages.length, 20);
    assert.ok(standin.messages.every((message) => message.accessToken === standin.tokens[0]));
  });

  it('keeps the token while it is valid and replaces it before WeChat would reject it', async () => {
    const { standin, client, advance } = await rig();
    await client.sendSubscribeMessage(alertMessage('o-police-1'));
    advance(3600);
    await client.sendSubscribeMessage(alertMessage('o-police-1'));
    assert.equal(standin.calls.token, 1, 'an hour later the first token is still used');
    advance(3500); // inside the last 5 minutes, when WeChat already hands out the successor
    await client.sendSubscribeMessage(alertMessage('o-police-1'));
    advance(7200); // long past the end of the second token as well
    await client.sendSubscribeMessage(alertMessage('o-police-1'));
    assert.equal(standin.calls.token, 3);
    assert.equal(standin.messages.length, 4, 'no message was lost to an expiry');
    assert.equal(standin.calls.send, 4, 'no send was made with a token WeChat had to reject');
    assert.deepEqual(standin.messages.map((message) => message.accessToken), [standin.tokens[0], standin.tokens[0], standin.tokens[1], standin.tokens[2]]);
    assert.equal(await client.accessToken(), standin.tokens[2]);
  });

  it('replaces a token WeChat revoked and sends each waiting message once more', async () => {
    const { standin, client } = await rig();
    await client.sendSubscribeMessage(alertMessage('o-police-1'));
    standin.revokeTokens();
    await Promise.all(Array.from({ length: 5 }, (_, i) => client.sendSubscribeMessage(alertMessage(`o-police-${i + 2}`))));
    assert.equal(standin.messages.length, 6, 'every alert reached its police officer');
    assert.equal(standin.calls.token, 2, 'one replacement token for all five senders');
    assert.equal(standin.calls.send, 11, 'five rejected, five resent, plus the first');
    assert.ok(standin.messages.slice(1).every((message) => message.accessToken === standin.tokens[1]));
  });

  it('retries a rejected token only once, then reports WeChat unavailable for a later retry', async () => {
    const { standin, client } = await rig();
    standin.failNext('send', 2, 40001);
    const error = await failure(client.sendSubscribeMessage(alertMessage('o-police-1')));
    assert.equal(error.code, 'WECHAT_UNAVAILABLE');
    assert.equal(isRetryable(error), true);
    assert.equal(standin.calls.send, 2);
    assert.equal(standin.messages.length, 0);
  });

  it('reports credentials WeChat refuses as a configuration problem', async () => {
    const { standin, client } = await rig({ env: { WECHAT_SECRET: 'rotated-long-ago' } });
    const error = await failure(client.sendSubscribeMessage(alertMessage('o-police-1')));
    assert.equal(error.code, 'WECHAT_CONFIG_REJECTED');
    assert.equal(error.message, '微信通知配置有误，请联系管理员');
    assert.equal(isRetryable(error), false);
    assert.equal(standin.calls.send, 0);
  });
});

describe('subscribe messages', () => {
  it('delivers the template data exactly as given, in Chinese, to the right page', async () => {
    const { standin, client } = await rig();
    await client.sendSubscribeMessage(alertMessage('o-police-1'));
    await client.sendSubscribeMessage({ toUser: 'o-police-2', templateId: 'tmpl-digest', data: { thing1: { value: '今日无新预警' } } });
    const [first, second] = standin.messages;
    assert.deepEqual(first, {
      touser: 'o-police-1',
      template_id: 'tmpl-risk-alert',
      page: 'pages/police/alert/index?id=42',
      data: { thing1: { value: '同一人当日异地开卡 3 张' }, time2: { value: '2026-11-28 10:15' }, thing3: { value: '工商银行南岗支行' } },
      miniprogram_state: 'formal',
      lang: 'zh_CN',
      accessToken: standin.tokens[0],
    });
    assert.deepEqual(second, { touser: 'o-police-2', template_id: 'tmpl-digest', data: { thing1: { value: '今日无新预警' } }, lang: 'zh_CN', accessToken: standin.tokens[0] });
  });

  it('reports an officer who has not subscribed as WECHAT_NOT_SUBSCRIBED, not worth retrying', async () => {
    const { standin, client } = await rig();
    standin.refuse('o-police-1');
    const error = await failure(client.sendSubscribeMessage(alertMessage('o-police-1')));
    assert.equal(error.code, 'WECHAT_NOT_SUBSCRIBED');
    assert.match(error.message, /未订阅/);
    assert.equal(isRetryable(error), false);
    await client.sendSubscribeMessage(alertMessage('o-police-2'));
    assert.deepEqual(standin.messages.map((message) => message.touser), ['o-police-2']);
  });

  it('reports busy, HTTP 500, silence and rate limits as retryable, and a retry then delivers', async () => {
    const { standin, client } = await rig({ timeouts: { send: 300 } });
    await client.accessToken();
    for (const how of ['busy', 'http500', 'stall', 45009] as const) {
      standin.failNext('send', 1, how);
      const error = await failure(client.sendSubscribeMessage(alertMessage('o-police-1')));
      assert.equal(error.code, how === 45009 ? 'WECHAT_RATE_LIMITED' : 'WECHAT_UNAVAILABLE', `after ${how}`);
      assert.equal(isRetryable(error), true, `after ${how}`);
    }
    assert.equal(standin.messages.length, 0);
    await client.sendSubscribeMessage(alertMessage('o-police-1'));
    assert.equal(standin.messages.length, 1);
  });

  it('reports data that does not fit the template as rejected, not retryable', async () => {
    const { standin, client } = await rig();
    const broken = alertMessage('o-police-1', { data: { thing1: { value: 42 } } as unknown as SubscribeMessage['data'] });
    const error = await failure(client.sendSubscribeMessage(broken));
    assert.equal(error.code, 'WECHAT_MESSAGE_REJECTED');
    assert.deepEqual(error.details, { errcode: 47003 });
    assert.equal(isRetryable(error), false);
    assert.equal(standin.messages.length, 0);
  });
});

describe('ID-card OCR', () => {
  it('reads the front of an ID card from an uploaded photo', async () => {
    const { standin, client } = await rig();
    const photo = tinyPng();
    const result = await client.ocrIdCard(photo, 'image/png');
    assert.deepEqual(result, {
      side: 'Front',
      idNumber: '230103198506150012',
      name: '张三',
      sex: '男',
      nationality: '汉',
      address: '黑龙江省哈尔滨市南岗区学府路1号',
    });
    assert.equal(standin.ocrUploads.length, 1);
    const [upload] = standin.ocrUploads;
    assert.deepEqual(upload.bytes, photo, 'WeChat received the photo byte for byte');
    assert.equal(upload.contentType, 'image/png');
    assert.equal(upload.fileName, 'idcard.png');
    assert.equal(upload.mode, 'photo');
  });

  it('reads the validity period from the back, even when WeChat sends errcode as a string', async () => {
    const { standin, client } = await rig();
    standin.ocrAnswer = { errcode: '0', errmsg: 'ok', type: 'Back', valid_date: '20150101-20350101' };
    assert.deepEqual(await client.ocrIdCard(tinyPng(), 'image/png'), { side: 'Back', validDate: '20150101-20350101' });
  });

  it('asks for a new photo when WeChat finds no ID card in it', async () => {
    const { standin, client } = await rig();
    standin.ocrAnswer = { errcode: 101001, errmsg: 'certificate not found' };
    const error = await failure(client.ocrIdCard(tinyPng(), 'image/png'));
    assert.equal(error.code, 'WECHAT_OCR_NO_ID_CARD');
    assert.match(error.message, /重新拍摄|手工录入/);
  });

  it('turns away an empty, oversized or non-image upload without spending WeChat quota', async () => {
    const { standin, client } = await rig();
    for (const [image, type] of [[Buffer.alloc(0), 'image/png'], [Buffer.alloc(2 * 1024 * 1024), 'image/jpeg'], [tinyPng(), 'application/pdf']] as const) {
      const error = await failure(client.ocrIdCard(image, type));
      assert.equal(error.code, 'WECHAT_OCR_IMAGE_INVALID');
    }
    assert.equal(standin.calls.ocr, 0);
    assert.equal(standin.calls.token, 0);
  });

  it('tells the teller to type the ID in by hand when the OCR service is down', async () => {
    const { standin, client } = await rig();
    for (const endpoint of ['token', 'ocr'] as const) {
      standin.failNext(endpoint, 1, 'http500');
      const error = await failure(client.ocrIdCard(tinyPng(), 'image/png'));
      assert.equal(error.code, 'WECHAT_UNAVAILABLE', `${endpoint} down`);
      assert.equal(error.message, '微信识别服务暂时不可用，请稍后重试或手工录入身份证信息', `${endpoint} down`);
    }
  });
});

describe('logs', () => {
  it('never carry the secret, tokens, session keys, login codes or ID-card data', async () => {
    logged.length = 0;
    const secret = 'app-secret-7f3a9c';
    const { standin, client } = await rig({ standin: { secret }, env: { WECHAT_SECRET: secret }, timeouts: { send: 300 } });
    const code = standin.issueCode('o-teller-1');
    await client.code2Session(code);
    await failure(client.code2Session(code));
    standin.failNext('send', 1, 'stall');
    await failure(client.sendSubscribeMessage(alertMessage('o-police-1')));
    standin.revokeTokens();
    standin.failNext('send', 2, 40001);
    await failure(client.sendSubscribeMessage(alertMessage('o-police-1')));
    standin.failNext('ocr', 1, 40164);
    await failure(client.ocrIdCard(tinyPng(), 'image/png'));
    await client.ocrIdCard(tinyPng(), 'image/png');
    const text = logged.join('\n');
    assert.ok(logged.length >= 3, 'the failures were logged');
    for (const leak of [secret, code, ...standin.tokens, ...standin.sessionKeys, '230103198506150012', '张三', 'o-teller-1']) {
      assert.ok(!text.includes(leak), `the log contains ${leak}`);
    }
  });
});
