import { DateTime } from 'luxon';
import type { LeadReport } from '../../../../shared/lead-report';

/**
 * Numbers as a manager reads them. Every function takes what the report JSON holds
 * (counts, 0..1 rates, seconds, nulls) and returns short text; a null is shown as "—"
 * because "0 %" would claim a rate where there was nothing to divide by.
 */
export const NONE = '—';
const LOCALE = 'en-GB';

export function formatCount(n: number): string {
  return n.toLocaleString(LOCALE, { maximumFractionDigits: 0 });
}

/** 0.4567 → "45.7 %"; whole percentages drop the decimal ("50 %"). */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return NONE;
  const pct = Math.round(rate * 1000) / 10;
  return `${pct.toLocaleString(LOCALE, { maximumFractionDigits: 1 })} %`;
}

/** Seconds as m:ss ("2:05"), or h:mm:ss past an hour. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return NONE;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A signed change in percent: "+12.5 %", "−3 %" (a real minus sign, as print uses). */
export function formatChange(pct: number): string {
  const rounded = Math.round(pct * 10) / 10;
  const abs = Math.abs(rounded).toLocaleString(LOCALE, { maximumFractionDigits: 1 });
  if (rounded > 0) return `+${abs} %`;
  if (rounded < 0) return `\u2212${abs} %`;
  return '0 %';
}

export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** "new_lead" / "not_interested" → "New lead" / "Not interested". */
export function humanize(key: string): string {
  const spaced = key.replace(/[_-]+/g, ' ').trim();
  return spaced ? spaced.charAt(0).toUpperCase() + spaced.slice(1) : key;
}

export interface PeriodText {
  /** "Monday 23 November 2026" or "16 – 22 November 2026". */
  label: string;
  /** For file names and subjects: "2026-11-23" or "2026-11-16_2026-11-22". */
  slug: string;
  /** "previous day", "previous week", "previous 10 days". */
  previousLabel: string;
  days: number;
  timezone: string;
}

/** The period in its own zone; the end is exclusive, so the last day shown is end − 1 day. */
export function describePeriod(report: Pick<LeadReport, 'period'>): PeriodText {
  const zone = report.period.timezone;
  const start = DateTime.fromISO(report.period.start, { setZone: true }).setZone(zone);
  const end = DateTime.fromISO(report.period.end, { setZone: true }).setZone(zone);
  const valid = start.isValid && end.isValid;
  const days = valid ? Math.max(1, Math.round(end.diff(start, 'days').days)) : 1;
  if (!valid) {
    return {
      label: `${report.period.start} – ${report.period.end}`,
      slug: 'period',
      previousLabel: 'previous period',
      days,
      timezone: zone,
    };
  }
  const last = end.minus({ days: 1 });
  const opts = { locale: LOCALE };
  let label: string;
  if (days === 1) label = start.toFormat('cccc d LLLL yyyy', opts);
  else if (start.hasSame(last, 'month')) {
    label = `${start.toFormat('d', opts)} – ${last.toFormat('d LLLL yyyy', opts)}`;
  } else if (start.hasSame(last, 'year')) {
    label = `${start.toFormat('d LLL', opts)} – ${last.toFormat('d LLL yyyy', opts)}`;
  } else label = `${start.toFormat('d LLL yyyy', opts)} – ${last.toFormat('d LLL yyyy', opts)}`;
  const isoStart = start.toISODate() ?? 'start';
  return {
    label,
    slug: days === 1 ? isoStart : `${isoStart}_${last.toISODate() ?? 'end'}`,
    previousLabel:
      days === 1 ? 'previous day' : days === 7 ? 'previous week' : `previous ${days} days`,
    days,
    timezone: zone,
  };
}

/** When the report was made, in the report's zone: "23 Nov 2026, 07:00 (Europe/London)". */
export function formatGeneratedAt(at: Date | string, zone: string): string {
  const dt = DateTime.fromJSDate(new Date(at)).setZone(zone);
  const shown = dt.isValid ? dt : DateTime.fromJSDate(new Date(at)).setZone('UTC');
  return `${shown.toFormat('d LLL yyyy, HH:mm', { locale: LOCALE })} (${shown.zoneName ?? 'UTC'})`;
}
