import { DateTime, IANAZone } from 'luxon';
import type { LeadReportParams } from '../../shared/lead-report';
import { weekdays, type Weekday } from '../../shared/deliveries';

/** What decides when a subscription goes out and what it reports on. */
export interface ScheduleSpec {
  reportType: 'daily' | 'weekly';
  /** HH:mm or HH:mm:ss, local to `timezone`. */
  deliveryTime: string;
  /** null: every day. */
  deliveryDays: readonly Weekday[] | null;
  timezone: string;
}

export interface DeliveryPeriod {
  /** Inclusive, as an ISO instant (UTC): with the subscription id, the delivery's claim key. */
  start: string;
  /** Exclusive. */
  end: string;
  /** The report's own parameters: local calendar days in the subscription's zone. */
  params: Pick<LeadReportParams, 'type' | 'date' | 'timezone'>;
}

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

function timeOfDay(spec: ScheduleSpec): { hour: number; minute: number; second: number } {
  const [hour = 0, minute = 0, second = 0] = spec.deliveryTime.split(':').map(Number);
  return { hour, minute, second };
}

function runsOn(spec: ScheduleSpec, day: DateTime): boolean {
  if (!spec.deliveryDays || spec.deliveryDays.length === 0) return spec.reportType === 'daily';
  // Luxon weekdays are 1 (Monday) .. 7 (Sunday), the order of `weekdays`.
  return spec.deliveryDays.includes(weekdays[day.weekday - 1] as Weekday);
}

/**
 * The local fire time on a calendar day. In a spring-forward gap (02:30 that does not
 * exist) Luxon moves it forward by the gap, which is when a wall clock would show it.
 */
function fireOn(spec: ScheduleSpec, day: DateTime): DateTime {
  return day.set({ ...timeOfDay(spec), millisecond: 0 });
}

/**
 * The latest time the subscription was due at or before `now`, not before `notBefore`
 * (its creation, or the catch-up window's start); null when there is none. This, not the
 * timer that fired, decides the period, so a late timer, a catch-up at start-up and a
 * second instance all arrive at the same claim key.
 */
export function lastDueFire(spec: ScheduleSpec, now: Date, notBefore: Date): DateTime | null {
  const local = DateTime.fromJSDate(now, { zone: spec.timezone });
  const spanDays = Math.ceil((now.getTime() - notBefore.getTime()) / 86_400_000) + 1;
  for (let back = 0; back <= Math.max(spanDays, 0); back++) {
    const day = local.startOf('day').minus({ days: back });
    if (!runsOn(spec, day)) continue;
    const fire = fireOn(spec, day);
    if (fire.toMillis() > now.getTime()) continue;
    return fire.toMillis() >= notBefore.getTime() ? fire : null;
  }
  return null;
}

/** The next time it is due after `now` (for display), within two weeks. */
export function nextFire(spec: ScheduleSpec, now: Date): DateTime | null {
  const local = DateTime.fromJSDate(now, { zone: spec.timezone });
  for (let ahead = 0; ahead <= 14; ahead++) {
    const day = local.startOf('day').plus({ days: ahead });
    if (!runsOn(spec, day)) continue;
    const fire = fireOn(spec, day);
    if (fire.toMillis() > now.getTime()) return fire;
  }
  return null;
}

/**
 * What a run at local time `fire` reports on: daily, the previous local day; weekly, the
 * seven local days ending yesterday. Days, not 24-hour spans, so DST weeks are right.
 */
export function periodFor(reportType: 'daily' | 'weekly', fire: DateTime): DeliveryPeriod {
  const end = fire.startOf('day');
  const start = end.minus({ days: reportType === 'daily' ? 1 : 7 });
  const lastDay = end.minus({ days: 1 });
  return {
    start: start.toUTC().toJSDate().toISOString(),
    end: end.toUTC().toJSDate().toISOString(),
    params: {
      type: reportType,
      date: lastDay.toISODate() ?? undefined,
      timezone: fire.zoneName ?? undefined,
    },
  };
}
