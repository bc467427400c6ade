import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { AuditEntryView, AuditPage as AuditPageAnswer } from '@duanka/shared';
import { AuditPage } from '../src/admin/pages/audit';
import { saveSession } from '../src/services/session';
import { loginResponse } from './factories';
import { answerWith, Taro } from './stand-ins/taro';

function entry(seq: number, overrides: Partial<AuditEntryView> = {}): AuditEntryView {
  return {
    seq, at: '2026-11-28T08:30:00.000Z', actorId: 'c0ffee00-0000-7000-8000-000000000001', actorUsername: 'police.nangang',
    actorRole: 'POLICE_OFFICER', action: 'person.reveal', subjectType: 'person', subjectId: 'p-1', ip: '10.1.2.3',
    detail: { reason: '核查告警' }, ...overrides,
  };
}

const page = (items: AuditEntryView[], nextBefore: number | null = null): AuditPageAnswer => ({ items, nextBefore });
const urlOf = (call: number) => String(Taro.request.mock.calls[call][0].url);

describe('audit log page', () => {
  beforeEach(() => saveSession(loginResponse({}, { role: 'SQUAD_ADMIN' })));

  it("shows who revealed what, when, from where and why, in the auditor's words", async () => {
    answerWith(200, page([entry(9), entry(8, { action: 'auth.login_failed', actorUsername: null, actorRole: null, subjectType: 'username', detail: null })]));
    render(<AuditPage />);
    expect(await screen.findByText('查看完整身份证号', { selector: '.audit-entry__action' })).toBeTruthy();
    expect(screen.getByText('police.nangang · 民警 · 10.1.2.3')).toBeTruthy();
    expect(screen.getByText('事由：核查告警')).toBeTruthy();
    expect(screen.getByText('人员 p-1')).toBeTruthy();
    expect(screen.getByText('登录失败', { selector: '.audit-entry__action' })).toBeTruthy();
    expect(screen.getByText('未登录 · 10.1.2.3')).toBeTruthy();
    const url = urlOf(0);
    expect(url).toMatch(/^\/api\/audit\?/);
    expect(url).toContain('limit=50');
    const from = Date.parse(decodeURIComponent(/from=([^&]+)/.exec(url)![1]));
    expect(Math.abs(Date.now() - 86_400_000 - from)).toBeLessThan(60_000);
  });

  it('asks again for the chosen action and window', async () => {
    answerWith(200, page([entry(9)]));
    render(<AuditPage />);
    await screen.findByText('事由：核查告警');
    answerWith(200, page([entry(7, { detail: { reason: '第一页' } })], 7));
    fireEvent.click(screen.getByText('越权访问'));
    await screen.findByText('事由：第一页');
    expect(urlOf(1)).toContain('action=access.denied');
    answerWith(200, page([entry(5, { detail: { reason: '第二页' } })]));
    fireEvent.click(screen.getByText('近 7 天'));
    await screen.findByText('事由：第二页');
    const from = Date.parse(decodeURIComponent(/from=([^&]+)/.exec(urlOf(2))![1]));
    expect(Math.abs(Date.now() - 7 * 86_400_000 - from)).toBeLessThan(60_000);
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();
  });

  it('loads older entries below the ones shown', async () => {
    answerWith(200, page([entry(9, { detail: { reason: '较新' } })], 9));
    render(<AuditPage />);
    await screen.findByText('事由：较新');
    answerWith(200, page([entry(4, { detail: { reason: '较早' } })]));
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    await screen.findByText('事由：较早');
    expect(urlOf(1)).toContain('before=9');
    const reasons = screen.getAllByText(/^事由：/).map((node) => node.textContent);
    expect(reasons).toEqual(['事由：较新', '事由：较早']);
    await waitFor(() => expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull());
  });

  it("says why when the server refuses, in the server's words", async () => {
    answerWith(400, { statusCode: 400, code: 'AUDIT_WINDOW_TOO_LONG', message: '一次最多查询 31 天的审计日志，请缩短时间范围' });
    render(<AuditPage />);
    expect(await screen.findByText('审计日志加载失败')).toBeTruthy();
    expect(screen.getByText('一次最多查询 31 天的审计日志，请缩短时间范围')).toBeTruthy();
  });
});
