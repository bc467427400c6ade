import Taro from '@tarojs/taro';

// In the browser build, navigator.onLine and the window's `online` event are the reliable
// signals: Taro's H5 network API only reads navigator.connection, which most browsers lack.
const inBrowser = () => process.env.TARO_ENV === 'h5' && typeof window !== 'undefined';

/** True only when the device is known to have no network; unknown counts as online. */
export async function isOffline(): Promise<boolean> {
  if (inBrowser() && navigator.onLine === false) return true;
  try {
    const { networkType } = await Taro.getNetworkType();
    return networkType === 'none';
  } catch {
    return false;
  }
}

/** Calls `listener` whenever the network comes back. */
export function onNetworkRestored(listener: () => void): () => void {
  const onChange = (result: { isConnected: boolean }) => {
    if (result.isConnected) listener();
  };
  Taro.onNetworkStatusChange(onChange);
  const browser = inBrowser();
  if (browser) window.addEventListener('online', listener);
  return () => {
    Taro.offNetworkStatusChange(onChange);
    if (browser) window.removeEventListener('online', listener);
  };
}
