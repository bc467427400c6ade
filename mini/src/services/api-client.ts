import Taro from '@tarojs/taro';
import type {
  BankOpeningRequest, LoginResponse, OpeningResult, Outcome, RuleHit, SimRegistrationRequest, Verdict,
} from '@duanka/shared';
import { clearSession, currentSession, LOGIN_PAGE } from './session';

/** The server answered with a non-2xx status; `message` is Chinese and meant for the teller. */
export class ApiError extends Error {
  constructor(readonly statusCode: number, readonly code: string, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

/** No HTTP answer at all: offline, DNS, TLS, timeout. The request may be retried as is. */
export class NetworkError extends Error {
  readonly statusCode = undefined;
  constructor(message = '网络连接失败，请检查网络后重试') {
    super(message);
    this.name = 'NetworkError';
  }
}

/** One row of `GET /api/openings?date=`. */
export interface OpeningListItem {
  id: string;
  kind: 'BANK' | 'SIM';
  maskedIdNumber: string;
  maskedName: string;
  verdict: Verdict;
  outcome?: Outcome | null;
  openedAt: string;
  summary: string;
}

/** `GET /api/openings/:id`: a list row with the reasons, for a verdict reopened from the history. */
export interface OpeningDetail extends OpeningListItem {
  hits: RuleHit[];
  advice: string;
}

type Method = 'GET' | 'POST';

const API_BASE = (process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '');
const TIMEOUT_MS = 15_000;

const FALLBACK_MESSAGE: Record<number, string> = {
  401: '登录已过期，请重新登录',
  403: '您没有权限进行此操作',
  404: '请求的内容不存在',
  429: '请求过于频繁，请稍后再试',
};

function errorFrom(statusCode: number, data: unknown): ApiError {
  const body = (data && typeof data === 'object' ? data : {}) as { code?: unknown; message?: unknown };
  const code = typeof body.code === 'string' ? body.code : `HTTP_${statusCode}`;
  const message =
    typeof body.message === 'string' && body.message
      ? body.message
      : FALLBACK_MESSAGE[statusCode] ?? (statusCode >= 500 ? '系统繁忙，请稍后重试' : '请求未被受理，请检查后重试');
  return new ApiError(statusCode, code, message);
}

async function call<T>(method: Method, path: string, data?: object): Promise<T> {
  const session = currentSession();
  const header: Record<string, string> = { 'Content-Type': 'application/json' };
  if (session) header.Authorization = `Bearer ${session.accessToken}`;

  let response: Taro.request.SuccessCallbackResult<object | string>;
  try {
    response = await Taro.request<object | string>({ url: `${API_BASE}/api${path}`, method, data, header, timeout: TIMEOUT_MS, dataType: 'json' });
  } catch {
    throw new NetworkError();
  }
  const { statusCode } = response;
  if (typeof statusCode !== 'number') throw new NetworkError();
  if (statusCode >= 200 && statusCode < 300) return response.data as T;

  const error = errorFrom(statusCode, response.data);
  if (statusCode === 401 && session) {
    // The token expired or was revoked: start again at the login page.
    clearSession();
    void Taro.reLaunch({ url: LOGIN_PAGE });
  }
  throw error;
}

/** The one typed client of the server's `/api`. Every method rejects with ApiError or NetworkError. */
export const api = {
  login: (username: string, password: string) => call<LoginResponse>('POST', '/auth/login', { username, password }),
  wechatLogin: (code: string) => call<LoginResponse>('POST', '/auth/wechat', { code }),
  bindWechat: (code: string) => call<void>('POST', '/auth/wechat/bind', { code }),
  submitBankOpening: (request: BankOpeningRequest) => call<OpeningResult>('POST', '/openings/bank', request),
  submitSimRegistration: (request: SimRegistrationRequest) => call<OpeningResult>('POST', '/openings/sim', request),
  recordOutcome: (openingId: string, outcome: Outcome) =>
    call<unknown>('POST', `/openings/${encodeURIComponent(openingId)}/outcome`, { outcome }),
  listOpenings: (date: string) => call<{ items: OpeningListItem[] }>('GET', `/openings?date=${encodeURIComponent(date)}`),
  openingDetail: (openingId: string) => call<OpeningDetail>('GET', `/openings/${encodeURIComponent(openingId)}`),
};
