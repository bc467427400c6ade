// A stand-in for @tarojs/taro: device storage in memory, every other API a jest.fn whose
// calls the tests read as "what the teller would see" (modals, toasts, navigation, requests).
import { useEffect } from 'react';

const storage = new Map<string, string>();
let routerParams: Record<string, string | undefined> = {};

const ok = <T extends object>(value: T = {} as T) => jest.fn(async (..._args: unknown[]) => value);

export const Taro = {
  request: jest.fn(),
  login: ok({ code: 'wx-login-code', errMsg: 'login:ok' }),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? JSON.parse(storage.get(key)!) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, JSON.stringify(value))),
  removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
  getNetworkType: ok({ networkType: 'wifi' }),
  onNetworkStatusChange: jest.fn(),
  offNetworkStatusChange: jest.fn(),
  showModal: ok({ confirm: true, cancel: false }),
  showToast: ok(),
  reLaunch: ok(),
  redirectTo: ok(),
  navigateTo: ok(),
  navigateBack: ok(),
  setNavigationBarColor: ok(),
  stopPullDownRefresh: jest.fn(),
  vibrateShort: ok(),
};

export default Taro;

export function useRouter() {
  return { params: routerParams, path: '' };
}

/** On a device these fire when the page shows; here, once after the first render. */
export function useDidShow(callback: () => void) {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => callback(), []);
}
export const useLaunch = useDidShow;
export function useDidHide(_callback: () => void) {}
export const useLoad = useDidShow;
export function usePullDownRefresh(_callback: () => void) {}

// Test controls.
export function setRouterParams(params: Record<string, string | undefined>): void {
  routerParams = params;
}

export function resetTaro(): void {
  storage.clear();
  routerParams = {};
  jest.clearAllMocks();
  Taro.request.mockReset();
  Taro.getNetworkType.mockImplementation(async () => ({ networkType: 'wifi' }));
  Taro.showModal.mockImplementation(async () => ({ confirm: true, cancel: false }));
  Taro.login.mockImplementation(async () => ({ code: 'wx-login-code', errMsg: 'login:ok' }));
  Taro.vibrateShort.mockImplementation(async () => ({}));
}

/** Answers the next request like a server would (HTTP status and JSON body). */
export function answerWith(statusCode: number, data: unknown) {
  Taro.request.mockImplementationOnce(async () => ({ statusCode, data, header: {}, errMsg: 'request:ok' }));
}

/** The next request gets no HTTP answer at all (offline, DNS, timeout). */
export function failNetwork() {
  Taro.request.mockImplementationOnce(async () => {
    throw { errMsg: 'request:fail timeout' };
  });
}
