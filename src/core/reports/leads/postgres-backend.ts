/**
 * The report's aggregates from the team PostgreSQL (DESIGN.md "Source layouts": `leads`
 * and `call_logs` in the configured schema). Five grouped queries in one read-only
 * REPEATABLE READ transaction, so every number describes the same moment. Local hours come
 * from `AT TIME ZONE`. Parameterised SQL only; the schema name is validated and quoted.
 */
import type { DateTime } from 'luxon';
import type pg from 'pg';
import { qualified } from '../../sources/postgres/source-schema';
import { AppError } from '../../rpc/errors';
import {
  GYMS_SQL,
  STAFF_SEEN_SQL,
  type StaffSeenRow,
  type GymBranchRow,
  type AggregateQuery,
  type CallGroupRow,
  type ConvertedRow,
  type HourRow,
  type LeadReportAggregates,
  type LeadReportBackend,
  type LeadStatusRow,
  type StaffRow,
} from './aggregates';

// $1 gym, $2 branch or null, $3..$4 the time range; $5 where "current" starts (both
// periods) or the zone (hours). ::text comparisons suit uuid and text id columns alike.
const scope = (column: string) =>
  `gym_id = $1 AND ($2::text IS NULL OR branch_id::text = $2::text)
   AND ${column} >= $3::timestamptz AND ${column} < $4::timestamptz`;
const periodOf = (column: string) =>
  `CASE WHEN ${column} >= $5::timestamptz THEN 'current' ELSE 'previous' END`;
const completedDurations = `
  COALESCE(SUM(duration) FILTER (WHERE status = 'completed'), 0)::float8 AS duration_sum,
  COUNT(duration) FILTER (WHERE status = 'completed')::int AS duration_n`;

/** The five queries, given the qualified table names. */
const sql = (leads: string, calls: string) => ({
  leadStatus: `SELECT ${periodOf('created_at')} AS period, lead_status AS status, COUNT(*)::int AS n
    FROM ${leads} WHERE ${scope('created_at')} GROUP BY 1, 2`,
  converted: `SELECT ${periodOf('updated_at')} AS period, COUNT(*)::int AS n
    FROM ${leads} WHERE ${scope('updated_at')} AND lead_status = 'converted' GROUP BY 1`,
  calls: `SELECT ${periodOf('created_at')} AS period, status, outcome, COUNT(*)::int AS n,
      ${completedDurations}
    FROM ${calls} WHERE ${scope('created_at')} GROUP BY 1, 2, 3`,
  hours: `SELECT EXTRACT(HOUR FROM created_at AT TIME ZONE $5::text)::int AS hour,
      COUNT(*)::int AS calls, COUNT(*) FILTER (WHERE status = 'completed')::int AS completed
    FROM ${calls} WHERE ${scope('created_at')} GROUP BY 1`,
  staff: `SELECT user_id::text AS user_id, COUNT(*)::int AS calls,
      COUNT(*) FILTER (WHERE status = 'completed')::int AS completed,
      COUNT(*) FILTER (WHERE outcome = 'interested')::int AS interested,
      ${completedDurations}
    FROM ${calls} WHERE ${scope('created_at')} AND user_id IS NOT NULL
    GROUP BY user_id
    ORDER BY completed DESC, calls DESC, user_id::text COLLATE "C"`,
});

const iso = (d: DateTime): string => d.toUTC().toISO() ?? '';

/** uuid ids as text, bigint counts as int (pg hands bigints back as strings). */
const PG_CASTS = { text: (e: string) => `${e}::text`, int: (e: string) => `${e}::int` };

export class PostgresLeadReportBackend implements LeadReportBackend {
  readonly source = 'postgres' as const;
  private readonly sql: ReturnType<typeof sql>;
  private readonly gymsSql: string;

  constructor(
    private readonly pool: pg.Pool,
    private readonly schema = 'public',
  ) {
    const [leads, calls] = [qualified(schema, 'leads'), qualified(schema, 'call_logs')];
    this.sql = sql(leads, calls);
    this.gymsSql = GYMS_SQL(leads, calls, PG_CASTS);
  }

  async staffSeen(): Promise<StaffSeenRow[]> {
    const sql = STAFF_SEEN_SQL(qualified(this.schema, 'call_logs'), PG_CASTS);
    try {
      return (await this.pool.query<StaffSeenRow>(sql)).rows;
    } catch (error) {
      throw asAppError(error, { gymId: '', branchId: null } as AggregateQuery);
    }
  }

  async gyms(): Promise<GymBranchRow[]> {
    try {
      return (await this.pool.query<GymBranchRow>(this.gymsSql)).rows;
    } catch (error) {
      throw asAppError(error, { gymId: '', branchId: null } as AggregateQuery);
    }
  }

  async aggregate(query: AggregateQuery): Promise<LeadReportAggregates> {
    // One connection: the transaction's snapshot holds only on the client that began it.
    const conn = await this.pool.connect();
    try {
      await conn.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const result = await this.run(conn, query);
        await conn.query('COMMIT');
        return result;
      } catch (error) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw asAppError(error, query);
      }
    } finally {
      conn.release();
    }
  }

  private async run(conn: pg.ClientBase, q: AggregateQuery): Promise<LeadReportAggregates> {
    const { start, end, previousStart, zone } = q.period;
    const ids = [q.gymId, q.branchId];
    const both = [...ids, iso(previousStart), iso(end), iso(start)];
    const current = [...ids, iso(start), iso(end)];
    const rows = async <T>(text: string, params: unknown[]) =>
      (await conn.query(text, params)).rows as T[];
    return {
      leadStatus: await rows<LeadStatusRow>(this.sql.leadStatus, both),
      converted: await rows<ConvertedRow>(this.sql.converted, both),
      calls: await rows<CallGroupRow>(this.sql.calls, both),
      hours: await rows<HourRow>(this.sql.hours, [...current, zone]),
      staff: await rows<StaffRow>(this.sql.staff, current),
    };
  }
}

/** A gym or branch id the uuid columns cannot hold is the caller's mistake, not a crash. */
function asAppError(error: unknown, q: AggregateQuery): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === '22P02') {
    const ids = q.branchId ? `${q.gymId} / ${q.branchId}` : q.gymId;
    return new AppError('invalid_input', `Not a valid id for PostgreSQL's uuid columns: ${ids}`, {
      cause: error,
    });
  }
  if (code === '42P01') {
    const message = error instanceof Error ? error.message : String(error);
    return new AppError('unavailable', `PostgreSQL has no lead tables here: ${message}`, {
      cause: error,
    });
  }
  return error;
}
