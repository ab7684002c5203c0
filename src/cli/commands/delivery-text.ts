import { DateTime } from 'luxon';
import type { DeliveryDetail, DeliverySummary } from '../../shared/deliveries';
import { leadReportSchema } from '../../shared/lead-report';

type Delivery = DeliverySummary & { recipients?: { recipient: string }[] };

/** How a delivery ended, in one line: sent (to whom), or its status, reason and next try. */
export function deliveryLine(d: Delivery): string {
  if (d.status === 'sent') {
    const to = d.recipients?.length ? ` to ${d.recipients.map((r) => r.recipient).join(', ')}` : '';
    return `delivery ${d.id}: sent${to}${d.note ? ` (${d.note})` : ''}`;
  }
  const next = d.nextAttemptAt
    ? `; next try at ${d.nextAttemptAt} (by a running \`leadwatch daemon\` or the app, or now with \`leadwatch deliveries retry ${d.id}\`)`
    : '';
  return `delivery ${d.id}: ${d.status}: ${(d.error ?? 'not sent').replace(/\.$/, '')}${next}`;
}

/** The `report leads … --send` that mails a delivery's report again, its period filled in when known. */
export function sendAgainCommand(d: DeliveryDetail): string {
  const report = leadReportSchema.safeParse(d.report);
  const period = report.success ? periodFlags(report.data.period) : null;
  const type = ['daily', 'weekly', 'custom'].includes(d.reportType) ? d.reportType : 'daily';
  const when =
    period?.[type as keyof typeof period] ??
    (type === 'custom' ? '--start YYYY-MM-DD --end YYYY-MM-DD' : '--date YYYY-MM-DD');
  const branch = d.branchId ? ` --branch ${d.branchId}` : '';
  const zone = report.success ? ` --timezone ${report.data.period.timezone}` : '';
  return `leadwatch report leads --type ${type} ${when} --gym ${d.gymId}${branch}${zone} --send [--to a@example.com]`;
}

/** A report's period (local start, exclusive end) as the flags of each report type. */
function periodFlags(period: { start: string; end: string }) {
  const day = (iso: string) => DateTime.fromISO(iso, { setZone: true });
  const first = day(period.start).toISODate();
  const last = day(period.end).minus({ days: 1 }).toISODate();
  if (!first || !last) return null;
  return {
    daily: `--date ${first}`,
    weekly: `--date ${last}`,
    custom: `--start ${first} --end ${last}`,
  };
}
