import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { TellerHomePage } from '../src/teller/pages/home';
import { QueuePage } from '../src/teller/pages/queue';
import { offlineQueue } from '../src/services/offline-sync';
import { saveSession } from '../src/services/session';
import { loginResponse } from './factories';
import { answerWith, Taro } from './stand-ins/taro';

function queueBank(id: string) {
  return offlineQueue.enqueue({
    kind: 'BANK',
    summary: `银行开户 · 张* · ${id}`,
    payload: { id, idNumber: '11010519491231002X', name: '张三', accountClass: 'I', cardNumber: '6222020200112233446', phone: '13812345678', purpose: 'SALARY', companionRelation: 'NONE' } as never,
  });
}

beforeEach(() => saveSession(loginResponse()));

describe('teller home', () => {
  it("lists today's openings for the device's date, with verdict and outcome", async () => {
    answerWith(200, {
      items: [
        { id: 'o1', kind: 'BANK', maskedIdNumber: '230102********1234', maskedName: '张*', verdict: 'STOP', outcome: 'REFERRED', openedAt: '2025-11-28T01:05:00.000Z', summary: 'Ⅰ类户 卡号 6222****3446' },
        { id: 'o2', kind: 'SIM', maskedIdNumber: '230103********5678', maskedName: '李*', verdict: 'PASS', outcome: null, openedAt: '2025-11-28T02:10:00.000Z', summary: '电话卡 139****5678' },
      ],
    });
    render(<TellerHomePage />);
    expect(await screen.findByText('张*')).toBeTruthy();
    expect(screen.getByText('停止办理')).toBeTruthy();
    expect(screen.getByText('已移交公安')).toBeTruthy();
    expect(screen.getByText('待登记结果')).toBeTruthy();
    expect(screen.getByText('电话卡 139****5678')).toBeTruthy();
    expect(Taro.request.mock.calls[0][0].url).toMatch(/^\/api\/openings\?date=\d{4}-\d{2}-\d{2}$/);

    fireEvent.click(screen.getByText('李*'));
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/teller/pages/verdict/index?id=o2&from=history' }));
  });

  it("shows the police's handling of an opening's alert on its row", async () => {
    answerWith(200, {
      items: [
        {
          id: 'o1', kind: 'BANK', maskedIdNumber: '230102********1234', maskedName: '张*', verdict: 'STOP', outcome: 'REFERRED',
          openedAt: '2025-11-28T01:05:00.000Z', summary: 'I类户 卡号 6222 **** **** 3446',
          alert: { id: 'a1', status: 'DISPOSED', statusLabel: '已处置', disposition: 'WARNED', dispositionLabel: '已警示劝导' },
        },
        {
          id: 'o2', kind: 'BANK', maskedIdNumber: '230102********5678', maskedName: '王*', verdict: 'VERIFY', outcome: null,
          openedAt: '2025-11-28T01:15:00.000Z', summary: 'II类户 卡号 6222 **** **** 1234',
          alert: { id: 'a2', status: 'NEW', statusLabel: '待签收', disposition: null, dispositionLabel: null },
        },
      ],
    });
    render(<TellerHomePage />);
    expect(await screen.findByText('公安处置：已警示劝导 · 已处置')).toBeTruthy();
    expect(screen.getByText('公安处置：待签收')).toBeTruthy();
  });

  it('shows how many submissions wait on the device, and an empty day plainly', async () => {
    Taro.getNetworkType.mockImplementation(async () => ({ networkType: 'none' }));
    queueBank('a');
    queueBank('b');
    answerWith(200, { items: [] });
    render(<TellerHomePage />);
    expect(await screen.findByText('待发送 2 条')).toBeTruthy();
    expect(await screen.findByText('今天还没有登记')).toBeTruthy();
  });

  it('sends a visitor without a valid login to the login page', async () => {
    Taro.removeStorageSync('duanka.session');
    answerWith(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: '请先登录' });
    render(<TellerHomePage />);
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }));
  });

  it('offers both registrations as big actions', async () => {
    answerWith(200, { items: [] });
    render(<TellerHomePage />);
    fireEvent.click(screen.getByText('银行开户登记'));
    fireEvent.click(screen.getByText('电话卡登记'));
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledTimes(2));
    expect(Taro.navigateTo).toHaveBeenNthCalledWith(1, { url: '/teller/pages/bank/index' });
    expect(Taro.navigateTo).toHaveBeenNthCalledWith(2, { url: '/teller/pages/sim/index' });
  });
});

describe('offline queue page', () => {
  it('lists pending and refused items; a refused one shows the server message and can be corrected', async () => {
    queueBank('a');
    queueBank('b');
    answerWith(422, { statusCode: 422, code: 'CARD_LUHN', message: '银行卡号校验不通过' });
    answerWith(201, { id: 'b' });
    await offlineQueue.flush();

    render(<QueuePage />);
    expect(await screen.findByText('发送失败')).toBeTruthy();
    expect(screen.getByText('银行卡号校验不通过')).toBeTruthy();
    expect(screen.queryByText('银行开户 · 张* · b')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '修改后重新提交' }));
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/teller/pages/bank/index?queued=a' }));
  });

  it('sends pending items on 立即发送 and empties the list', async () => {
    queueBank('a');
    render(<QueuePage />);
    expect(await screen.findByText('待发送')).toBeTruthy();
    answerWith(201, { id: 'a' });
    fireEvent.click(screen.getByRole('button', { name: '立即发送（1 条）' }));
    expect(await screen.findByText('没有待发送的登记')).toBeTruthy();
    expect(Taro.request).toHaveBeenCalledTimes(1);
  });
});
