import { CITY_UTC_OFFSET_MS } from '../common/time';
import type { Prng } from './prng';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * The calendar of the synthetic history: `days` local (Beijing-time) days ending with the day of
 * `now`, day 0 the oldest. Counters open in business hours; nothing happens after `now`.
 */
export class CityClock {
  /** Local midnight of day 0, as epoch ms. */
  private readonly firstMidnight: number;

  constructor(readonly now: number, readonly days: number) {
    const todayMidnight = Math.floor((now + CITY_UTC_OFFSET_MS) / DAY) * DAY - CITY_UTC_OFFSET_MS;
    this.firstMidnight = todayMidnight - (days - 1) * DAY;
  }

  get start(): number {
    return this.firstMidnight;
  }

  /** Epoch ms of `minutes` after local midnight of day `day`. */
  at(day: number, minutes: number): number {
    return this.firstMidnight + day * DAY + Math.round(minutes * MINUTE);
  }

  dayOf(at: number): number {
    return Math.floor((at - this.firstMidnight) / DAY);
  }

  /** A moment in opening hours: banks 09:00-16:30, carrier stores 09:00-20:30 (fewer at weekends). */
  businessMinutes(prng: Prng, counter: 'BANK' | 'CARRIER'): number {
    const close = counter === 'BANK' ? 16.5 : 20.5;
    // Busier late morning and mid-afternoon: the mean of two uniforms leans to the middle.
    const hours = 9 + ((prng.next() + prng.next()) / 2) * (close - 9);
    return hours * 60 + prng.next();
  }

  /** A business moment on `day`, moved a day back (repeatedly) if it would be after `now`. */
  businessAt(prng: Prng, day: number, counter: 'BANK' | 'CARRIER'): number {
    return this.beforeNow([this.at(day, this.businessMinutes(prng, counter))])[0]!;
  }

  /** Shifts a group of moments back by whole days until the last is before `now`: gaps are kept. */
  beforeNow(times: number[]): number[] {
    const last = Math.max(...times);
    if (last < this.now) return times;
    const shift = Math.ceil((last - this.now + 1) / DAY) * DAY;
    return times.map((t) => t - shift);
  }

  /** Whether weekend days are quieter: Saturday and Sunday in city time. */
  isWeekend(day: number): boolean {
    const weekday = new Date(this.at(day, 12 * 60) + CITY_UTC_OFFSET_MS).getUTCDay();
    return weekday === 0 || weekday === 6;
  }
}

/** `count` day offsets in [0, span), sorted, at least `gap` days apart when there is room for it. */
export function spacedDays(prng: Prng, count: number, span: number, gap: number): number[] {
  const g = Math.max(0, Math.min(gap, Math.floor((span - 1) / Math.max(1, count))));
  const room = Math.max(1, span - (count - 1) * g);
  const points = Array.from({ length: count }, () => prng.int(room)).sort((a, b) => a - b);
  return points.map((p, i) => p + i * g);
}

export function ageAt(birthDate: string, at: number): number {
  const d = new Date(at + CITY_UTC_OFFSET_MS);
  const [y, m, day] = birthDate.split('-').map(Number) as [number, number, number];
  let age = d.getUTCFullYear() - y;
  if (d.getUTCMonth() + 1 < m || (d.getUTCMonth() + 1 === m && d.getUTCDate() < day)) age--;
  return age;
}
