import schedule from 'node-schedule';
import type { Subscription, Weekday } from '../../shared/deliveries';

/** node-schedule numbers days 0 (Sunday) .. 6 (Saturday). */
const dayNumber: Record<Weekday, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
};

/** The subscription's local delivery time as a node-schedule rule in its own zone. */
export function recurrenceFor(sub: Subscription): schedule.RecurrenceRule {
  const [hour = 0, minute = 0, second = 0] = sub.deliveryTime.split(':').map(Number);
  const rule = new schedule.RecurrenceRule();
  rule.tz = sub.timezone;
  rule.hour = hour;
  rule.minute = minute;
  rule.second = second;
  // Left unset (node-schedule's null): every day.
  if (sub.deliveryDays?.length) rule.dayOfWeek = sub.deliveryDays.map((d) => dayNumber[d]);
  return rule;
}

/** What the timer depends on: a change here means cancel and plan again. */
export function planKey(sub: Subscription): string {
  return JSON.stringify([sub.deliveryTime, sub.deliveryDays, sub.timezone, sub.reportType]);
}
