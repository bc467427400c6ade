import { invalid } from './domain-error';

// The city keeps Beijing time (UTC+8, no daylight saving): "today" at the counter means that.
export const CITY_UTC_OFFSET_MS = 8 * 3600 * 1000;
export const DAY_MS = 86_400_000;

/** [start, end) in epoch ms of a local calendar day 'YYYY-MM-DD' (today when omitted). */
export function dayRange(date: string | undefined, now = Date.now()): [number, number] {
  const day = date ?? localDate(now);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const start = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - CITY_UTC_OFFSET_MS : NaN;
  if (!match || Number.isNaN(start) || localDate(start) !== day) throw invalid('DATE_INVALID', '日期格式应为 YYYY-MM-DD，例如 2026-11-28');
  return [start, start + 24 * 3600 * 1000];
}

export function localDate(epochMs: number): string {
  return new Date(epochMs + CITY_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

export function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
