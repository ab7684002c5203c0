import {
  subscriptionInputSchema,
  type DeliveryMethod,
  type Subscription,
  type SubscriptionInput,
  type Weekday,
} from '../../../../../shared/deliveries';

/** The form's state: what the fields hold, as typed. */
export interface SubscriptionDraft {
  id?: number;
  gymId: string;
  branchId: string;
  reportType: 'daily' | 'weekly';
  templateId: number | null;
  active: boolean;
  deliveryMethod: DeliveryMethod;
  recipients: string[];
  deliveryTime: string;
  deliveryDays: Weekday[];
  timezone: string;
  skipWhenEmpty: boolean;
  createdBy: string;
}

export type DraftErrors = Partial<Record<keyof SubscriptionDraft, string>>;

export function emptyDraft(timezone: string): SubscriptionDraft {
  return {
    gymId: '',
    branchId: '',
    reportType: 'daily',
    templateId: null,
    active: true,
    deliveryMethod: 'email',
    recipients: [],
    deliveryTime: '08:00',
    deliveryDays: [],
    timezone,
    skipWhenEmpty: false,
    createdBy: '',
  };
}

export function draftOf(s: Subscription): SubscriptionDraft {
  return {
    id: s.id,
    gymId: s.gymId,
    branchId: s.branchId ?? '',
    reportType: s.reportType,
    templateId: s.templateId,
    active: s.active,
    deliveryMethod: s.deliveryMethod,
    recipients: s.recipients,
    deliveryTime: s.deliveryTime.slice(0, 5),
    deliveryDays: s.deliveryDays ?? [],
    timezone: s.timezone,
    skipWhenEmpty: s.skipWhenEmpty,
    createdBy: s.createdBy ?? '',
  };
}

export function inputOf(d: SubscriptionDraft): SubscriptionInput {
  return {
    id: d.id,
    gymId: d.gymId.trim(),
    branchId: d.branchId.trim() || null,
    reportType: d.reportType,
    templateId: d.templateId,
    active: d.active,
    deliveryMethod: d.deliveryMethod,
    recipients: d.recipients,
    deliveryTime: d.deliveryTime,
    // Daily with no days picked: every day.
    deliveryDays: d.deliveryDays.length ? d.deliveryDays : null,
    timezone: d.timezone.trim(),
    skipWhenEmpty: d.skipWhenEmpty,
    createdBy: d.createdBy.trim() || null,
  };
}

const timeZones = new Set(Intl.supportedValuesOf('timeZone'));

/**
 * The contract's own schema, run before saving, with its messages put on the fields they
 * are about (plus a time-zone check core does too). Core validates again on save.
 */
export function validateDraft(d: SubscriptionDraft): DraftErrors {
  const errors: DraftErrors = {};
  const parsed = subscriptionInputSchema.safeParse(inputOf(d));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof SubscriptionDraft | undefined;
      if (field && !errors[field]) errors[field] = friendly(field, issue.message, d);
    }
  }
  const zone = d.timezone.trim();
  if (zone && !errors.timezone && !timeZones.has(zone) && zone !== 'UTC') {
    errors.timezone = 'Not a time zone name (e.g. Europe/London).';
  }
  return errors;
}

function friendly(field: keyof SubscriptionDraft, message: string, d: SubscriptionDraft): string {
  switch (field) {
    case 'gymId':
      return d.gymId.trim() ? message : 'Enter the gym id.';
    case 'timezone':
      return 'Pick a time zone.';
    case 'deliveryTime':
      return 'A time as HH:mm (24-hour).';
    case 'deliveryDays':
      return 'A weekly report needs at least one day.';
    case 'recipients':
      // The shared check words whole sentences; the schema's own rules are fragments.
      return /[.!?]$/.test(message)
        ? message
        : message.charAt(0).toUpperCase() + message.slice(1) + '.';
    default:
      return message;
  }
}
