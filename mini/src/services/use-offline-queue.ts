import { useEffect, useState } from 'react';
import type { QueuedSubmission } from './offline-queue';
import { offlineQueue } from './offline-sync';

/** The queued submissions, re-rendered whenever the queue changes. */
export function useOfflineQueue(): QueuedSubmission[] {
  const [items, setItems] = useState<QueuedSubmission[]>(() => offlineQueue.list());
  useEffect(() => {
    setItems(offlineQueue.list());
    return offlineQueue.subscribe(setItems);
  }, []);
  return items;
}
