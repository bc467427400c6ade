import { waitFor } from '@testing-library/react';
import { offlineQueue, startOfflineSync } from '../src/services/offline-sync';
import { saveSession } from '../src/services/session';
import { submitOpening } from '../src/services/submit-opening';
import { loginResponse, openingResult } from './factories';
import { answerWith, Taro } from './stand-ins/taro';

const request = {
  id: '0f5c7f7e-8d0b-4c55-9a55-3b1e2f1d9c01', idNumber: '11010519491231002X', name: '张三', accountClass: 'I',
  cardNumber: '6222020200112233446', phone: '13812345678', purpose: 'SALARY', companionRelation: 'NONE',
} as const;

function browserOnline(online: boolean) {
  jest.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(online);
}

afterEach(() => jest.restoreAllMocks());

describe('offline sync on the device', () => {
  beforeEach(() => saveSession(loginResponse()));

  it('queues without trying when the browser says it is offline', async () => {
    browserOnline(false);
    await expect(submitOpening({ kind: 'BANK', payload: request as never, summary: '银行开户 · 张*' })).resolves.toEqual({ queued: true });
    expect(Taro.request).not.toHaveBeenCalled();
    expect(offlineQueue.find(request.id)?.payload.openedAt).toEqual(expect.any(String));
  });

  it('sends the queue once when the network comes back, however many signals arrive', async () => {
    browserOnline(false);
    await submitOpening({ kind: 'BANK', payload: request as never, summary: '银行开户 · 张*' });
    const stop = startOfflineSync();
    try {
      expect(Taro.request).not.toHaveBeenCalled();

      browserOnline(true);
      let answer: (value: unknown) => void = () => undefined;
      Taro.request.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
      // WeChat's network event and the browser's `online` event arrive together.
      const [wechatListener] = Taro.onNetworkStatusChange.mock.calls[0] as [(r: { isConnected: boolean }) => void];
      window.dispatchEvent(new Event('online'));
      wechatListener({ isConnected: true });
      window.dispatchEvent(new Event('online'));
      await waitFor(() => expect(Taro.request).toHaveBeenCalledTimes(1));
      answer({ statusCode: 201, data: openingResult({ id: request.id }), header: {} });

      await waitFor(() => expect(offlineQueue.list()).toEqual([]));
      expect(Taro.request).toHaveBeenCalledTimes(1);
      expect(Taro.request.mock.calls[0][0]).toMatchObject({ url: '/api/openings/bank', data: { id: request.id } });
      await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已补发 1 条离线登记' })));
    } finally {
      stop();
    }
  });

  it('holds the queue while nobody is logged in', async () => {
    browserOnline(false);
    await submitOpening({ kind: 'BANK', payload: request as never, summary: '银行开户 · 张*' });
    Taro.removeStorageSync('duanka.session');
    browserOnline(true);
    answerWith(201, openingResult());
    const stop = startOfflineSync();
    try {
      window.dispatchEvent(new Event('online'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(Taro.request).not.toHaveBeenCalled();
      expect(offlineQueue.pendingCount()).toBe(1);
    } finally {
      stop();
    }
  });
});
