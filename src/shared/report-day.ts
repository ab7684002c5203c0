import { z } from 'zod';

/** The earliest day a report may be about: nothing Leadwatch reads is older. */
export const FIRST_REPORT_DAY = '2000-01-01';

/** The latest: a year past today (UTC), room for any time zone and for planning ahead. */
export function lastReportDay(now: Date = new Date()): string {
  const limit = new Date(now.getTime());
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  return limit.toISOString().slice(0, 10);
}

function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/**
 * A calendar day as YYYY-MM-DD, for every date a report is asked for: a real day (no
 * 2025-02-30) between FIRST_REPORT_DAY and lastReportDay(), so a typo such as 0000-01-01
 * or 20255-01-01 is refused in words instead of becoming a query over centuries.
 */
export const reportDaySchema = z.string().superRefine((day, ctx) => {
  const problem = reportDayProblem(day);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

function reportDayProblem(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return 'a date as YYYY-MM-DD';
  if (!isCalendarDay(day)) return `${day} is not a calendar day`;
  const last = lastReportDay();
  if (day < FIRST_REPORT_DAY || day > last) {
    return `${day} is out of range: reports cover ${FIRST_REPORT_DAY} to ${last}`;
  }
  return null;
}
