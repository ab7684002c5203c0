/**
 * The report's aggregates from the local store's mirror (`leads`, `call_logs`). Times are
 * ISO 8601 UTC text there (schema.ts), so period bounds are compared as text in the same
 * format and the (gym_id, created_at) indexes serve every range. SQLite has no time
 * zones: local hours come from joining calls to the period's hour segments (computed
 * with Luxon, passed as one JSON parameter), one index range per local hour.
 */
import type Database from 'better-sqlite3';
import type { DateTime } from 'luxon';
import {
  GYMS_SQL,
  STAFF_SEEN_SQL,
  type StaffSeenRow,
  type AggregateQuery,
  type CallGroupRow,
  type ConvertedRow,
  type GymBranchRow,
  type HourRow,
  type LeadReportAggregates,
  type LeadReportBackend,
  type LeadStatusRow,
  type StaffRow,
} from './aggregates';

/** `toISOString()`'s format: what the store's writers use, so text order is time order. */
const iso = (d: DateTime): string => new Date(d.toMillis()).toISOString();

const scope = (c = '') => `${c}gym_id = @gym AND (@branch IS NULL OR ${c}branch_id = @branch)`;

const periodOf = (column: string) =>
  `CASE WHEN ${column} >= @cur THEN 'current' ELSE 'previous' END`;

const completedDurations = (c = '') => `
  COALESCE(SUM(${c}duration) FILTER (WHERE ${c}status = 'completed'), 0) AS duration_sum,
  COUNT(${c}duration) FILTER (WHERE ${c}status = 'completed') AS duration_n`;

const SQL = {
  leadStatus: `SELECT ${periodOf('created_at')} AS period, lead_status AS status, COUNT(*) AS n
    FROM leads WHERE ${scope()} AND created_at >= @prev AND created_at < @end
    GROUP BY 1, 2`,
  converted: `SELECT ${periodOf('updated_at')} AS period, COUNT(*) AS n
    FROM leads WHERE ${scope()} AND updated_at >= @prev AND updated_at < @end
      AND lead_status = 'converted'
    GROUP BY 1`,
  calls: `SELECT ${periodOf('created_at')} AS period, status, outcome, COUNT(*) AS n,
      ${completedDurations()}
    FROM call_logs WHERE ${scope()} AND created_at >= @prev AND created_at < @end
    GROUP BY 1, 2, 3`,
  hours: `WITH seg AS (
      SELECT value ->> 0 AS from_ts, value ->> 1 AS to_ts, value ->> 2 AS hour FROM json_each(@segments)
    )
    SELECT seg.hour AS hour, COUNT(*) AS calls,
      COUNT(*) FILTER (WHERE c.status = 'completed') AS completed
    FROM seg CROSS JOIN call_logs c
    WHERE ${scope('c.')} AND c.created_at >= seg.from_ts AND c.created_at < seg.to_ts
    GROUP BY seg.hour`,
  staff: `SELECT user_id, COUNT(*) AS calls,
      COUNT(*) FILTER (WHERE status = 'completed') AS completed,
      COUNT(*) FILTER (WHERE outcome = 'interested') AS interested,
      ${completedDurations()}
    FROM call_logs WHERE ${scope()} AND created_at >= @cur AND created_at < @end
      AND user_id IS NOT NULL
    GROUP BY user_id
    ORDER BY completed DESC, calls DESC, user_id`,
} as const;

export class SqliteLeadReportBackend implements LeadReportBackend {
  readonly source = 'local' as const;
  private readonly statements: { [K in keyof typeof SQL]: Database.Statement };

  constructor(private readonly db: Database.Database) {
    this.statements = {
      leadStatus: db.prepare(SQL.leadStatus),
      converted: db.prepare(SQL.converted),
      calls: db.prepare(SQL.calls),
      hours: db.prepare(SQL.hours),
      staff: db.prepare(SQL.staff),
    };
  }

  gyms(): Promise<GymBranchRow[]> {
    this.gymsStatement ??= this.db.prepare(
      GYMS_SQL('leads', 'call_logs', { text: (e) => e, int: (e) => e }),
    );
    return Promise.resolve(this.gymsStatement.all() as GymBranchRow[]);
  }

  private gymsStatement: Database.Statement | null = null;

  staffSeen(): Promise<StaffSeenRow[]> {
    const sql = STAFF_SEEN_SQL('call_logs', { text: (e) => e, int: (e) => e });
    return Promise.resolve(this.db.prepare(sql).all() as StaffSeenRow[]);
  }

  aggregate(query: AggregateQuery): Promise<LeadReportAggregates> {
    const { start, end, previousStart } = query.period;
    const params = {
      gym: query.gymId,
      branch: query.branchId,
      prev: iso(previousStart),
      cur: iso(start),
      end: iso(end),
      segments: JSON.stringify(
        query.hours.map((s) => [
          new Date(s.fromMs).toISOString(),
          new Date(s.toMs).toISOString(),
          s.hour,
        ]),
      ),
    };
    const s = this.statements;
    // One read transaction: in WAL mode every query sees the same snapshot.
    const read = this.db.transaction(() => ({
      leadStatus: s.leadStatus.all(params) as LeadStatusRow[],
      converted: s.converted.all(params) as ConvertedRow[],
      calls: s.calls.all(params) as CallGroupRow[],
      hours: s.hours.all(params) as HourRow[],
      staff: s.staff.all(params) as StaffRow[],
    }));
    return Promise.resolve(read());
  }
}
