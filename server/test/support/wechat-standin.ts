import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StandinEndpoint = 'jscode2session' | 'token' | 'send' | 'ocr';

/** How an injected failure looks: WeChat's "system busy" (-1), a bare HTTP 500, no answer at all, or any errcode. */
export type StandinFailure = 'busy' | 'http500' | 'stall' | number;

export interface WechatStandinOptions {
  appId?: string;
  secret?: string;
  /** Lifetime of issued access tokens in seconds (WeChat: 7200). */
  tokenExpiresIn?: number;
  /** Epoch ms; share the client's clock to expire codes and tokens without sleeping. */
  now?: () => number;
}

/** A subscribe message as WeChat received it, in WeChat's field names. */
export interface ReceivedSubscribeMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
  lang?: string;
  /** The access token the message was sent with. */
  accessToken: string;
}

export interface ReceivedOcrUpload {
  /** The `type` query parameter: photo or scan. */
  mode: string | null;
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export interface WechatStandin {
  readonly url: string;
  /** Requests per endpoint, failed ones included. */
  readonly calls: Record<StandinEndpoint, number>;
  /** Messages delivered to a user's WeChat (refused and failed sends are not here). */
  readonly messages: ReceivedSubscribeMessage[];
  readonly ocrUploads: ReceivedOcrUpload[];
  /** Every access token issued, oldest first. */
  readonly tokens: string[];
  /** Every session_key handed out by jscode2session, so tests can check none leaks. */
  readonly sessionKeys: string[];
  /** The JSON the OCR endpoint answers (WeChat's field names). Defaults to a front side. */
  ocrAnswer: Record<string, unknown>;
  /** A one-time login code for this openid, as wx.login would give the mini-program. */
  issueCode(openid: string, unionid?: string): string;
  /** Every token issued so far answers 40001 from now on, as after a forced refresh elsewhere. */
  revokeTokens(): void;
  /** Sends to this openid answer 43101 (not subscribed / refused). */
  refuse(openid: string): void;
  failNext(endpoint: StandinEndpoint, count: number, how: StandinFailure): void;
  close(): Promise<void>;
}

const CODE_TTL_MS = 5 * 60_000;
const EARLY_RENEW_MS = 5 * 60_000;
const STATES = new Set(['developer', 'trial', 'formal']);
const LANGS = new Set(['zh_CN', 'en_US', 'zh_HK', 'zh_TW']);

type Json = Record<string, unknown>;
const ok = (extra: Json = {}): Json => ({ errcode: 0, errmsg: 'ok', ...extra });
const err = (errcode: number, errmsg: string): Json => ({ errcode, errmsg: `${errmsg} rid: standin` });
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A local server speaking WeChat's protocol for login, stable access tokens, subscribe messages and ID-card OCR. */
export async function startWechatStandin(options: WechatStandinOptions = {}): Promise<WechatStandin> {
  const appId = options.appId ?? 'wx-test';
  const secret = options.secret ?? 'secret';
  const lifetimeMs = (options.tokenExpiresIn ?? 7200) * 1000;
  const now = options.now ?? Date.now;
  const codes = new Map<string, { openid: string; unionid?: string; issuedAt: number; used: boolean }>();
  const tokenState = new Map<string, { expiresAt: number; revoked: boolean }>();
  const refused = new Set<string>();
  const failures = new Map<StandinEndpoint, StandinFailure[]>();
  let current: string | undefined;

  const calls: Record<StandinEndpoint, number> = { jscode2session: 0, token: 0, send: 0, ocr: 0 };
  const standin: Omit<WechatStandin, 'url' | 'close'> = {
    calls,
    messages: [],
    ocrUploads: [],
    tokens: [],
    sessionKeys: [],
    ocrAnswer: ok({ type: 'Front', name: '张三', id: '230103198506150012', addr: '黑龙江省哈尔滨市南岗区学府路1号', gender: '男', nationality: '汉' }),
    issueCode(openid, unionid) {
      const code = randomBytes(16).toString('hex');
      codes.set(code, { openid, unionid, issuedAt: now(), used: false });
      return code;
    },
    revokeTokens() {
      for (const state of tokenState.values()) state.revoked = true;
    },
    refuse(openid) {
      refused.add(openid);
    },
    failNext(endpoint, count, how) {
      failures.set(endpoint, [...(failures.get(endpoint) ?? []), ...Array<StandinFailure>(count).fill(how)]);
    },
  };

  function login(query: URLSearchParams): Json {
    if (query.get('appid') !== appId) return err(40013, 'invalid appid');
    if (query.get('secret') !== secret) return err(40125, 'invalid appsecret');
    if (query.get('grant_type') !== 'authorization_code') return err(40002, 'invalid grant_type');
    const code = query.get('js_code');
    if (!code) return err(41008, 'missing code');
    const issued = codes.get(code);
    if (!issued || now() - issued.issuedAt > CODE_TTL_MS) return err(40029, 'invalid code');
    if (issued.used) return err(40163, 'code been used');
    issued.used = true;
    const sessionKey = randomBytes(16).toString('base64');
    standin.sessionKeys.push(sessionKey);
    return { openid: issued.openid, session_key: sessionKey, ...(issued.unionid ? { unionid: issued.unionid } : {}) };
  }

  // getStableAccessToken: the same token for everyone until its last 5 minutes, then a new one.
  function stableToken(body: unknown): Json {
    if (!isRecord(body) || body.grant_type !== 'client_credential') return err(40002, 'invalid grant_type');
    if (body.appid !== appId) return err(40013, 'invalid appid');
    if (body.secret !== secret) return err(40125, 'invalid appsecret');
    const state = current === undefined ? undefined : tokenState.get(current);
    if (body.force_refresh === true && state) state.revoked = true;
    if (!current || !state || state.revoked || state.expiresAt - now() <= EARLY_RENEW_MS) {
      current = `standin-token-${standin.tokens.length + 1}-${randomBytes(6).toString('hex')}`;
      tokenState.set(current, { expiresAt: now() + lifetimeMs, revoked: false });
      standin.tokens.push(current);
    }
    return { access_token: current, expires_in: Math.floor((tokenState.get(current)!.expiresAt - now()) / 1000) };
  }

  function tokenProblem(token: string | null): Json | undefined {
    if (!token) return err(41001, 'access_token missing');
    const state = tokenState.get(token);
    if (!state || state.revoked) return err(40001, 'invalid credential, access_token is invalid or not latest');
    if (now() >= state.expiresAt) return err(42001, 'access_token expired');
    return undefined;
  }

  function send(query: URLSearchParams, body: unknown): Json {
    const accessToken = query.get('access_token');
    const problem = tokenProblem(accessToken);
    if (problem) return problem;
    if (!isRecord(body)) return err(47001, 'data format error');
    if (typeof body.touser !== 'string' || !body.touser) return err(40003, 'invalid openid');
    if (typeof body.template_id !== 'string' || !body.template_id) return err(40037, 'invalid template_id');
    const data = body.data;
    if (!isRecord(data) || Object.keys(data).length === 0) return err(47003, 'argument invalid! data invalid');
    for (const [key, entry] of Object.entries(data)) {
      if (!isRecord(entry) || typeof entry.value !== 'string') return err(47003, `argument invalid! data.${key}.value invalid`);
    }
    if (body.miniprogram_state !== undefined && !STATES.has(String(body.miniprogram_state))) return err(47003, 'invalid miniprogram_state');
    if (body.lang !== undefined && !LANGS.has(String(body.lang))) return err(47003, 'invalid lang');
    if (body.page !== undefined && typeof body.page !== 'string') return err(41030, 'invalid page');
    if (refused.has(body.touser)) return err(43101, 'user refuse to accept the msg');
    standin.messages.push({ ...(body as unknown as ReceivedSubscribeMessage), accessToken: accessToken! });
    return ok({ msgid: standin.messages.length });
  }

  async function ocr(query: URLSearchParams, request: IncomingMessage, raw: Buffer): Promise<Json> {
    const problem = tokenProblem(query.get('access_token'));
    if (problem) return problem;
    const contentType = request.headers['content-type'] ?? '';
    if (!contentType.startsWith('multipart/form-data')) return err(41005, 'media data missing');
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const img = form.get('img');
    if (img === null || typeof img === 'string') return err(41005, 'media data missing');
    const bytes = Buffer.from(await img.arrayBuffer());
    if (bytes.length === 0) return err(101000, 'invalid image url');
    standin.ocrUploads.push({ mode: query.get('type'), fileName: img.name, contentType: img.type, bytes });
    return standin.ocrAnswer;
  }

  async function route(request: IncomingMessage, raw: Buffer): Promise<{ endpoint: StandinEndpoint; answer: () => Promise<Json> } | undefined> {
    const url = new URL(request.url ?? '/', 'http://standin');
    const json = (): unknown => {
      try {
        return JSON.parse(raw.toString('utf8'));
      } catch {
        return undefined;
      }
    };
    const key = `${request.method} ${url.pathname}`;
    if (key === 'GET /sns/jscode2session') return { endpoint: 'jscode2session', answer: async () => login(url.searchParams) };
    if (key === 'POST /cgi-bin/stable_token') return { endpoint: 'token', answer: async () => stableToken(json()) };
    if (key === 'POST /cgi-bin/message/subscribe/send') return { endpoint: 'send', answer: async () => send(url.searchParams, json()) };
    if (key === 'POST /cv/ocr/idcard') return { endpoint: 'ocr', answer: () => ocr(url.searchParams, request, raw) };
    return undefined;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const matched = await route(request, Buffer.concat(chunks));
    if (!matched) {
      response.writeHead(404).end();
      return;
    }
    calls[matched.endpoint] += 1;
    const failure = failures.get(matched.endpoint)?.shift();
    if (failure === 'stall') return; // never answer; close() cuts the connection
    if (failure === 'http500') {
      response.writeHead(500, { 'content-type': 'text/html' }).end('<html>500 Internal Server Error</html>');
      return;
    }
    const answer = failure === 'busy' ? err(-1, 'system error') : failure !== undefined ? err(failure, 'injected failure') : await matched.answer();
    // WeChat answers errors with HTTP 200 and an errcode; jscode2session even labels its JSON text/plain.
    const type = matched.endpoint === 'jscode2session' ? 'text/plain' : 'application/json; encoding=utf-8';
    response.writeHead(200, { 'content-type': type }).end(JSON.stringify(answer));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(standin, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
