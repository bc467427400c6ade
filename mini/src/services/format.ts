const pad = (n: number) => String(n).padStart(2, '0');

/** The device's calendar day, e.g. "2025-11-28" (what `GET /api/openings?date=` expects). */
export function localDate(date: Date = new Date()): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "14:05" */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "11-28 14:05", or with the year when it is not this year. */
export function shortDateTime(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const day = `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${clockTime(iso)}`;
  return d.getFullYear() === now.getFullYear() ? day : `${d.getFullYear()}-${day}`;
}

/** "25 分钟", "3 小时 5 分钟", "2 天 4 小时": a span short enough to read at a glance. */
export function spanText(ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} 小时 ${minutes % 60} 分钟` : `${hours} 小时`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} 天 ${hours % 24} 小时` : `${days} 天`;
}

/** How a deadline stands: "还剩 25 分钟" or "已超时 2 小时". */
export function dueText(iso: string, now: number = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  return at >= now ? `还剩 ${spanText(at - now)}` : `已超时 ${spanText(now - at)}`;
}
