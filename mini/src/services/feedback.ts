import type { OpeningAlertFeedback } from './api-types';

/**
 * What the counter is told about the police's handling of an opening's alert, e.g.
 * "公安处置：已警示劝导 · 已办结", or "公安处置：待签收" while nobody has acted yet.
 */
export function policeFeedbackText(alert: OpeningAlertFeedback | null | undefined): string | null {
  if (!alert) return null;
  const parts = [alert.dispositionLabel, alert.statusLabel].filter((part): part is string => !!part);
  return `公安处置：${parts.join(' · ')}`;
}
