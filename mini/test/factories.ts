import type { LoginResponse, OpeningResult, RuleHit } from '@duanka/shared';
import type { AlertActionKind, AlertEvent, AlertView, PoliceUnitItem, StatsOverview } from '../src/services/api-types';

export function loginResponse(overrides: Partial<LoginResponse> = {}, staff: Partial<LoginResponse['staff']> = {}): LoginResponse {
  return {
    accessToken: 'access-token',
    expiresIn: 8 * 3600,
    staff: { id: 'staff-1', username: 'teller01', displayName: '王柜员', role: 'TELLER', branchId: 'branch-1', ...staff },
    ...overrides,
  } as LoginResponse;
}

export function ruleHit(overrides: Partial<RuleHit> = {}): RuleHit {
  return {
    rule: 'MULTI_BANK_BURST',
    level: 'VERIFY',
    title: '短期内多家银行开户',
    explanation: '该客户 7 天内已在 2 家银行新开 3 个账户。',
    advice: '请询问开户用途，必要时要求提供工作证明。',
    evidence: [{ kind: 'OPENING', text: '工商银行南岗支行 Ⅰ类户', at: '2025-11-26T09:30:00.000Z' }],
    ...overrides,
  } as RuleHit;
}

export function openingResult(overrides: Partial<OpeningResult> = {}): OpeningResult {
  return {
    id: '3b241101-e2bb-4255-8caf-4136c566a962',
    kind: 'BANK',
    verdict: 'PASS',
    hits: [],
    advice: '未发现风险，可以继续办理。',
    replayed: false,
    person: { maskedIdNumber: '110105********002X', age: 75, sex: 'F', regionName: '北京市朝阳区' },
    createdAt: '2025-11-28T06:00:00.000Z',
    ...overrides,
  } as OpeningResult;
}

export const UNITS = {
  city: 'unit-city',
  nangang: 'unit-nangang',
  station: 'unit-nangang-station',
  daoli: 'unit-daoli',
} as const;

/** The police tree of these tests: city → 南岗分局 → 花园街派出所, and 道里分局. */
export function policeUnits(): PoliceUnitItem[] {
  return [
    { id: UNITS.city, parentId: null, code: 'HRB', name: '哈尔滨市公安局反电诈中心', level: 'CITY' },
    { id: UNITS.nangang, parentId: UNITS.city, code: 'HRB-230103', name: '南岗分局', level: 'DISTRICT' },
    { id: UNITS.station, parentId: UNITS.nangang, code: 'HRB-230103-01', name: '南岗分局花园街派出所', level: 'STATION' },
    { id: UNITS.daoli, parentId: UNITS.city, code: 'HRB-230102', name: '道里分局', level: 'DISTRICT' },
  ];
}

let alertSerial = 0;

export function alertView(overrides: Partial<AlertView> = {}): AlertView {
  alertSerial += 1;
  return {
    id: `alert-${alertSerial}`,
    kind: 'OPENING',
    level: 'STOP',
    status: 'NEW',
    title: `工商银行南岗支行：同一银行重复开立I类户 ${alertSerial}`,
    rules: ['CLASS_I_DUPLICATE'],
    ownerUnit: { id: UNITS.station, name: '南岗分局花园街派出所' },
    assigneeId: null,
    branch: { id: 'branch-1', name: '工商银行南岗支行' },
    institutionId: 'institution-icbc',
    personId: 'person-1',
    openingId: 'opening-1',
    hits: [ruleHit({ rule: 'CLASS_I_DUPLICATE', level: 'STOP', title: '同一银行重复开立I类户' })],
    createdAt: '2025-11-28T06:00:00.000Z',
    updatedAt: '2025-11-28T06:00:00.000Z',
    acceptDueAt: '2099-11-28T06:30:00.000Z',
    disposeDueAt: null,
    overdue: false,
    escalations: 0,
    disposition: null,
    label: null,
    closedAt: null,
    ...overrides,
  };
}

export function alertEvent(seq: number, action: AlertActionKind, alert: AlertView): AlertEvent {
  return {
    seq,
    action: { seq, action, at: alert.updatedAt, actorId: null, fromStatus: null, toStatus: alert.status, outcome: null, note: null },
    alert,
  };
}

export function statsOverview(overrides: Partial<StatsOverview> = {}): StatsOverview {
  return {
    days: 30,
    today: { openings: 98, bank: 53, sim: 45, pass: 91, verify: 3, stop: 4, refused: 2, alerts: 7 },
    perDay: [
      { day: '2025-11-26', bank: 52, sim: 25, verify: 1, stop: 0, refused: 0, alerts: 1 },
      { day: '2025-11-27', bank: 69, sim: 32, verify: 3, stop: 3, refused: 2, alerts: 5 },
      { day: '2025-11-28', bank: 53, sim: 45, verify: 3, stop: 4, refused: 2, alerts: 7 },
    ],
    byInstitution: [
      { institutionId: 'i-icbc', name: '中国工商银行', openings: 96, verify: 1, stop: 0, refused: 0 },
      { institutionId: 'i-cmcc', name: '中国移动', openings: 273, verify: 2, stop: 2, refused: 4 },
    ],
    byDistrict: [
      { district: '230102', name: '黑龙江省哈尔滨市道里区', openings: 157, stop: 0, alerts: 1 },
      { district: '230103', name: '黑龙江省哈尔滨市南岗区', openings: 225, stop: 1, alerts: 3 },
    ],
    alerts: {
      total: 13,
      byState: { NEW: 6, ACCEPTED: 2, IN_PROGRESS: 1, DISPOSED: 1, CLOSED: 3 },
      byRule: [
        { rule: 'CLASS_I_DUPLICATE', alerts: 4, labelled: 3, confirmed: 2, confirmedRate: 2 / 3 },
        { rule: 'SHARED_PHONE', alerts: 2, labelled: 0, confirmed: 0, confirmedRate: null },
        { rule: 'VULNERABLE', alerts: 0, labelled: 0, confirmed: 0, confirmedRate: null },
      ],
      closedLoopRate: 3 / 13,
      medianMinutesToAccept: 12.5,
      medianHoursToClose: 5.25,
      overdue: 2,
    },
    ...overrides,
  };
}
