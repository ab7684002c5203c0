/**
 * The weekly churn report (seed 003) for the demo shop's larger client, on the local store
 * and on PostgreSQL, as `leadwatch report churn` computes it: one grouped SQL pass, a row
 * per customer back, the model and the numbers in JavaScript. Baseline: the seed's way,
 * every event of the window pulled into JavaScript ordered by user and grouped there
 * (churn-report-baseline.ts). Setup checks all four give the same report JSON.
 */
import { writeDemoToPostgres } from '../../src/core/demo/into-postgres';
import type { ChurnBackend } from '../../src/core/reports/churn/features';
import { builtinChurnModel } from '../../src/core/reports/churn/model';
import { PostgresChurnBackend } from '../../src/core/reports/churn/postgres-backend';
import { computeChurnReport } from '../../src/core/reports/churn/report';
import { SqliteChurnBackend } from '../../src/core/reports/churn/sqlite-backend';
import { tempPostgres } from '../../src/core/reports/leads/testing/databases';
import { openStore } from '../../src/core/store/open';
import type { ChurnReport, ChurnReportParams } from '../../src/shared/churn-report';
import { AS_OF, NONE, SEED } from '../lib/fixtures';
import { formatCount } from '../lib/format';
import type { BenchCase, SetupContext, Step } from '../lib/types';
import { postgresBaseline, sqliteBaseline } from './churn-report-baseline';

/** The seed's scale: 100,000 users and 2,000,000 events, 20 per user over eight weeks. */
const EVENTS_PER_USER = 20;
// The demo data ends at AS_OF (2025-06-02 10:00Z): the last whole week before it, in the
// zone of client 1 (three users in four), whose shop runs on Chicago time.
const PARAMS: ChurnReportParams = {
  clientId: 1,
  weekEnding: '2025-06-01',
  timezone: 'America/Chicago',
};

interface Source {
  label: string;
  backend: ChurnBackend;
  baseline: ChurnBackend;
}

export const churnReport: BenchCase = {
  name: 'churn-report',
  description: 'Weekly churn report (seed 003) on SQLite and PostgreSQL',
  sizeUnit: 'events',
  sizes: { quick: 40_000, full: 2_000_000 },

  async setup(size, ctx) {
    const counts = { shopEvents: size, shopUsers: Math.round(size / EVENTS_PER_USER) };
    const sources = [await localSource(ctx, counts), await postgresSource(ctx, counts)];
    const steps: Step[] = [];
    let first: string | null = null;
    for (const s of sources) {
      const report = await generate(s.backend);
      const json = JSON.stringify(report);
      if (json !== JSON.stringify(await generate(s.baseline)))
        throw new Error(`${s.label}: the baseline's churn report differs from Leadwatch's`);
      if (first !== null && json !== first)
        throw new Error('PostgreSQL and the local store give different churn reports');
      first ??= json;
      steps.push({
        name: `weekly churn report, ${s.label} (client 1)`,
        items: size,
        unit: 'events',
        run: async () => void (await generate(s.backend)),
        baseline: async () => void (await generate(s.baseline)),
        note: describe(report, counts.shopUsers),
      });
    }
    return steps;
  },
};

const generate = (backend: ChurnBackend) =>
  computeChurnReport(backend, builtinChurnModel, PARAMS, 'UTC');

async function localSource(
  ctx: SetupContext,
  counts: { shopEvents: number; shopUsers: number },
): Promise<Source> {
  const seeded = await ctx.seededStore(counts);
  const store = openStore(seeded.databasePath);
  ctx.defer(() => store.close());
  const backend = new SqliteChurnBackend(store.sqlite);
  return {
    label: 'SQLite',
    backend,
    baseline: sqliteBaseline(store.sqlite, (c, ids) => backend.names(c, ids)),
  };
}

async function postgresSource(
  ctx: SetupContext,
  counts: { shopEvents: number; shopUsers: number },
): Promise<Source> {
  const db = await tempPostgres('bench_churn');
  ctx.defer(() => db.drop());
  ctx.log(`writing ${formatCount(counts.shopEvents)} events to PostgreSQL…`);
  // Only the shop tables: the same rows the local store was seeded with.
  await writeDemoToPostgres(db.pool, {
    seed: SEED,
    size: 'small',
    now: new Date(AS_OF),
    counts: { ...NONE, ...counts },
  });
  await db.pool.query('ANALYZE');
  const backend = new PostgresChurnBackend(db.pool);
  return {
    label: 'PostgreSQL',
    backend,
    baseline: postgresBaseline(db.pool, (c, ids) => backend.names(c, ids)),
  };
}

function describe(r: ChurnReport, users: number): string {
  const s = r.report_data.summary;
  return (
    `${formatCount(s.totalCustomers)} customers of ${formatCount(users)} users scored ` +
    `(and the week before's); ${formatCount(s.highRiskCount)} high risk`
  );
}
