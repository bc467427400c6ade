import Taro from '@tarojs/taro';
import type {
  AlertStatus, AuditPage, BankOpeningRequest, LoginResponse, OpeningResult, Outcome, RuleCode, RuleHit, SimRegistrationRequest, Verdict,
  WatchlistKind,
} from '@duanka/shared';
import type {
  AlertDetail, AlertView, AssignInput, BacktestReport, BacktestRequest, BranchItem, DisposeInput, NewStaff,
  OpeningAlertFeedback, PersonTimeline, PoliceUnitItem, RuleChange, RuleItem, RuleVersion, StaffItem, StatsOverview,
  StatsTable, WatchlistEntry, WatchlistImportResult, WatchlistInput,
} from './api-types';
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
  cancelledAt?: string | null;
  /** The police's handling of the alert this opening raised (null when it raised none). */
  alert?: OpeningAlertFeedback | null;
}

/** `GET /api/openings/:id`: a list row with the reasons, for a verdict reopened from the history. */
export interface OpeningDetail extends OpeningListItem {
  hits: RuleHit[];
  advice: string;
  person?: { maskedIdNumber: string; age: number; sex: 'M' | 'F'; regionName: string };
  /** Only in answers to the police. */
  personId?: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const API_BASE = (process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '');

/** Absolute URL of an API path, e.g. apiUrl('/alerts/stream'). */
export function apiUrl(path: string): string {
  return `${API_BASE}/api${path}`;
}
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

async function call<T>(method: Method, path: string, data?: object, dataType: 'json' | 'text' = 'json'): Promise<T> {
  const session = currentSession();
  const header: Record<string, string> = { 'Content-Type': 'application/json' };
  if (session) header.Authorization = `Bearer ${session.accessToken}`;

  let response: Taro.request.SuccessCallbackResult<object | string>;
  try {
    // Every request with a method other than GET carries a JSON body, if only `{}`: the server
    // refuses an empty body announced as JSON (a DELETE would otherwise be sent that way).
    const body = method === 'GET' ? data : data ?? {};
    response = await Taro.request<object | string>({ url: apiUrl(path), method, data: body, header, timeout: TIMEOUT_MS, dataType });
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
  recognizeIdCard: (image: string, contentType: 'image/jpeg' | 'image/png') =>
    call<{ side: string; idNumber?: string; name?: string }>('POST', '/openings/ocr/id-card', { image, contentType }),
  listOpenings: (date: string) => call<{ items: OpeningListItem[] }>('GET', `/openings?date=${encodeURIComponent(date)}`),
  openingDetail: (openingId: string) => call<OpeningDetail>('GET', `/openings/${encodeURIComponent(openingId)}`),

  // Police: alerts and their closed loop, a person's city-wide history.
  listAlerts: (status?: AlertStatus, limit = 200) =>
    call<{ items: AlertView[] }>('GET', `/alerts?${query({ status, limit })}`),
  alertDetail: (id: string) => call<AlertDetail>('GET', `/alerts/${seg(id)}`),
  acceptAlert: (id: string, note?: string) => call<AlertView>('POST', `/alerts/${seg(id)}/accept`, noted(note)),
  startAlert: (id: string, note?: string) => call<AlertView>('POST', `/alerts/${seg(id)}/start`, noted(note)),
  disposeAlert: (id: string, { note, ...input }: DisposeInput) => call<AlertView>('POST', `/alerts/${seg(id)}/dispose`, { ...input, ...noted(note) }),
  closeAlert: (id: string, note?: string) => call<AlertView>('POST', `/alerts/${seg(id)}/close`, noted(note)),
  reopenAlert: (id: string, note?: string) => call<AlertView>('POST', `/alerts/${seg(id)}/reopen`, noted(note)),
  assignAlert: (id: string, { note, ...input }: AssignInput) => call<AlertView>('POST', `/alerts/${seg(id)}/assign`, { ...input, ...noted(note) }),
  escalateAlert: (id: string, note: string) => call<AlertView>('POST', `/alerts/${seg(id)}/escalate`, { note }),
  personTimeline: (personId: string) => call<PersonTimeline>('GET', `/persons/${seg(personId)}/timeline`),
  revealPerson: (personId: string, reason: string) =>
    call<{ idNumber: string; name: string }>('POST', `/persons/${seg(personId)}/reveal`, { reason }),

  // Statistics.
  statsOverview: (days = 30) => call<StatsOverview>('GET', `/stats/overview?days=${days}`),
  statsCsv: (table: StatsTable, days = 30) => call<string>('GET', `/stats/export/${table}.csv?days=${days}`, undefined, 'text'),

  // Rules and watchlists (squad).
  listRules: () => call<{ items: RuleItem[] }>('GET', '/rules'),
  ruleVersions: (code: RuleCode) => call<{ items: RuleVersion[] }>('GET', `/rules/${seg(code)}/versions`),
  changeRule: (code: RuleCode, change: RuleChange) => call<RuleVersion>('PUT', `/rules/${seg(code)}`, change),
  backtest: (request: BacktestRequest) => call<BacktestReport>('POST', '/rules/backtest', request),
  listWatchlist: (kind?: WatchlistKind) => call<{ items: WatchlistEntry[] }>('GET', `/watchlists?${query({ kind })}`),
  addWatchlist: (input: WatchlistInput) => call<WatchlistEntry>('POST', '/watchlists', input),
  removeWatchlist: (id: string) => call<void>('DELETE', `/watchlists/${seg(id)}`),
  importWatchlist: (csv: string) => call<WatchlistImportResult>('POST', '/watchlists/import', { csv }),

  // Staff and organisation.
  listStaff: () => call<{ items: StaffItem[] }>('GET', '/staff'),
  createStaff: (input: NewStaff) => call<StaffItem>('POST', '/staff', input),
  updateStaff: (id: string, change: { displayName?: string; active?: boolean }) => call<StaffItem>('PATCH', `/staff/${seg(id)}`, change),
  resetPassword: (id: string, password: string) => call<void>('POST', `/staff/${seg(id)}/password`, { password }),
  branches: () => call<{ items: BranchItem[] }>('GET', '/org/branches'),
  policeUnits: () => call<{ items: PoliceUnitItem[] }>('GET', '/org/police-units'),

  // The audit log (system admin: everything; squad: what police accounts did).
  auditLog: (params: AuditQuery) => call<AuditPage>('GET', `/audit?${query({ ...params })}`),
};

export interface AuditQuery {
  from?: string;
  action?: string;
  actorId?: string;
  subjectId?: string;
  before?: number;
  limit?: number;
}

function seg(value: string): string {
  return encodeURIComponent(value);
}

/** `status=NEW&limit=200`, leaving out what is not set. */
function query(params: Record<string, string | number | undefined>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');
}

/** A note only when there is one: the server rejects an empty string where it expects text. */
function noted(note: string | undefined): { note?: string } {
  const text = note?.trim();
  return text ? { note: text } : {};
}
