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

export interface LeadReportBackend {
  readonly source: ReportSource;
  aggregate(query: AggregateQuery): Promise<LeadReportAggregates>;
}
