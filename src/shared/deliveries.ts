import { z } from 'zod';
import { leadReportParamsSchema } from './lead-report';
import { recipientEntrySchema, refineRecipients } from './recipients';

/**
 * Report subscriptions and their deliveries (issue 4, seed 002's `report_subscriptions`
 * and `report_deliveries`). Shared by the contract, core and the renderer; zod only.
 */

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const weekdaySchema = z.enum(weekdays);
export type Weekday = z.infer<typeof weekdaySchema>;

export const deliveryMethodSchema = z.enum(['email', 'slack', 'webhook']);
export type DeliveryMethod = z.infer<typeof deliveryMethodSchema>;

export const deliveryStatusSchema = z.enum(['pending', 'rendering', 'sending', 'sent', 'failed']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const subscriptionReportTypeSchema = z.enum(['daily', 'weekly']);

/** HH:mm, 24-hour; seconds are accepted (HH:mm:ss) for precise tests and demos. */
const deliveryTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'a time as HH:mm (24-hour)');

/**
 * A subscription as saved: with `id` it replaces that subscription, without it creates one.
 * Empty recipients mean the configured default (REPORT_RECIPIENTS for email,
 * SLACK_WEBHOOK_URL for Slack); a generic webhook has no default.
 */
export const subscriptionInputSchema = z
  .object({
    id: z.number().int().positive().optional(),
    gymId: z.string().trim().min(1).max(100),
    branchId: z.string().trim().min(1).max(100).nullable().default(null),
    reportType: subscriptionReportTypeSchema,
    templateId: z.number().int().positive().nullable().default(null),
    active: z.boolean().default(true),
    deliveryMethod: deliveryMethodSchema,
    recipients: z.array(recipientEntrySchema).max(50).default([]),
    deliveryTime: deliveryTimeSchema,
    /** Weekly: the days it goes out (at least one). Daily: null for every day, or a subset. */
    deliveryDays: z.array(weekdaySchema).max(7).nullable().default(null),
    /** IANA zone name; the delivery time and the report's days are in it. */
    timezone: z.string().min(1).max(64),
    skipWhenEmpty: z.boolean().default(false),
    /** Who owns it: told by mail when a delivery fails for good (if this is an address). */
    createdBy: z.string().trim().max(200).nullable().default(null),
  })
  .superRefine((s, ctx) => {
    if (s.reportType === 'weekly' && !s.deliveryDays?.length) {
      ctx.addIssue({ code: 'custom', path: ['deliveryDays'], message: 'weekly needs a day' });
    }
    if (s.deliveryMethod === 'webhook' && s.recipients.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['recipients'], message: 'a webhook needs a URL' });
    }
    refineRecipients(s.deliveryMethod, s.recipients, ctx);
  });
export type SubscriptionInput = z.input<typeof subscriptionInputSchema>;
export type SubscriptionDraft = z.output<typeof subscriptionInputSchema>;

export const subscriptionSchema = z.object({
  id: z.number().int(),
  gymId: z.string(),
  branchId: z.string().nullable(),
  reportType: subscriptionReportTypeSchema,
  templateId: z.number().int().nullable(),
  active: z.boolean(),
  deliveryMethod: deliveryMethodSchema,
  recipients: z.array(z.string()),
  deliveryTime: z.string(),
  deliveryDays: z.array(weekdaySchema).nullable(),
  timezone: z.string(),
  skipWhenEmpty: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** When it next goes out (ISO instant), null when inactive. */
  nextRunAt: z.string().nullable(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

export const deliverySummarySchema = z.object({
  id: z.number().int(),
  subscriptionId: z.number().int().nullable(),
  trigger: z.enum(['schedule', 'manual']),
  method: deliveryMethodSchema,
  reportType: z.string(),
  gymId: z.string(),
  branchId: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: deliveryStatusSchema,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  error: z.string().nullable(),
  /** "skipped: empty", an attachment sent as a summary, the owner told: worth a look. */
  note: z.string().nullable(),
  pdfPath: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DeliverySummary = z.infer<typeof deliverySummarySchema>;

export const deliveryDetailSchema = deliverySummarySchema.extend({
  report: z.unknown().nullable(),
  log: z.array(
    z.object({
      from: deliveryStatusSchema.nullable(),
      to: deliveryStatusSchema,
      message: z.string().nullable(),
      at: z.string(),
    }),
  ),
  /** Webhook URLs carry tokens: they are shown with their path hidden. */
  recipients: z.array(
    z.object({
      recipient: z.string(),
      status: z.enum(['pending', 'sent', 'failed']),
      error: z.string().nullable(),
      updatedAt: z.string(),
    }),
  ),
});
export type DeliveryDetail = z.infer<typeof deliveryDetailSchema>;

export const deliveryListInputSchema = z.object({
  status: deliveryStatusSchema.optional(),
  subscriptionId: z.number().int().positive().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

export const deliveryListSchema = z.object({
  items: z.array(deliverySummarySchema),
  total: z.number().int(),
  offset: z.number().int(),
});

/** Either a subscription's latest period now, or an ad-hoc report to the given recipients. */
export const sendNowInputSchema = z.union([
  z.object({ subscriptionId: z.number().int().positive() }).strict(),
  z
    .object({
      params: leadReportParamsSchema,
      method: deliveryMethodSchema,
      recipients: z.array(recipientEntrySchema).max(50).default([]),
      templateId: z.number().int().positive().nullable().default(null),
    })
    .strict()
    .superRefine((s, ctx) => refineRecipients(s.method, s.recipients, ctx)),
]);
export type SendNowInput = z.output<typeof sendNowInputSchema>;
