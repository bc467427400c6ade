import type { OpeningResult } from '@duanka/shared';
import { api, NetworkError } from './api-client';
import { isOffline } from './network';
import type { NewSubmission } from './offline-queue';
import { offlineQueue } from './offline-sync';
import { currentSession } from './session';

export type SubmitOutcome = { queued: false; result: OpeningResult } | { queued: true };

/**
 * Sends an opening for a verdict; without network it is stored on the device instead and sent
 * later with the same id. Rejects with ApiError when the server refuses it (message for the teller).
 */
export async function submitOpening(submission: NewSubmission): Promise<SubmitOutcome> {
  const queue = (): SubmitOutcome => {
    // The customer is at the counter now: that is when the opening happened.
    const payload = { ...submission.payload, openedAt: submission.payload.openedAt ?? new Date().toISOString() };
    offlineQueue.enqueue({ ...submission, payload, owner: currentSession()?.staff.id } as NewSubmission);
    return { queued: true };
  };
  if (await isOffline()) return queue();
  try {
    const result =
      submission.kind === 'BANK'
        ? await api.submitBankOpening(submission.payload)
        : await api.submitSimRegistration(submission.payload);
    // A corrected item from the queue has now gone through.
    offlineQueue.remove(submission.payload.id);
    return { queued: false, result };
  } catch (error) {
    if (error instanceof NetworkError) return queue();
    throw error;
  }
}
