/**
 * The lead performance report (issue 4), daily and weekly, for the demo's larger gym, on
 * the local store and on PostgreSQL, as `leadwatch report leads` computes it: grouped SQL,
 * a few dozen rows back. Baseline: the gym's rows of both periods pulled into JavaScript
 * and counted there (lead-report-baseline.ts). Setup checks that all four give the same
 * report JSON, so the figures compare equal work.
 */
import { writeDemoToPostgres } from '../../src/core/demo/into-postgres';
import { gymSetups } from '../../src/core/demo/gym/directory';
import { resolvePlan } from '../../src/core/demo/plan';
import type { LeadReportBackend } from '../../src/core/reports/leads/aggregates';
import { PostgresLeadReportBackend } from '../../src/core/reports/leads/postgres-backend';
import { computeLeadReport } from '../../src/core/reports/leads/service';
import { SqliteLeadReportBackend } from '../../src/core/reports/leads/sqlite-backend';
import { tempPostgres } from '../../src/core/reports/leads/testing/databases';
import { openStore } from '../../src/core/store/open';
import { leadReportParamsSchema, type LeadReport } from '../../src/shared/lead-report';
import { AS_OF, NONE, SEED } from '../lib/fixtures';
import { formatCount } from '../lib/format';
import type { BenchCase, SetupContext, Step } from '../lib/types';
import { baselineReport, postgresRows, sqliteRows, type RowFetcher } from './lead-report-baseline';

/** The demo's mix: 900 leads per 5,000 calls. */
const LEADS_PER_CALL = 900 / 5_000;
// The demo data ends at AS_OF (2025-06-02 10:00Z): the last whole day and week before it.
const REPORTS = [
  { name: 'daily', params: { type: 'daily', date: '2025-06-01' } },
  { name: 'weekly', params: { type: 'weekly', date: '2025-06-01' } },
] as const;

interface Source {
  label: string;
  backend: LeadReportBackend;
  rows: RowFetcher;
}

export const leadReport: BenchCase = {
  name: 'lead-report',
  description: 'Lead performance report (daily, weekly) on SQLite and PostgreSQL',
  sizeUnit: 'call logs',
  sizes: { quick: 20_000, full: 1_000_000 },

  async setup(size, ctx) {
    const counts = { callLogs: size, gymLeads: Math.round(size * LEADS_PER_CALL) };
    const now = new Date(AS_OF);
    const gym = gymSetups(resolvePlan({ seed: SEED, size: 'small', now, counts }))[0]?.gym;
    if (!gym) throw new Error('The demo has no gyms');
    const sources = [await localSource(ctx, counts), await postgresSource(ctx, counts, now)];
    const steps: Step[] = [];
    for (const { name, params: p } of REPORTS) {
      const params = leadReportParamsSchema.parse({ ...p, gymId: gym.id, timezone: gym.timezone });
      let first: string | null = null;
      for (const s of sources) {
        const report = await computeLeadReport(s.backend, params, 'UTC');
        const json = JSON.stringify(report);
        if (json !== JSON.stringify(await baselineReport(s.rows, params, 'UTC')))
          throw new Error(`${s.label} ${name}: the baseline's report differs from Leadwatch's`);
        if (first !== null && json !== first)
          throw new Error(`${name}: PostgreSQL and the local store give different reports`);
        first ??= json;
        steps.push({
          name: `${name} report, ${s.label} (${gym.name})`,
          items: size,
          unit: 'call logs',
          run: async () => void (await computeLeadReport(s.backend, params, 'UTC')),
          baseline: async () => void (await baselineReport(s.rows, params, 'UTC')),
          note: describe(report),
        });
      }
    }
    return steps;
  },
};

async function localSource(
  ctx: SetupContext,
  counts: { callLogs: number; gymLeads: number },
): Promise<Source> {
  const seeded = await ctx.seededStore(counts);
  const store = openStore(seeded.databasePath);
  ctx.defer(() => store.close());
  return {
    label: 'SQLite',
    backend: new SqliteLeadReportBackend(store.sqlite),
    rows: sqliteRows(store.sqlite),
  };
}

async function postgresSource(
  ctx: SetupContext,
  counts: { callLogs: number; gymLeads: number },
  now: Date,
): Promise<Source> {
  const db = await tempPostgres('bench_leads');
  ctx.defer(() => db.drop());
  ctx.log(`writing ${formatCount(counts.callLogs)} call logs to PostgreSQL…`);
  // Only the gym tables: the same rows the local store was seeded with.
  await writeDemoToPostgres(db.pool, {
    seed: SEED,
    size: 'small',
    now,
    counts: { ...NONE, ...counts },
  });
  await db.pool.query('ANALYZE');
  return {
    label: 'PostgreSQL',
    backend: new PostgresLeadReportBackend(db.pool),
    rows: postgresRows(db.pool),
  };
}

function describe(r: LeadReport): string {
  const { calls, previous } = r;
  return (
    `${formatCount(calls.total + previous.calls.total)} calls and ` +
    `${formatCount(r.leads.created + previous.leads.created)} leads in the period and the one ` +
    `before; ${r.staff.length} staff`
  );
}
