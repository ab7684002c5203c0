/**
 * The report's week and the windows around it, as calendar days in the report's zone. A
 * customer is anyone with an event in the 28 days up to the end of a week, so people who
 * went quiet this week are still counted (and scored) instead of vanishing from the base;
 * the week before is scored the same way for the week-over-week comparison. One scan
 * from 28 days before the week's start to its end covers both.
 */
import { DateTime } from 'luxon';
import type { ChurnReportParams } from '../../../shared/churn-report';
import { AppError } from '../../rpc/errors';
import { assertZone } from '../leads/period';

export const BASE_DAYS = 28;

export interface ChurnWindow {
  zone: string;
  /** First day of the week, local midnight. */
  start: DateTime;
  /** Exclusive: local midnight after `weekEnding`. */
  end: DateTime;
  /** The week before: [previousStart, start). */
  previousStart: DateTime;
  /** This week's customers: an event in [baseStart, end). */
  baseStart: DateTime;
  /** Where the scan starts: the week before's base, [scanStart, start). */
  scanStart: DateTime;
}

export function resolveChurnWindow(params: ChurnReportParams, defaultZone: string): ChurnWindow {
  const zone = assertZone(params.timezone ?? defaultZone);
  const last = DateTime.fromISO(params.weekEnding, { zone });
  if (!last.isValid)
    throw new AppError('invalid_input', `Not a calendar date: ${params.weekEnding}`);
  const end = last.startOf('day').plus({ days: 1 });
  const start = end.minus({ days: 7 });
  return {
    zone,
    start,
    end,
    previousStart: start.minus({ days: 7 }),
    baseStart: end.minus({ days: BASE_DAYS }),
    scanStart: start.minus({ days: BASE_DAYS }),
  };
}

/** `toISOString()`'s format: what the local store's writers use, so text order is time order. */
export const utcIso = (d: DateTime): string => new Date(d.toMillis()).toISOString();
