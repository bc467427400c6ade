import type { PropsWithChildren } from 'react';
import { useDidShow, useLaunch } from '@tarojs/taro';
import { startOfflineSync, syncNow } from './services/offline-sync';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => startOfflineSync());
  // Coming back to the app is a good moment to send what was saved offline.
  useDidShow(() => void syncNow());
  return children;
}

export default App;
