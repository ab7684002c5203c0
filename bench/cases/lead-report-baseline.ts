/**
 * The lead report as a first version would compute it: the gym's rows of both periods
 * pulled into JavaScript (filtered by gym and time in SQL, nothing more) and counted there,
 * with Luxon giving each call's local hour. It fills the same aggregates the SQL does, so
 * the report JSON is the same and the bench compares like with like.
 */
import { DateTime } from 'luxon';
import type pg from 'pg';
import type Database from 'better-sqlite3';
import type {
  CallGroupRow,
  LeadReportAggregates,
  PeriodTag,
  StaffRow,
} from '../../src/core/reports/leads/aggregates';
import { assembleReport } from '../../src/core/reports/leads/assemble';
import { resolvePeriod, type ReportPeriod } from '../../src/core/reports/leads/period';
import type { LeadReport, LeadReportParams } from '../../src/shared/lead-report';

interface CallRow {
  at: number;
  status: string;
  outcome: string | null;
  duration: number | null;
  user_id: string | null;
}
interface LeadRow {
  created: number;
  updated: number;
  lead_status: string;
}

/** Rows of the gym (and branch) in [previousStart, end): calls, leads created, leads updated. */
export interface RawRows {
  calls: CallRow[];
  created: LeadRow[];
  updated: LeadRow[];
}

export type RowFetcher = (p: LeadReportParams, period: ReportPeriod) => Promise<RawRows>;

export async function baselineReport(
  fetch: RowFetcher,
  params: LeadReportParams,
  zone: string,
): Promise<LeadReport> {
  const period = resolvePeriod(params, zone);
  const rows = await fetch(params, period);
  return assembleReport({
    type: params.type,
    gymId: params.gymId,
    branchId: params.branchId,
    period,
    aggregates: groupInJs(rows, period),
  });
}

function groupInJs(rows: RawRows, period: ReportPeriod): LeadReportAggregates {
  const cur = period.start.toMillis();
  const tag = (ms: number): PeriodTag => (ms >= cur ? 'current' : 'previous');
  const leadStatus = new Map<string, { period: PeriodTag; status: string; n: number }>();
  for (const l of rows.created) {
    const key = `${tag(l.created)}|${l.lead_status}`;
    const row = leadStatus.get(key) ?? { period: tag(l.created), status: l.lead_status, n: 0 };
    row.n += 1;
    leadStatus.set(key, row);
  }
  const converted = { current: 0, previous: 0 };
  for (const l of rows.updated) if (l.lead_status === 'converted') converted[tag(l.updated)] += 1;
  return {
    leadStatus: [...leadStatus.values()],
    converted: (['current', 'previous'] as const).map((p) => ({ period: p, n: converted[p] })),
    ...groupCalls(rows.calls, tag, period.zone),
  };
}

function groupCalls(
  calls: CallRow[],
  tag: (ms: number) => PeriodTag,
  zone: string,
): Pick<LeadReportAggregates, 'calls' | 'hours' | 'staff'> {
  const groups = new Map<string, CallGroupRow>();
  const hours = new Map<number, { hour: number; calls: number; completed: number }>();
  const staff = new Map<string, StaffRow>();
  for (const c of calls) {
    const period = tag(c.at);
    const done = c.status === 'completed';
    const duration = done && c.duration !== null ? c.duration : null;
    const key = `${period}|${c.status}|${c.outcome ?? ''}`;
    const g = groups.get(key) ?? {
      ...{ period, status: c.status, outcome: c.outcome },
      ...{ n: 0, duration_sum: 0, duration_n: 0 },
    };
    g.n += 1;
    if (duration !== null)
      [g.duration_sum, g.duration_n] = [g.duration_sum + duration, g.duration_n + 1];
    groups.set(key, g);
    if (period === 'previous') continue;
    const hour = DateTime.fromMillis(c.at, { zone }).hour;
    const h = hours.get(hour) ?? { hour, calls: 0, completed: 0 };
    [h.calls, h.completed] = [h.calls + 1, h.completed + (done ? 1 : 0)];
    hours.set(hour, h);
    if (c.user_id === null) continue;
    const s = staff.get(c.user_id) ?? {
      ...{ user_id: c.user_id, calls: 0, completed: 0, interested: 0 },
      ...{ duration_sum: 0, duration_n: 0 },
    };
    s.calls += 1;
    s.completed += done ? 1 : 0;
    s.interested += c.outcome === 'interested' ? 1 : 0;
    if (duration !== null)
      [s.duration_sum, s.duration_n] = [s.duration_sum + duration, s.duration_n + 1];
    staff.set(c.user_id, s);
  }
  const order = (a: StaffRow, b: StaffRow) =>
    b.completed - a.completed ||
    b.calls - a.calls ||
    (a.user_id < b.user_id ? -1 : a.user_id > b.user_id ? 1 : 0);
  return {
    calls: [...groups.values()],
    hours: [...hours.values()],
    staff: [...staff.values()].sort(order),
  };
}

const isoOf = (ms: number) => new Date(ms).toISOString();

export function sqliteRows(db: Database.Database): RowFetcher {
  const scope = 'gym_id = @gym AND (@branch IS NULL OR branch_id = @branch)';
  const calls = db.prepare(
    `SELECT created_at, status, outcome, duration, user_id FROM call_logs
     WHERE ${scope} AND created_at >= @from AND created_at < @to`,
  );
  const leads = (column: string) =>
    db.prepare(
      `SELECT created_at, updated_at, lead_status FROM leads
       WHERE ${scope} AND ${column} >= @from AND ${column} < @to`,
    );
  const [created, updated] = [leads('created_at'), leads('updated_at')];
  return (p, period) => {
    const args = {
      gym: p.gymId,
      branch: p.branchId,
      from: isoOf(period.previousStart.toMillis()),
      to: isoOf(period.end.toMillis()),
    };
    type Lead = { created_at: string; updated_at: string; lead_status: string };
    const lead = (l: Lead) => ({
      created: Date.parse(l.created_at),
      updated: Date.parse(l.updated_at),
      lead_status: l.lead_status,
    });
    return Promise.resolve({
      calls: (calls.all(args) as (Omit<CallRow, 'at'> & { created_at: string })[]).map((c) => ({
        ...c,
        at: Date.parse(c.created_at),
      })),
      created: (created.all(args) as Lead[]).map(lead),
      updated: (updated.all(args) as Lead[]).map(lead),
    });
  };
}

export function postgresRows(pool: pg.Pool): RowFetcher {
  return async (p, period) => {
    const params: unknown[] = [
      p.gymId,
      isoOf(period.previousStart.toMillis()),
      isoOf(period.end.toMillis()),
    ];
    const branch = p.branchId === null ? '' : ` AND branch_id = $${params.push(p.branchId)}`;
    const where = (column: string) =>
      `gym_id = $1${branch} AND ${column} >= $2::timestamptz AND ${column} < $3::timestamptz`;
    type Lead = { created_at: Date; updated_at: Date; lead_status: string };
    const lead = (l: Lead) => ({
      created: l.created_at.getTime(),
      updated: l.updated_at.getTime(),
      lead_status: l.lead_status,
    });
    const leads = (column: string) =>
      pool.query(
        `SELECT created_at, updated_at, lead_status FROM leads WHERE ${where(column)}`,
        params,
      );
    const [calls, created, updated] = await Promise.all([
      pool.query(
        `SELECT created_at, status, outcome, duration, user_id::text AS user_id FROM call_logs WHERE ${where('created_at')}`,
        params,
      ),
      leads('created_at'),
      leads('updated_at'),
    ]);
    return {
      calls: (calls.rows as (Omit<CallRow, 'at'> & { created_at: Date })[]).map((c) => ({
        ...c,
        at: c.created_at.getTime(),
      })),
      created: (created.rows as Lead[]).map(lead),
      updated: (updated.rows as Lead[]).map(lead),
    };
  };
}
