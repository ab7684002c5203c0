/**
 * What each back end's SQL returns: small grouped rows (tens, not thousands), the same
 * shape from PostgreSQL and SQLite, so one assembler turns either into the report JSON.
 */
import type { HourSegment, ReportPeriod } from './period';

export type PeriodTag = 'current' | 'previous';

export interface AggregateQuery {
  gymId: string;
  branchId: string | null;
  period: ReportPeriod;
  /** Local hours of the current period, for back ends without time zones (SQLite). */
  hours: HourSegment[];
}

/** Leads created in a period, by current lead_status (any value the source holds). */
export interface LeadStatusRow {
  period: PeriodTag;
  status: string | null;
  n: number;
}

/** Leads with status `converted` whose updated_at falls in the period. */
export interface ConvertedRow {
  period: PeriodTag;
  n: number;
}

/** Calls per status and outcome, with the completed calls' durations for the average. */
export interface CallGroupRow {
  period: PeriodTag;
  status: string | null;
  outcome: string | null;
  n: number;
  duration_sum: number;
  duration_n: number;
}

/** Calls of the current period per local hour of created_at (hours without calls absent). */
export interface HourRow {
  hour: number;
  calls: number;
  completed: number;
}

/** Calls of the current period per caller, already in report order. */
export interface StaffRow {
  user_id: string;
  calls: number;
  completed: number;
  interested: number;
  duration_sum: number;
  duration_n: number;
}

export interface LeadReportAggregates {
  leadStatus: LeadStatusRow[];
  converted: ConvertedRow[];
  calls: CallGroupRow[];
  hours: HourRow[];
  staff: StaffRow[];
}

export type ReportSource = 'postgres' | 'local';

/** Leads and calls per gym and branch (branch null: rows without one), newest activity. */
export interface GymBranchRow {
  gym_id: string;
  branch_id: string | null;
  leads: number;
  calls: number;
  last_at: string | Date | null;
}

/** The most (gym, branch) pairs a picker is offered: far more than any team runs. */
export const MAX_GYM_ROWS = 5_000;

/**
 * Both back ends: one grouped pass over each table, merged in SQL. `text` and `int` are
 * the dialect's casts (PostgreSQL: uuid ids to text, bigint sums to int; SQLite: none).
 */
export const GYMS_SQL = (
  leads: string,
  calls: string,
  cast: { text: (e: string) => string; int: (e: string) => string },
) => `
  SELECT gym_id, branch_id, ${cast.int('SUM(leads)')} AS leads, ${cast.int('SUM(calls)')} AS calls,
    MAX(last_at) AS last_at
  FROM (
    SELECT ${cast.text('gym_id')} AS gym_id, ${cast.text('branch_id')} AS branch_id, COUNT(*) AS leads,
      0 AS calls, MAX(created_at) AS last_at
    FROM ${leads} GROUP BY 1, 2
    UNION ALL
    SELECT ${cast.text('gym_id')}, ${cast.text('branch_id')}, 0, COUNT(*), MAX(created_at)
    FROM ${calls} GROUP BY 1, 2
  ) t
  GROUP BY gym_id, branch_id
  ORDER BY MAX(last_at) DESC, gym_id, branch_id
  LIMIT ${MAX_GYM_ROWS}`;

/** Call log user ids with their call counts, busiest first. */
export interface StaffSeenRow {
  user_id: string;
  calls: number;
}

export const STAFF_SEEN_SQL = (
  calls: string,
  cast: { text: (e: string) => string; int: (e: string) => string },
) => `
  SELECT ${cast.text('user_id')} AS user_id, ${cast.int('COUNT(*)')} AS calls
  FROM ${calls} WHERE user_id IS NOT NULL
  GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${MAX_GYM_ROWS}`;

export interface LeadReportBackend {
  readonly source: ReportSource;
  aggregate(query: AggregateQuery): Promise<LeadReportAggregates>;
  gyms(): Promise<GymBranchRow[]>;
  staffSeen(): Promise<StaffSeenRow[]>;
}
