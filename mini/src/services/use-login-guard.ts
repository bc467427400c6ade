import Taro, { useDidShow } from '@tarojs/taro';
import { currentSession, LOGIN_PAGE } from './session';

/** Pages behind the login send the visitor to the login page when there is no valid session. */
export function useLoginGuard(): void {
  useDidShow(() => {
    if (!currentSession()) void Taro.reLaunch({ url: LOGIN_PAGE });
  });
}
