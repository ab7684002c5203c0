import type { DeliveryMethod, DeliveryStatus, Weekday } from '../../../../../shared/deliveries';
import type { LeadReportType } from '../../../../../shared/lead-report';
import type { LeadTemplateKind } from '../../../../../shared/report-templates';

export const reportTypeLabel: Record<LeadReportType, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  custom: 'Custom period',
};

export const templateKindLabel: Record<LeadTemplateKind, string> = {
  leads_daily: 'Daily',
  leads_weekly: 'Weekly',
};

/** A custom period renders with the weekly layout (core does the same). */
export const kindForType = (type: LeadReportType): LeadTemplateKind =>
  type === 'daily' ? 'leads_daily' : 'leads_weekly';

export const methodLabel: Record<DeliveryMethod, string> = {
  email: 'Email',
  slack: 'Slack',
  webhook: 'Webhook',
};

export const statusLabel: Record<DeliveryStatus, string> = {
  pending: 'Pending',
  rendering: 'Rendering',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
};

/** Filled badge colours, at AA contrast with white text in both themes. */
export const statusColor: Record<DeliveryStatus, string> = {
  pending: 'gray.7',
  rendering: 'indigo.8',
  sending: 'blue.8',
  sent: 'teal.9',
  failed: 'red.8',
};

export const weekdayLabel: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** What recipients are for each method, and what an empty list means. */
export const recipientHelp: Record<
  DeliveryMethod,
  { label: string; hint: string; placeholder: string }
> = {
  email: {
    label: 'Recipients',
    hint: 'Email addresses; press Enter after each. Empty: the report recipients from Settings.',
    placeholder: 'manager@example.com',
  },
  slack: {
    label: 'Slack webhook URLs',
    hint: 'Incoming-webhook URLs; press Enter after each. Empty: SLACK_WEBHOOK_URL.',
    placeholder: 'https://hooks.slack.com/services/…',
  },
  webhook: {
    label: 'Webhook URLs',
    hint: 'At least one http(s) URL (n8n, Zapier, your own); it receives the report JSON.',
    placeholder: 'https://n8n.example.com/webhook/leads',
  },
};
