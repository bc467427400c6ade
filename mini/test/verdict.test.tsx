import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { VerdictView, type VerdictModel } from '../src/components/verdict-view';
import { VerdictPage } from '../src/teller/pages/verdict';
import { saveSession } from '../src/services/session';
import { rememberVerdict } from '../src/services/verdict-store';
import { shortDateTime } from '../src/services/format';
import { loginResponse, openingResult, ruleHit } from './factories';
import { answerWith, setRouterParams, Taro } from './stand-ins/taro';

const noop = () => undefined;

function model(overrides: Partial<VerdictModel>): VerdictModel {
  return {
    id: 'opening-1',
    verdict: 'PASS',
    advice: '未发现风险，可以继续办理。',
    hits: [],
    person: { maskedIdNumber: '110105********002X', age: 75, sex: 'F', regionName: '北京市朝阳区' },
    ...overrides,
  };
}

describe('verdict screen', () => {
  it('PASS: green, 通过, nothing to explain, 已办理 is the main button', async () => {
    const { container } = render(<VerdictView model={model({})} busy={false} onOutcome={noop} onHome={noop} />);
    expect(container.querySelector('.verdict')?.classList.contains('verdict--pass')).toBe(true);
    expect(await screen.findByText('通过', { selector: '.verdict__title' })).toBeTruthy();
    expect(screen.getByText('未发现风险，可以继续办理')).toBeTruthy();
    expect(screen.queryByText('原因')).toBeNull();
    expect(screen.getByRole('button', { name: '已办理' }).className).toContain('btn--primary');
    expect(screen.getByText('110105********002X')).toBeTruthy();
    expect(screen.getByText('年龄 75 岁')).toBeTruthy();
    expect(screen.getByText('性别 女')).toBeTruthy();
    expect(screen.getByText('籍贯 北京市朝阳区')).toBeTruthy();
  });

  it('VERIFY: amber, 需核实, every reason with its advice and evidence', async () => {
    const hits = [
      ruleHit(),
      ruleHit({ rule: 'TWO_CARD_COMBO', title: '48小时内办卡又开户', explanation: '该客户昨天刚办理了一张电话卡。', advice: '请核实是否本人使用。', evidence: [{ kind: 'OPENING', text: '中国移动 139****5678' }] }),
    ];
    const advice = '请当面核实客户身份与开户用途，进行防诈骗提示。';
    const { container } = render(<VerdictView model={model({ verdict: 'VERIFY', hits, advice })} busy={false} onOutcome={noop} onHome={noop} />);
    expect(container.querySelector('.verdict')?.classList.contains('verdict--verify')).toBe(true);
    expect(await screen.findByText('需核实', { selector: '.verdict__title' })).toBeTruthy();
    expect(screen.getByText('发现 2 项需要当面核实的情况')).toBeTruthy();
    expect(screen.getByText(advice)).toBeTruthy();
    expect(screen.getByText('短期内多家银行开户')).toBeTruthy();
    expect(screen.getByText('该客户 7 天内已在 2 家银行新开 3 个账户。')).toBeTruthy();
    expect(screen.getByText('建议：请询问开户用途，必要时要求提供工作证明。')).toBeTruthy();
    expect(screen.getByText('工商银行南岗支行 Ⅰ类户')).toBeTruthy();
    expect(screen.getByText('48小时内办卡又开户')).toBeTruthy();
    expect(screen.getByText('中国移动 139****5678')).toBeTruthy();
  });

  it('does not repeat the time when the evidence text already starts with it', () => {
    const at = '2025-11-26T01:30:00.000Z';
    const stamp = shortDateTime(at);
    const hit = ruleHit({ evidence: [{ kind: 'OPENING', at, text: `${stamp} 在工商银行南岗支行开立I类户` }] });
    render(<VerdictView model={model({ verdict: 'VERIFY', hits: [hit] })} busy={false} onOutcome={noop} onHome={noop} />);
    expect(screen.getByText(`${stamp} 在工商银行南岗支行开立I类户`)).toBeTruthy();
    expect(document.querySelector('.hit__evidence-at')).toBeNull();
  });

  it('STOP: red, 停止办理, the reason, and 已移交公安 as the main button', async () => {
    const hit = ruleHit({ rule: 'WATCHLIST_PUNISHED', level: 'STOP', title: '断卡惩戒对象', explanation: '该客户因出售银行卡被列入惩戒名单，5 年内不得新开账户。', advice: '请拒绝办理并移交公安。', evidence: [] });
    const { container } = render(
      <VerdictView model={model({ verdict: 'STOP', hits: [hit], advice: '请暂停办理、不要发卡。' })} busy={false} onOutcome={noop} onHome={noop} />,
    );
    expect(container.querySelector('.verdict')?.classList.contains('verdict--stop')).toBe(true);
    expect(await screen.findByText('停止办理', { selector: '.verdict__title' })).toBeTruthy();
    expect(screen.getByText('发现 1 项风险，请不要发卡')).toBeTruthy();
    const reason = screen.getByText('断卡惩戒对象').closest('.hit') as HTMLElement;
    expect(reason.className).toContain('hit--stop');
    expect(within(reason).getByText('该客户因出售银行卡被列入惩戒名单，5 年内不得新开账户。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '已移交公安' }).className).toContain('btn--danger');
  });

  it('records the outcome the teller taps and goes back to the home page', async () => {
    saveSession(loginResponse());
    const result = openingResult({ verdict: 'VERIFY', hits: [ruleHit()] });
    rememberVerdict(result);
    setRouterParams({ id: result.id });
    render(<VerdictPage />);
    answerWith(200, { id: result.id, outcome: 'REFUSED' });
    fireEvent.click(await screen.findByRole('button', { name: '已拒绝' }));

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/teller/pages/home/index' }));
    expect(Taro.request).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/api/openings/${result.id}/outcome`, method: 'POST', data: { outcome: 'REFUSED' } }),
    );
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已登记：已拒绝办理' }));
  });

  it('asks for confirmation before recording 已办理 against a STOP verdict', async () => {
    saveSession(loginResponse());
    const result = openingResult({ verdict: 'STOP', hits: [ruleHit({ level: 'STOP' })] });
    rememberVerdict(result);
    setRouterParams({ id: result.id });
    Taro.showModal.mockImplementationOnce(async () => ({ confirm: false, cancel: true }));
    render(<VerdictPage />);
    fireEvent.click(await screen.findByRole('button', { name: '已办理' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认已办理？' })));
    expect(Taro.request).not.toHaveBeenCalled();
  });

  it('reopened from 今日登记, loads the stored verdict from the server', async () => {
    saveSession(loginResponse());
    setRouterParams({ id: 'opening-9' });
    answerWith(200, {
      id: 'opening-9', kind: 'SIM', maskedIdNumber: '230102********1234', maskedName: '李*', verdict: 'VERIFY', outcome: null,
      openedAt: '2025-11-28T02:00:00.000Z', summary: '电话卡 139****5678', hits: [ruleHit({ title: '短期内多次办卡' })], advice: '请当面核实。',
    });
    render(<VerdictPage />);
    expect(await screen.findByText('短期内多次办卡')).toBeTruthy();
    expect(screen.getByText('需核实', { selector: '.verdict__title' })).toBeTruthy();
    expect(screen.getByText('李*')).toBeTruthy();
    expect(Taro.request).toHaveBeenCalledWith(expect.objectContaining({ url: '/api/openings/opening-9', method: 'GET' }));
  });

  it('reopened from 今日登记, shows the police feedback even for the verdict the device remembers', async () => {
    saveSession(loginResponse());
    const result = openingResult({ verdict: 'STOP', hits: [ruleHit({ level: 'STOP' })], alertId: 'alert-1' });
    rememberVerdict(result);
    setRouterParams({ id: result.id, from: 'history' });
    answerWith(200, {
      id: result.id, kind: 'BANK', maskedIdNumber: '110105********002X', maskedName: '张*', verdict: 'STOP', outcome: 'REFERRED',
      openedAt: '2025-11-28T02:00:00.000Z', summary: 'I类户', hits: result.hits, advice: '请暂停办理。',
      person: { maskedIdNumber: '110105********002X', age: 75, sex: 'F', regionName: '北京市朝阳区' },
      alert: { id: 'alert-1', status: 'CLOSED', statusLabel: '已办结', disposition: 'WARNED', dispositionLabel: '已警示劝导' },
    });
    render(<VerdictPage />);
    expect(await screen.findByText('公安处置：已警示劝导 · 已办结')).toBeTruthy();
    expect(screen.getByText('已登记办理结果：已移交公安')).toBeTruthy();
    expect(screen.getByText('年龄 75 岁')).toBeTruthy();
  });

  it('right after a STOP, says the alert went to the police without asking the server again', async () => {
    saveSession(loginResponse());
    const result = openingResult({ verdict: 'STOP', hits: [ruleHit({ level: 'STOP' })], alertId: 'alert-1' });
    rememberVerdict(result);
    setRouterParams({ id: result.id });
    render(<VerdictPage />);
    expect(await screen.findByText('已推送辖区公安，处置结果会反馈到这里和「今日登记」')).toBeTruthy();
    expect(Taro.request).not.toHaveBeenCalled();
  });
});
