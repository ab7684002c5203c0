import { z } from 'zod';
import { reportDaySchema } from './report-day';

/**
 * The lead performance report (issue 4), exactly as `leadwatch report leads --format json`
 * prints it and webhooks receive it. Field names are snake_case because this JSON is a
 * public format that other systems (n8n, scripts) consume, not an internal object.
 */

const count = z.number().int().nonnegative();
/** 0..1, or null when the denominator is 0. */
const rate = z.number().min(0).max(1).nullable();

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'converted', 'lost'] as const;
export const CALL_STATUSES = ['completed', 'missed', 'failed'] as const;

export const leadReportTypeSchema = z.enum(['daily', 'weekly', 'custom']);

const leadsBlockSchema = z.object({
  created: count,
  /** The period's new leads by their status now (reports: "New leads now converted"). */
  by_status: z.object({
    new: count,
    contacted: count,
    qualified: count,
    converted: count,
    lost: count,
  }),
  /** Leads marked converted in the period, whenever created (reports: "Converted this week"). */
  converted: count,
  /**
   * converted / created. Not capped at 1: `converted` counts leads converted in the period
   * whenever they were created, so a week that closes older leads can exceed 1.
   */
  conversion_rate: z.number().nonnegative().nullable(),
});

const callsBlockSchema = z.object({
  total: count,
  by_status: z.object({ completed: count, missed: count, failed: count }),
  success_rate: rate,
  by_outcome: z.record(z.string(), count),
  avg_duration_s: z.number().nonnegative().nullable(),
});

const trendSchema = z.object({
  change_pct: z.number().nullable(),
  direction: z.enum(['up', 'down', 'flat']),
});

export const leadReportSchema = z.object({
  report_type: leadReportTypeSchema,
  gym_id: z.string(),
  branch_id: z.string().nullable(),
  period: z.object({
    /** ISO 8601 with the zone's offset, e.g. 2026-03-29T00:00:00.000+01:00. */
    start: z.string(),
    /** Exclusive. */
    end: z.string(),
    timezone: z.string(),
  }),
  leads: leadsBlockSchema,
  calls: callsBlockSchema,
  time_of_day: z
    .array(
      z.object({
        hour: z.number().int().min(0).max(23),
        calls: count,
        completed: count,
        success_rate: rate,
      }),
    )
    .length(24),
  staff: z.array(
    z.object({
      user_id: z.string(),
      calls: count,
      completed: count,
      success_rate: rate,
      interested: count,
      avg_duration_s: z.number().nonnegative().nullable(),
    }),
  ),
  funnel: z.object({ created: count, contacted: count, qualified: count, converted: count }),
  previous: z.object({ leads: leadsBlockSchema, calls: callsBlockSchema }),
  trends: z.object({
    leads_created: trendSchema,
    calls_total: trendSchema,
    success_rate: trendSchema,
    converted: trendSchema,
  }),
});

export type LeadReport = z.infer<typeof leadReportSchema>;
export type LeadReportType = z.infer<typeof leadReportTypeSchema>;

/**
 * What to report on. daily: the calendar day `date`; weekly: the seven days ending on
 * `date` (inclusive); custom: `start`..`end` inclusive calendar days. Days are in
 * `timezone` (REPORT_TIMEZONE when omitted).
 */
export const leadReportParamsSchema = z
  .object({
    type: leadReportTypeSchema,
    gymId: z.string().min(1).max(100),
    branchId: z.string().min(1).max(100).nullable().default(null),
    date: reportDaySchema.optional(),
    start: reportDaySchema.optional(),
    end: reportDaySchema.optional(),
    timezone: z.string().min(1).max(100).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.type === 'custom') {
      if (!p.start || !p.end)
        ctx.addIssue({ code: 'custom', message: 'custom needs start and end' });
      else if (p.start > p.end) ctx.addIssue({ code: 'custom', message: 'start is after end' });
    } else if (!p.date) {
      ctx.addIssue({ code: 'custom', message: `${p.type} needs a date` });
    }
  });

export type LeadReportParams = z.infer<typeof leadReportParamsSchema>;

/** A gym the lead tables know, with its branches: what the Reports page offers to pick. */
export const reportGymSchema = z.object({
  gymId: z.string(),
  leads: z.number().int(),
  calls: z.number().int(),
  /** The newest lead or call (ISO), to put active gyms first. */
  lastActivityAt: z.string().nullable(),
  branches: z.array(
    z.object({ branchId: z.string(), leads: z.number().int(), calls: z.number().int() }),
  ),
});
export type ReportGym = z.infer<typeof reportGymSchema>;
