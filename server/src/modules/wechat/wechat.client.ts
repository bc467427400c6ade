import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DomainError, type ErrorKind } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

export interface SubscribeMessage {
  /** The recipient's openid. */
  toUser: string;
  templateId: string;
  /** Mini-program page opened from the notification, e.g. `pages/alert/index?id=…`. */
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
}

export interface IdCardOcrResult {
  side: 'Front' | 'Back';
  idNumber?: string;
  name?: string;
  sex?: string;
  nationality?: string;
  address?: string;
  validDate?: string;
}

export interface WechatTimeouts {
  login: number;
  token: number;
  send: number;
  ocr: number;
}

export interface WechatClientOptions {
  /** Epoch milliseconds. Tests pass a controllable clock to expire tokens without sleeping. */
  now?: () => number;
  timeouts?: Partial<WechatTimeouts>;
}

/** Optional provider for tests; production wiring leaves it out. */
export const WECHAT_CLIENT_OPTIONS = 'WECHAT_CLIENT_OPTIONS';

const DEFAULT_TIMEOUTS: WechatTimeouts = { login: 5_000, token: 5_000, send: 5_000, ocr: 10_000 };
// WeChat hands out a new stable token during the last 5 minutes of the old one, old and new
// both valid meanwhile; refreshing inside that window never leaves us holding a dead token.
const EARLY_REFRESH_MS = 5 * 60_000;
const TOKEN_REJECTED = new Set([40001, 40014, 42001]);
const OCR_MAX_BYTES = 2 * 1024 * 1024;
const OCR_IMAGE_TYPES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/jpg': 'jpg', 'image/png': 'png', 'image/bmp': 'bmp' };

/** What the caller was doing decides what a teller is told to do instead. */
type Purpose = 'login' | 'notify' | 'ocr';

const BY_PURPOSE = {
  WECHAT_DISABLED: {
    kind: 'UNAVAILABLE',
    message: {
      login: '本系统未开通微信登录，请使用账号密码登录',
      notify: '本系统未开通微信通知',
      ocr: '本系统未开通身份证拍照识别，请手工录入身份证信息',
    },
  },
  WECHAT_UNAVAILABLE: {
    kind: 'UNAVAILABLE',
    message: {
      login: '微信服务暂时不可用，请使用账号密码登录',
      notify: '微信服务暂时不可用，请稍后重试',
      ocr: '微信识别服务暂时不可用，请稍后重试或手工录入身份证信息',
    },
  },
  WECHAT_RATE_LIMITED: {
    kind: 'TOO_MANY',
    message: {
      login: '微信登录过于频繁，请稍后再试或使用账号密码登录',
      notify: '微信通知发送过于频繁，请稍后重试',
      ocr: '身份证识别请求过于频繁，请稍后再试或手工录入身份证信息',
    },
  },
  WECHAT_CONFIG_REJECTED: {
    kind: 'UNAVAILABLE',
    message: {
      login: '微信登录配置有误，请使用账号密码登录并联系管理员',
      notify: '微信通知配置有误，请联系管理员',
      ocr: '身份证识别配置有误，请手工录入身份证信息并联系管理员',
    },
  },
} satisfies Record<string, { kind: ErrorKind; message: Record<Purpose, string> }>;

type PurposeCode = keyof typeof BY_PURPOSE;

const RETRYABLE = new Set(['WECHAT_UNAVAILABLE', 'WECHAT_RATE_LIMITED']);

/** Whether trying the same WeChat call again later may succeed (network, WeChat busy, rate limits). */
export function isRetryable(error: unknown): boolean {
  return error instanceof DomainError && RETRYABLE.has(error.code);
}

interface Answer {
  errcode: number;
  errmsg: string;
  body: Record<string, unknown>;
}

interface RequestInit {
  method: 'GET' | 'POST';
  query?: Record<string, string>;
  json?: unknown;
  form?: FormData;
  timeoutMs: number;
}

/** A client of WeChat's server APIs: login code exchange, access token, subscribe messages, ID-card OCR. */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger('WechatClient');
  private readonly now: () => number;
  private readonly timeouts: WechatTimeouts;
  private token?: { value: string; refreshAt: number };
  private pendingToken?: Promise<string>;

  constructor(
    private readonly config: AppConfig,
    @Optional() @Inject(WECHAT_CLIENT_OPTIONS) options?: WechatClientOptions,
  ) {
    this.now = options?.now ?? Date.now;
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options?.timeouts };
  }

  async code2Session(code: string): Promise<WechatSession> {
    const { appId, appSecret } = this.credentials('login');
    const path = '/sns/jscode2session';
    const answer = await this.request('login', path, {
      method: 'GET',
      query: { appid: appId, secret: appSecret, js_code: code, grant_type: 'authorization_code' },
      timeoutMs: this.timeouts.login,
    });
    switch (answer.errcode) {
      case 0:
        break;
      case 40029: // invalid code
      case 40163: // code already used
      case 41008: // code missing
        throw new DomainError('INVALID', 'WECHAT_CODE_INVALID', '微信登录凭证无效或已使用，请重新点击微信登录');
      case 40226:
        throw new DomainError('FORBIDDEN', 'WECHAT_LOGIN_BLOCKED', '微信判定此账号存在风险，暂不能用微信登录，请使用账号密码登录');
      default:
        throw this.failed('login', path, answer);
    }
    const openid = text(answer.body.openid);
    if (!openid) throw this.malformed('login', path);
    // session_key stays here: nothing in this product decrypts user data, so it is never kept or logged.
    const unionid = text(answer.body.unionid);
    return unionid ? { openid, unionid } : { openid };
  }

  /** The app's access token, shared by every caller and fetched again shortly before it expires. */
  accessToken(): Promise<string> {
    return this.obtainToken('notify');
  }

  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    const path = '/cgi-bin/message/subscribe/send';
    const json = {
      touser: message.toUser,
      template_id: message.templateId,
      ...(message.page === undefined ? {} : { page: message.page }),
      data: message.data,
      ...(message.miniprogramState === undefined ? {} : { miniprogram_state: message.miniprogramState }),
      lang: 'zh_CN',
    };
    const answer = await this.withToken('notify', (token) =>
      this.request('notify', path, { method: 'POST', query: { access_token: token }, json, timeoutMs: this.timeouts.send }),
    );
    switch (answer.errcode) {
      case 0:
        return;
      case 43101:
        // The user never subscribed, or used up the one message each subscription allows.
        throw new DomainError('FORBIDDEN', 'WECHAT_NOT_SUBSCRIBED', '对方未订阅或已拒收微信通知，需在小程序内重新开启订阅');
      case 40003: // touser is not an openid of this app
      case 40037: // unknown template
      case 41030: // page not in the released mini-program
      case 47003: // data does not fit the template
        this.logger.warn(`${path} rejected the message: errcode ${answer.errcode} ${clip(answer.errmsg)}`);
        throw new DomainError('INVALID', 'WECHAT_MESSAGE_REJECTED', '微信拒绝了这条通知（模板、页面或接收人有误），请联系管理员', { errcode: answer.errcode });
      default:
        throw this.failed('notify', path, answer);
    }
  }

  async ocrIdCard(image: Buffer, contentType: string): Promise<IdCardOcrResult> {
    const extension = OCR_IMAGE_TYPES[contentType.split(';')[0].trim().toLowerCase()];
    // Checked here so that a bad photo does not spend the daily OCR quota.
    if (!extension || image.length === 0) {
      throw new DomainError('INVALID', 'WECHAT_OCR_IMAGE_INVALID', '请上传 JPG 或 PNG 格式的身份证照片');
    }
    if (image.length >= OCR_MAX_BYTES) {
      throw new DomainError('INVALID', 'WECHAT_OCR_IMAGE_INVALID', '身份证照片不能超过 2MB，请重新拍摄');
    }
    const path = '/cv/ocr/idcard';
    const answer = await this.withToken('ocr', (token) => {
      // A fresh form per attempt: a retried request must not reuse a consumed body.
      const form = new FormData();
      form.append('img', new Blob([image], { type: contentType }), `idcard.${extension}`);
      return this.request('ocr', path, { method: 'POST', query: { type: 'photo', access_token: token }, form, timeoutMs: this.timeouts.ocr });
    });
    switch (answer.errcode) {
      case 0:
        break;
      case 101001: // no ID card found in the picture
        throw new DomainError('INVALID', 'WECHAT_OCR_NO_ID_CARD', '未能在照片中识别到身份证，请对准身份证重新拍摄或手工录入');
      case 101000: // image cannot be read
      case 41005: // no image in the upload
        throw new DomainError('INVALID', 'WECHAT_OCR_IMAGE_INVALID', '照片无法识别，请重新拍摄清晰的身份证照片');
      case 101002: // paid quota used up
        throw new DomainError('UNAVAILABLE', 'WECHAT_OCR_QUOTA_EXHAUSTED', '今日身份证识别次数已用完，请手工录入身份证信息');
      default:
        throw this.failed('ocr', path, answer);
    }
    const side = answer.body.type;
    if (side !== 'Front' && side !== 'Back') {
      throw new DomainError('INVALID', 'WECHAT_OCR_NO_ID_CARD', '未能在照片中识别到身份证，请对准身份证重新拍摄或手工录入');
    }
    const fields = {
      idNumber: text(answer.body.id),
      name: text(answer.body.name),
      sex: text(answer.body.gender),
      nationality: text(answer.body.nationality),
      address: text(answer.body.addr),
      validDate: text(answer.body.valid_date),
    };
    const result: IdCardOcrResult = { side };
    for (const [key, value] of Object.entries(fields) as [keyof typeof fields, string | undefined][]) {
      if (value !== undefined) result[key] = value;
    }
    return result;
  }

  private async obtainToken(purpose: Purpose): Promise<string> {
    const cached = this.token;
    if (cached && this.now() < cached.refreshAt) return cached.value;
    // Single flight: every caller waiting for a token shares one request to WeChat.
    this.pendingToken ??= this.fetchToken().finally(() => {
      this.pendingToken = undefined;
    });
    try {
      return await this.pendingToken;
    } catch (error) {
      // The shared fetch failed in the first caller's words; say it in this caller's.
      throw error instanceof DomainError && isPurposeCode(error.code) ? this.error(purpose, error.code, error.details) : error;
    }
  }

  /**
   * The stable-token endpoint, not /cgi-bin/token: every /cgi-bin/token call replaces the previous
   * token, so several API instances would keep revoking each other's tokens; the stable token is the
   * same for every caller until it is due, so each instance may cache its own copy.
   */
  private async fetchToken(): Promise<string> {
    const { appId, appSecret } = this.credentials('notify');
    const path = '/cgi-bin/stable_token';
    const answer = await this.request('notify', path, {
      method: 'POST',
      json: { grant_type: 'client_credential', appid: appId, secret: appSecret, force_refresh: false },
      timeoutMs: this.timeouts.token,
    });
    if (answer.errcode !== 0) throw this.failed('notify', path, answer);
    const value = text(answer.body.access_token);
    const expiresIn = Number(answer.body.expires_in);
    if (!value || !Number.isFinite(expiresIn) || expiresIn <= 0) throw this.malformed('notify', path);
    const lifetime = expiresIn * 1000;
    this.token = { value, refreshAt: this.now() + lifetime - Math.min(EARLY_REFRESH_MS, lifetime / 2) };
    return value;
  }

  /** Calls an API with the access token; a token WeChat no longer accepts is replaced and the call made once more. */
  private async withToken(purpose: Purpose, call: (token: string) => Promise<Answer>): Promise<Answer> {
    const first = await this.obtainToken(purpose);
    const answer = await call(first);
    if (!TOKEN_REJECTED.has(answer.errcode)) return answer;
    // Forget only the token that failed: a concurrent caller may already have fetched its successor.
    // No force_refresh: that would revoke the token of every other instance, and WeChat allows it 20 times a day.
    if (this.token?.value === first) this.token = undefined;
    const retried = await call(await this.obtainToken(purpose));
    if (!TOKEN_REJECTED.has(retried.errcode)) return retried;
    this.logger.warn(`access token rejected twice in a row: errcode ${retried.errcode}`);
    throw this.error(purpose, 'WECHAT_UNAVAILABLE', { errcode: retried.errcode });
  }

  private credentials(purpose: Purpose): { appId: string; appSecret: string } {
    const { appId, appSecret } = this.config.wechat;
    if (!appId || !appSecret) throw this.error(purpose, 'WECHAT_DISABLED');
    return { appId, appSecret };
  }

  private async request(purpose: Purpose, path: string, init: RequestInit): Promise<Answer> {
    const query = init.query ? `?${new URLSearchParams(init.query)}` : '';
    let response: Response;
    let raw: string;
    try {
      response = await fetch(`${this.config.wechat.apiBase}${path}${query}`, {
        method: init.method,
        headers: init.json === undefined ? undefined : { 'content-type': 'application/json' },
        body: init.form ?? (init.json === undefined ? undefined : JSON.stringify(init.json)),
        signal: AbortSignal.timeout(init.timeoutMs),
      });
      raw = await response.text();
    } catch (error) {
      // The URL carries the secret or the token: log what went wrong, never the address.
      this.logger.warn(`${path} failed: ${describe(error, init.timeoutMs)}`);
      throw this.error(purpose, 'WECHAT_UNAVAILABLE');
    }
    if (!response.ok) {
      this.logger.warn(`${path} answered HTTP ${response.status}`);
      throw this.error(purpose, 'WECHAT_UNAVAILABLE', { status: response.status });
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw this.malformed(purpose, path);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw this.malformed(purpose, path);
    const fields = body as Record<string, unknown>;
    // WeChat's own samples sometimes send errcode as a string ("0").
    const errcode = fields.errcode === undefined ? 0 : Number(fields.errcode);
    return { errcode: Number.isFinite(errcode) ? errcode : -1, errmsg: typeof fields.errmsg === 'string' ? fields.errmsg : '', body: fields };
  }

  /** Failures every WeChat API shares: busy, rate limits, and credentials WeChat refuses. */
  private failed(purpose: Purpose, path: string, answer: Answer): DomainError {
    if (answer.errcode === -1) return this.error(purpose, 'WECHAT_UNAVAILABLE', { errcode: -1 });
    if (answer.errcode === 45009 || answer.errcode === 45011) {
      return this.error(purpose, 'WECHAT_RATE_LIMITED', { errcode: answer.errcode });
    }
    // Wrong AppID or secret, server IP not whitelisted, API not granted...: an operator has to act.
    this.logger.error(`${path} refused: errcode ${answer.errcode} ${clip(answer.errmsg)}`);
    return this.error(purpose, 'WECHAT_CONFIG_REJECTED', { errcode: answer.errcode });
  }

  private malformed(purpose: Purpose, path: string): DomainError {
    this.logger.warn(`${path} answered something that is not WeChat's JSON`);
    return this.error(purpose, 'WECHAT_UNAVAILABLE');
  }

  private error(purpose: Purpose, code: PurposeCode, details?: unknown): DomainError {
    const known = BY_PURPOSE[code];
    return new DomainError(known.kind, code, known.message[purpose], details);
  }
}

function isPurposeCode(code: string): code is PurposeCode {
  return Object.hasOwn(BY_PURPOSE, code);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function clip(message: string): string {
  return message.length > 160 ? `${message.slice(0, 160)}…` : message;
}

function describe(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? cause.code : error.name;
}
