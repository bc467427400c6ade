import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { NewSubmission } from '../../services/offline-queue';
import { PAGES } from '../../services/session';
import { submitOpening } from '../../services/submit-opening';
import { rememberVerdict } from '../../services/verdict-store';

export const QUEUED_NOTICE = '已离线保存，联网后自动发送';

/** Submits an opening and moves on: to the verdict, or home with the offline notice. */
export function useOpeningSubmit() {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(submission: NewSubmission): Promise<void> {
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      const outcome = await submitOpening(submission);
      if (outcome.queued) {
        await Taro.showModal({
          title: QUEUED_NOTICE,
          content: '网络不可用，这条登记已保存在本机。发送后的研判结果会出现在「今日登记」中，在看到结果前请暂缓发卡。',
          showCancel: false,
          confirmText: '知道了',
        });
        await Taro.reLaunch({ url: PAGES.tellerHome });
        return;
      }
      rememberVerdict(outcome.result);
      await Taro.redirectTo({ url: `${PAGES.verdict}?id=${outcome.result.id}` });
    } catch (caught) {
      setError(caught instanceof Error && caught.message ? caught.message : '提交失败，请稍后重试');
    } finally {
      setSubmitting(false);
    }
  }

  return { submit, submitting, error };
}
