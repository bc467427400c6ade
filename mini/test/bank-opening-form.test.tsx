import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ageOn, checkBankCard, checkIdNumber, checkMobile, LABELS } from '@duanka/shared';
import { BankOpeningPage } from '../src/teller/pages/bank';
import { offlineQueue } from '../src/services/offline-sync';
import { saveSession } from '../src/services/session';
import { loginResponse, openingResult } from './factories';
import { leave, pick, submitButton, type } from './helpers';
import { answerWith, failNetwork, setRouterParams, Taro } from './stand-ins/taro';

const VALID_ID = '11010519491231002X';
const BAD_CHECK_DIGIT = '110105194912310021';
const VALID_CARD = '6222020200112233446';
const BAD_LUHN = '6222020200112233445';

function fillValidForm(): void {
  type('请输入18位身份证号', VALID_ID);
  type('与身份证一致', '张三');
  pick('账户类别', LABELS.accountClass.II);
  type('请输入银行卡号', VALID_CARD);
  type('请输入预留手机号', '13812345678');
  pick('开户用途', LABELS.purpose[Object.keys(LABELS.purpose)[0] as keyof typeof LABELS.purpose]);
  pick('是否有人陪同', LABELS.relation.NONE);
}

beforeEach(() => saveSession(loginResponse()));

describe('bank opening form', () => {
  it('says nothing while the ID is being typed, then shows the check-digit error from the shared check', async () => {
    render(<BankOpeningPage />);
    type('请输入18位身份证号', BAD_CHECK_DIGIT.slice(0, 17));
    expect(document.querySelector('.field__error')).toBeNull();

    type('请输入18位身份证号', BAD_CHECK_DIGIT);
    const expected = checkIdNumber(BAD_CHECK_DIGIT);
    expect(expected.ok).toBe(false);
    expect(await screen.findByText(expected.ok ? '' : expected.message)).toBeTruthy();
  });

  it('shows age, sex and region of issue under a valid ID number', async () => {
    render(<BankOpeningPage />);
    type('请输入18位身份证号', VALID_ID);
    const info = checkIdNumber(VALID_ID);
    if (!info.ok) throw new Error('test ID must be valid');
    expect(await screen.findByText(`年龄 ${ageOn(info.value.birthDate, new Date())} 岁`)).toBeTruthy();
    expect(screen.getByText(`性别 ${info.value.sex === 'F' ? '女' : '男'}`)).toBeTruthy();
    expect(screen.getByText(`籍贯 ${info.value.regionName}`)).toBeTruthy();
  });

  it('shows the Luhn error when the card field is left, and the issuer for a good card', async () => {
    render(<BankOpeningPage />);
    type('请输入银行卡号', BAD_LUHN);
    leave('请输入银行卡号');
    const bad = checkBankCard(BAD_LUHN);
    expect(await screen.findByText(bad.ok ? '' : bad.message)).toBeTruthy();

    type('请输入银行卡号', VALID_CARD);
    const good = checkBankCard(VALID_CARD);
    if (!good.ok) throw new Error('test card must be valid');
    expect(await screen.findByText(new RegExp(`尾号 ${good.value.last4}`))).toBeTruthy();
    expect(screen.queryByText(bad.ok ? '' : bad.message)).toBeNull();
  });

  it('shows the phone error for a malformed number, and the carrier for a good one', async () => {
    render(<BankOpeningPage />);
    type('请输入预留手机号', '12345678901');
    const bad = checkMobile('12345678901');
    expect(await screen.findByText(bad.ok ? '' : bad.message)).toBeTruthy();

    type('请输入预留手机号', '13812345678');
    const good = checkMobile('13812345678');
    if (!good.ok) throw new Error('test phone must be valid');
    expect(await screen.findByText(new RegExp(LABELS.carrier[good.value.carrier]))).toBeTruthy();
  });

  it('keeps 提交研判 disabled until every answer is there and valid', async () => {
    render(<BankOpeningPage />);
    expect(submitButton().disabled).toBe(true);
    fillValidForm();
    await waitFor(() => expect(submitButton().disabled).toBe(false));

    type('请输入银行卡号', BAD_LUHN);
    await waitFor(() => expect(submitButton().disabled).toBe(true));
    type('请输入银行卡号', VALID_CARD);
    await waitFor(() => expect(submitButton().disabled).toBe(false));
  });

  it('asks for the companion’s name and a valid phone when someone accompanies the customer', async () => {
    render(<BankOpeningPage />);
    fillValidForm();
    const relation = Object.keys(LABELS.relation).find((r) => r !== 'NONE') as keyof typeof LABELS.relation;
    pick('是否有人陪同', LABELS.relation[relation]);
    await waitFor(() => expect(submitButton().disabled).toBe(true));
    type('请输入陪同人姓名', '李四');
    type('请输入陪同人手机号', '1391234567');
    leave('请输入陪同人手机号');
    const bad = checkMobile('1391234567');
    expect(await screen.findByText(bad.ok ? '' : bad.message)).toBeTruthy();
    expect(submitButton().disabled).toBe(true);
    type('请输入陪同人手机号', '13912345678');
    await waitFor(() => expect(submitButton().disabled).toBe(false));
  });

  it('submits the opening with a client-generated id and opens the verdict', async () => {
    render(<BankOpeningPage />);
    fillValidForm();
    const result = openingResult({ verdict: 'VERIFY' });
    answerWith(201, result);
    await waitFor(() => expect(submitButton().disabled).toBe(false));
    fireEvent.click(submitButton());

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/teller/pages/verdict/index?id=${result.id}` }));
    const sent = Taro.request.mock.calls[0][0];
    expect(sent).toMatchObject({ url: '/api/openings/bank', method: 'POST' });
    expect(sent.data).toMatchObject({
      idNumber: VALID_ID, name: '张三', accountClass: 'II', cardNumber: VALID_CARD, phone: '13812345678', companionRelation: 'NONE',
    });
    expect(sent.data.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sent.data).not.toHaveProperty('companionName');
  });

  it('shows the server’s message when it refuses the opening', async () => {
    render(<BankOpeningPage />);
    fillValidForm();
    answerWith(403, { statusCode: 403, code: 'FORBIDDEN', message: '您没有权限进行此操作' });
    await waitFor(() => expect(submitButton().disabled).toBe(false));
    fireEvent.click(submitButton());
    expect((await screen.findByRole('alert')).textContent).toBe('您没有权限进行此操作');
    expect(offlineQueue.list()).toEqual([]);
  });

  it('saves the opening on the device when there is no network, and says so', async () => {
    render(<BankOpeningPage />);
    fillValidForm();
    failNetwork();
    await waitFor(() => expect(submitButton().disabled).toBe(false));
    fireEvent.click(submitButton());

    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '已离线保存，联网后自动发送' })));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/teller/pages/home/index' });
    const [queued] = offlineQueue.list();
    expect(queued).toMatchObject({ kind: 'BANK', status: 'PENDING', payload: { idNumber: VALID_ID, cardNumber: VALID_CARD } });
    expect(queued.payload.openedAt).toEqual(expect.any(String));
  });

  it('does not even try the server when the device reports no network', async () => {
    Taro.getNetworkType.mockImplementation(async () => ({ networkType: 'none' }));
    render(<BankOpeningPage />);
    fillValidForm();
    await waitFor(() => expect(submitButton().disabled).toBe(false));
    await act(async () => {
      fireEvent.click(submitButton());
    });
    await waitFor(() => expect(offlineQueue.pendingCount()).toBe(1));
    expect(Taro.request).not.toHaveBeenCalled();
  });

  it('reopens an item the server refused, so the teller can correct and resend it under the same id', async () => {
    const queued = offlineQueue.enqueue({
      kind: 'BANK',
      summary: '银行开户 · 张*',
      payload: {
        id: '0f5c7f7e-8d0b-4c55-9a55-3b1e2f1d9c01', idNumber: VALID_ID, name: '张三', accountClass: 'II',
        cardNumber: BAD_LUHN, phone: '13812345678', purpose: Object.keys(LABELS.purpose)[0], companionRelation: 'NONE',
      } as never,
    });
    setRouterParams({ queued: queued.id });
    render(<BankOpeningPage />);
    expect((screen.getByPlaceholderText('请输入银行卡号') as HTMLInputElement).value).toBe(BAD_LUHN);
    expect(submitButton().disabled).toBe(true);

    type('请输入银行卡号', VALID_CARD);
    answerWith(201, openingResult({ id: queued.id }));
    await waitFor(() => expect(submitButton().disabled).toBe(false));
    fireEvent.click(submitButton());
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(Taro.request.mock.calls[0][0].data.id).toBe(queued.id);
    expect(offlineQueue.list()).toEqual([]);
  });
});
