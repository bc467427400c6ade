import type { LoginResponse, OpeningResult, RuleHit } from '@duanka/shared';

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
