import Taro from '@tarojs/taro';
import { api } from './api-client';
import { isOffline, onNetworkRestored } from './network';
import { currentSession } from './session';
import { OfflineQueue, type FlushReport, type QueueStorage, type QueuedSubmission } from './offline-queue';

const STORAGE_KEY = 'duanka.offlineQueue';
const RETRY_EVERY_MS = 30_000;

const taroStorage: QueueStorage = {
  load: () => Taro.getStorageSync(STORAGE_KEY),
  save: (items) => Taro.setStorageSync(STORAGE_KEY, items),
};

function sendQueued(item: QueuedSubmission): Promise<unknown> {
  return item.kind === 'BANK' ? api.submitBankOpening(item.payload) : api.submitSimRegistration(item.payload);
}

/** The device's one queue of submissions waiting for the network. */
export const offlineQueue = new OfflineQueue(taroStorage, sendQueued);

/** Sends what is pending, unless nobody is logged in or the device is known to be offline. */
export async function syncNow(): Promise<FlushReport | null> {
  const owner = currentSession()?.staff.id;
  if (!owner || offlineQueue.pendingCount(owner) === 0 || (await isOffline())) return null;
  const report = await offlineQueue.flush(owner);
  if (report.sent > 0) {
    void Taro.showToast({ title: `已补发 ${report.sent} 条离线登记`, icon: 'none' });
  }
  return report;
}

let stop: (() => void) | null = null;

/** Started once at app launch: send when the network returns and retry on a timer. Returns the way to stop. */
export function startOfflineSync(): () => void {
  if (stop) return stop;
  const trigger = () => void syncNow();
  const unsubscribe = onNetworkRestored(trigger);
  const timer = setInterval(trigger, RETRY_EVERY_MS);
  stop = () => {
    unsubscribe();
    clearInterval(timer);
    stop = null;
  };
  trigger();
  return stop;
}
