/**
 * The report's period and the one before it, as calendar days in the report's time zone.
 * Bounds are local midnights, so a day is 23 or 25 hours long when the clocks change;
 * `end` is exclusive. Luxon does the calendar arithmetic: adding days keeps local
 * midnight, whatever the offset did in between.
 */
import { DateTime, IANAZone } from 'luxon';
import type { LeadReportParams } from '../../../shared/lead-report';
import { AppError } from '../../rpc/errors';

/** Longest custom period: a year and a day, so a leap-year "whole year" still fits. */
export const MAX_PERIOD_DAYS = 366;

export interface ReportPeriod {
  zone: string;
  days: number;
  start: DateTime;
  end: DateTime;
  /** The period of `days` calendar days that ends where this one starts. */
  previousStart: DateTime;
}

/** One stretch of UTC time that shares a local hour of the day: [fromMs, toMs). */
export interface HourSegment {
  fromMs: number;
  toMs: number;
  hour: number;
}

export function assertZone(zone: string): string {
  if (!IANAZone.isValidZone(zone)) {
    throw new AppError(
      'invalid_input',
      `Unknown time zone: ${JSON.stringify(zone)} (use an IANA name such as Europe/London)`,
    );
  }
  return zone;
}

function day(text: string, zone: string): DateTime {
  const d = DateTime.fromISO(text, { zone });
  if (!d.isValid) throw new AppError('invalid_input', `Not a calendar date: ${text}`);
  return d.startOf('day');
}

export function resolvePeriod(params: LeadReportParams, defaultZone: string): ReportPeriod {
  const zone = assertZone(params.timezone ?? defaultZone);
  const [first, last] = inclusiveDays(params);
  const start = day(first, zone);
  const end = day(last, zone).plus({ days: 1 });
  // Whole calendar days by construction; rounding absorbs the 23/25 h days.
  const days = Math.round(end.diff(start, 'days').days);
  if (days < 1 || days > MAX_PERIOD_DAYS) {
    throw new AppError(
      'invalid_input',
      `A report covers 1 to ${MAX_PERIOD_DAYS} days, not ${days}`,
    );
  }
  return { zone, days, start, end, previousStart: start.minus({ days }) };
}

function inclusiveDays(p: LeadReportParams): [string, string] {
  const need = (value: string | undefined, what: string): string => {
    if (!value) throw new AppError('invalid_input', `A ${p.type} report needs ${what}`);
    return value;
  };
  if (p.type === 'custom') return [need(p.start, 'a start date'), need(p.end, 'an end date')];
  const date = need(p.date, 'a date');
  if (p.type === 'daily') return [date, date];
  const weekStart = DateTime.fromISO(date, { zone: 'UTC' }).minus({ days: 6 }).toISODate();
  return [weekStart ?? date, date];
}

const HOUR_MS = 3_600_000;

/**
 * Cuts the period into stretches of one local hour each. SQLite has no time zones, so the
 * local store groups calls by joining them to these (an autumn day's repeated hour is one
 * two-hour stretch). A 24-hour day is plain arithmetic from its local midnight; only the
 * days the clocks change on ask Luxon (asking it about every hour of a year takes seconds).
 */
export function hourSegments(period: Pick<ReportPeriod, 'zone' | 'start' | 'end'>): HourSegment[] {
  const segments: HourSegment[] = [];
  const endMs = period.end.toMillis();
  let day = period.start;
  while (day.toMillis() < endMs) {
    const next = day.plus({ days: 1 });
    const fromMs = day.toMillis();
    const toMs = Math.min(next.toMillis(), endMs);
    if (toMs - fromMs === 24 * HOUR_MS && day.hour === 0 && day.minute === 0) {
      for (let h = 0; h < 24; h++) {
        segments.push({ fromMs: fromMs + h * HOUR_MS, toMs: fromMs + (h + 1) * HOUR_MS, hour: h });
      }
    } else {
      segments.push(...changeDaySegments(period.zone, fromMs, toMs));
    }
    day = next;
  }
  return segments;
}

/** Every UTC offset and clock change in the tz database falls on a quarter hour. */
const STEP_MS = 15 * 60_000;

/**
 * A day the clocks change on, in quarter-hour steps merged by local hour: no reasoning
 * about ambiguous local times (Lord Howe's half-hour change defeats "start of the hour
 * plus one"), and only a hundred lookups on the two such days a year.
 */
function changeDaySegments(zone: string, fromMs: number, toMs: number): HourSegment[] {
  const segments: HourSegment[] = [];
  for (let at = fromMs; at < toMs; at += STEP_MS) {
    const hour = DateTime.fromMillis(at, { zone }).hour;
    const last = segments.at(-1);
    const next = Math.min(at + STEP_MS, toMs);
    if (last && last.hour === hour && last.toMs === at) last.toMs = next;
    else segments.push({ fromMs: at, toMs: next, hour });
  }
  return segments;
}
