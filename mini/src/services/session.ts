import Taro from '@tarojs/taro';
import type { LoginResponse, Role } from '@duanka/shared';

export type Staff = LoginResponse['staff'];

export interface Session {
  accessToken: string;
  /** Epoch milliseconds after which the token is no longer accepted. */
  expiresAt: number;
  staff: Staff;
}

const KEY = 'duanka.session';

export function saveSession(login: LoginResponse, now = Date.now()): Session {
  const session: Session = { accessToken: login.accessToken, expiresAt: now + login.expiresIn * 1000, staff: login.staff };
  Taro.setStorageSync(KEY, session);
  return session;
}

/** The stored session, or null when there is none or it has expired. */
export function currentSession(now = Date.now()): Session | null {
  const stored = Taro.getStorageSync(KEY) as Session | '' | undefined;
  if (!stored || typeof stored !== 'object' || !stored.accessToken) return null;
  return stored.expiresAt > now ? stored : null;
}

export function clearSession(): void {
  Taro.removeStorageSync(KEY);
}

export const LOGIN_PAGE = '/pages/login/index';

export const PAGES = {
  tellerHome: '/teller/pages/home/index',
  bankForm: '/teller/pages/bank/index',
  simForm: '/teller/pages/sim/index',
  verdict: '/teller/pages/verdict/index',
  queue: '/teller/pages/queue/index',
  policeHome: '/police/pages/home/index',
  alertDetail: '/police/pages/alert/index',
  personTimeline: '/police/pages/person/index',
  dashboard: '/dashboard/pages/index/index',
  adminHome: '/admin/pages/home/index',
  rules: '/admin/pages/rules/index',
  rule: '/admin/pages/rule/index',
  watchlists: '/admin/pages/watchlists/index',
  staff: '/admin/pages/staff/index',
  audit: '/admin/pages/audit/index',
} as const;

/** Where each role lands after logging in. */
export function homePageFor(role: Role): string {
  switch (role) {
    case 'TELLER':
      return PAGES.tellerHome;
    case 'POLICE_OFFICER':
    case 'SQUAD_ADMIN':
      return PAGES.policeHome;
    case 'INSTITUTION_ADMIN':
    case 'SYSTEM_ADMIN':
      return PAGES.adminHome;
    default:
      return LOGIN_PAGE;
  }
}

export interface AreaTab {
  key: 'alerts' | 'dashboard' | 'admin';
  title: string;
  url: string;
}

/** The areas a role moves between from the top of its home pages (none for a teller). */
export function areaTabsFor(role: Role): AreaTab[] {
  const alerts: AreaTab = { key: 'alerts', title: '告警', url: PAGES.policeHome };
  const dashboard: AreaTab = { key: 'dashboard', title: '统计', url: PAGES.dashboard };
  const admin: AreaTab = { key: 'admin', title: '管理', url: PAGES.adminHome };
  switch (role) {
    case 'POLICE_OFFICER':
      return [alerts, dashboard];
    case 'SQUAD_ADMIN':
      return [alerts, dashboard, admin];
    case 'INSTITUTION_ADMIN':
      return [admin, dashboard];
    default:
      return [];
  }
}
