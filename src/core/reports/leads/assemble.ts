/**
 * Turns the back ends' grouped rows into the report JSON (issue 4's definitions). Only
 * folding of a few dozen rows and the ratios happen here; every count comes from SQL.
 */
import {
  CALL_STATUSES,
  LEAD_STATUSES,
  type LeadReport,
  type LeadReportType,
} from '../../../shared/lead-report';
import type { CallGroupRow, LeadReportAggregates, PeriodTag, StaffRow } from './aggregates';
import type { ReportPeriod } from './period';
import { trend } from './trends';

type LeadsBlock = LeadReport['leads'];
type CallsBlock = LeadReport['calls'];

export interface AssembleInput {
  type: LeadReportType;
  gymId: string;
  branchId: string | null;
  period: ReportPeriod;
  aggregates: LeadReportAggregates;
}

/** A ratio, or null when there is nothing to divide by. */
export const ratio = (part: number, whole: number): number | null =>
  whole === 0 ? null : part / whole;

export function assembleReport(input: AssembleInput): LeadReport {
  const { aggregates: a, period } = input;
  const leads = leadsBlock(a, 'current');
  const calls = callsBlock(a.calls, 'current');
  const previous = { leads: leadsBlock(a, 'previous'), calls: callsBlock(a.calls, 'previous') };
  return {
    report_type: input.type,
    gym_id: input.gymId,
    branch_id: input.branchId,
    period: {
      start: isoOf(period.start),
      end: isoOf(period.end),
      timezone: period.zone,
    },
    leads,
    calls,
    time_of_day: timeOfDay(a),
    staff: a.staff.map(staffEntry),
    funnel: funnel(leads),
    previous,
    trends: {
      leads_created: trend(leads.created, previous.leads.created),
      calls_total: trend(calls.total, previous.calls.total),
      success_rate: trend(calls.success_rate, previous.calls.success_rate),
      converted: trend(leads.converted, previous.leads.converted),
    },
  };
}

function isoOf(d: ReportPeriod['start']): string {
  const text = d.toISO();
  if (!text) throw new Error(`Invalid period bound: ${d.invalidReason ?? 'unknown'}`);
  return text;
}

function leadsBlock(a: LeadReportAggregates, tag: PeriodTag): LeadsBlock {
  const byStatus = Object.fromEntries(LEAD_STATUSES.map((s) => [s, 0])) as LeadsBlock['by_status'];
  let created = 0;
  for (const row of a.leadStatus) {
    if (row.period !== tag) continue;
    created += row.n;
    if (isOneOf(LEAD_STATUSES, row.status)) byStatus[row.status] += row.n;
  }
  const converted = a.converted.find((r) => r.period === tag)?.n ?? 0;
  return { created, by_status: byStatus, converted, conversion_rate: ratio(converted, created) };
}

function callsBlock(rows: CallGroupRow[], tag: PeriodTag): CallsBlock {
  const byStatus = Object.fromEntries(CALL_STATUSES.map((s) => [s, 0])) as CallsBlock['by_status'];
  const byOutcome: Record<string, number> = {};
  let total = 0;
  let durationSum = 0;
  let durationN = 0;
  for (const row of rows) {
    if (row.period !== tag) continue;
    total += row.n;
    if (isOneOf(CALL_STATUSES, row.status)) byStatus[row.status] += row.n;
    if (row.outcome !== null) byOutcome[row.outcome] = (byOutcome[row.outcome] ?? 0) + row.n;
    durationSum += row.duration_sum;
    durationN += row.duration_n;
  }
  return {
    total,
    by_status: byStatus,
    success_rate: ratio(byStatus.completed, total),
    by_outcome: sortedKeys(byOutcome),
    avg_duration_s: ratio(durationSum, durationN),
  };
}

/** Outcomes in name order, so both back ends print the same JSON byte for byte. */
function sortedKeys(counts: Record<string, number>): Record<string, number> {
  const keys = Object.keys(counts).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, counts[k] ?? 0]));
}

function timeOfDay(a: LeadReportAggregates): LeadReport['time_of_day'] {
  return Array.from({ length: 24 }, (_, hour) => {
    const row = a.hours.find((h) => h.hour === hour);
    const calls = row?.calls ?? 0;
    const completed = row?.completed ?? 0;
    return { hour, calls, completed, success_rate: ratio(completed, calls) };
  });
}

function staffEntry(row: StaffRow): LeadReport['staff'][number] {
  return {
    user_id: row.user_id,
    calls: row.calls,
    completed: row.completed,
    success_rate: ratio(row.completed, row.calls),
    interested: row.interested,
    avg_duration_s: ratio(row.duration_sum, row.duration_n),
  };
}

/** Stages by current status: lost leads were reached, so they count as contacted. */
function funnel(leads: LeadsBlock): LeadReport['funnel'] {
  const s = leads.by_status;
  return {
    created: leads.created,
    contacted: s.contacted + s.qualified + s.converted + s.lost,
    qualified: s.qualified + s.converted,
    converted: s.converted,
  };
}

function isOneOf<T extends string>(values: readonly T[], value: string | null): value is T {
  return value !== null && (values as readonly string[]).includes(value);
}
