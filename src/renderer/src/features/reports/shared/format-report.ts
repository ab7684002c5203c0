import { formatNumber } from '../../../lib/format';

/** "Nov 22, 2026" for a day in the report's own time zone. */
function dayIn(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date);
  }
}

/** A period as people say it: one day, or first – last day (the end is exclusive). */
export function formatPeriod(start: string, end: string, timeZone: string): string {
  const lastInstant = new Date(new Date(end).getTime() - 1).toISOString();
  const first = dayIn(start, timeZone);
  const last = dayIn(lastInstant, timeZone);
  return first === last ? first : `${first} – ${last}`;
}

/** 0.457 → "45.7 %"; null → "—". */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${formatNumber(rate * 100, 1)} %`;
}

/** 197 → "3:17"; null → "—". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** 2 048 576 → "2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  // Rounded: formatNumber without digits keeps up to three decimals ("100.548 KB").
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024))} KB`;
  return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
}

/** Today, yesterday… as YYYY-MM-DD in this computer's time zone. */
export function localDate(daysAgo = 0): string {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The "line N" in core's template messages ("… line 3: reason"), or null. */
export function lineOf(message: string): number | null {
  const match = /\bline (\d+)\b/.exec(message);
  return match?.[1] ? Number(match[1]) : null;
}

/**
 * A period from its ISO bounds as written with their zone's offset
 * ("2026-11-22T00:00:00.000-05:00"): the calendar days are the dates as written, so no
 * zone is needed to show them.
 */
export function formatWrittenPeriod(start: string, end: string): string {
  const day = (iso: string) => iso.slice(0, 10);
  const endInstant = new Date(`${day(end)}T00:00:00Z`).getTime();
  const lastDay = new Date(endInstant - 86_400_000).toISOString().slice(0, 10);
  const startDay = day(start);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDay) || Number.isNaN(endInstant)) return `${start} – ${end}`;
  const first = formatPeriod(`${startDay}T00:00:00Z`, `${startDay}T00:00:01Z`, 'UTC');
  const last = formatPeriod(`${lastDay}T00:00:00Z`, `${lastDay}T00:00:01Z`, 'UTC');
  return lastDay <= startDay ? first : `${first} – ${last}`;
}
