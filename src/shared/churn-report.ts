import { z } from 'zod';
import { reportDaySchema } from './report-day';

/**
 * The weekly churn report (seed 003), exactly as `leadwatch report churn --format json`
 * prints it. The shape is the one the shop's reporting API returned (`week_ending` plus
 * a camelCase `report_data`), so dashboards and scripts written against it keep working;
 * Leadwatch adds `client_id`, `period`, `model`, `atRiskCustomers` and `summarySource`.
 */

const count = z.number().int().nonnegative();
/** A share in percent, 0..100, one decimal. */
const percent = z.number().min(0).max(100);

export const CHURN_SEGMENTS = ['High-Value', 'Regular', 'Occasional', 'New'] as const;
export const CHURN_RISK_LEVELS = ['High', 'Medium', 'Low'] as const;

export const churnSegmentSchema = z.enum(CHURN_SEGMENTS);
export const churnRiskLevelSchema = z.enum(CHURN_RISK_LEVELS);

const trendSchema = z.enum(['up', 'down', 'flat']);

export const churnReportDataSchema = z.object({
  summary: z.object({
    /** Customers with any event in the 28 days up to the end of the week. */
    totalCustomers: count,
    highRiskCount: count,
    /** Customers whose churn probability is 0.8 or more. */
    churnedThisWeek: count,
    /** 100 × (1 − churned / customers); null with no customers. */
    retentionRate: percent.nullable(),
    /** 0..1, four decimals; null with no customers. */
    avgChurnProbability: z.number().min(0).max(1).nullable(),
    prevWeekComparison: z.object({
      /** Change in high-risk customers against the week before, percent; null from 0. */
      highRisk: z.number().nullable(),
      /** Change in churned customers against the week before, percent; null from 0. */
      churned: z.number().nullable(),
      /** Retention rate minus the week before's, in percentage points. */
      retention: z.number().nullable(),
    }),
  }),
  keyInsights: z.array(z.string()),
  topRiskFactors: z.array(
    z.object({
      factor: z.string(),
      impact: churnRiskLevelSchema,
      /** High-risk customers showing it. */
      customers: count,
    }),
  ),
  segmentBreakdown: z.array(
    z.object({
      segment: churnSegmentSchema,
      count,
      /** Average churn probability of the segment × 100; null when it is empty. */
      riskLevel: percent.nullable(),
      trend: trendSchema,
    }),
  ),
  recommendations: z.array(
    z.object({
      action: z.string(),
      priority: z.enum(['high', 'medium', 'low']),
      expectedImpact: z.string(),
    }),
  ),
  /** The riskiest customers, most likely to leave first (at most 25). */
  atRiskCustomers: z.array(
    z.object({
      userId: z.string(),
      name: z.string().nullable(),
      email: z.string().nullable(),
      probability: z.number().min(0).max(1),
      riskLevel: churnRiskLevelSchema,
      segment: churnSegmentSchema,
      daysSinceLastActivity: count,
      spentLast28Days: z.number().nonnegative(),
      factors: z.array(z.string()),
    }),
  ),
  executiveSummary: z.string(),
  /** 'template' until an LLM wrote it. */
  summarySource: z.enum(['template', 'llm']),
});

export const churnReportSchema = z.object({
  week_ending: z.string(),
  client_id: z.number().int(),
  period: z.object({
    /** ISO 8601 with the zone's offset; `end` is exclusive. */
    start: z.string(),
    end: z.string(),
    timezone: z.string(),
  }),
  /** Which model scored the customers: the built-in one or a file's name. */
  model: z.string(),
  report_data: churnReportDataSchema,
});

export type ChurnReport = z.infer<typeof churnReportSchema>;
export type ChurnReportData = z.infer<typeof churnReportDataSchema>;
export type ChurnSegment = z.infer<typeof churnSegmentSchema>;
export type ChurnRiskLevel = z.infer<typeof churnRiskLevelSchema>;

/** The seven days ending on `weekEnding` (inclusive) in `timezone` (REPORT_TIMEZONE). */
export const churnReportParamsSchema = z.object({
  clientId: z.number().int().nonnegative(),
  weekEnding: reportDaySchema,
  timezone: z.string().min(1).max(100).optional(),
});

export type ChurnReportParams = z.infer<typeof churnReportParamsSchema>;
