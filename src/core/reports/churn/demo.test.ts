/**
 * The churn report over the demo shop (400 users, 40,000 events over eight weeks), on the
 * real PostgreSQL and a local store seeded alike: both give the same report, and it finds
 * the signal the demo was written with (users whose story is "churned" went quiet weeks
 * ago; "loyal" ones keep buying).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { churnReportSchema } from '../../../shared/churn-report';
import { writeDemoToPostgres } from '../../demo/into-postgres';
import { seedLocalStore } from '../../demo/seed-local';
import {
  tempPostgres,
  tempStore,
  type TempPostgres,
  type TempStore,
} from '../leads/testing/databases';
import type { ChurnBackend } from './features';
import { builtinChurnModel } from './model';
import { PostgresChurnBackend } from './postgres-backend';
import { activityQuery, computeChurnReport } from './report';
import { scoreWeek, weekActivity } from './score';
import { SqliteChurnBackend } from './sqlite-backend';
import { resolveChurnWindow } from './window';

const NOW = new Date('2025-06-02T10:00:00.000Z');
const PARAMS = { clientId: 1, weekEnding: '2025-06-01', timezone: 'America/Chicago' };
// shop/users.ts deals stories in a cycle of twenty: these positions are churned, these loyal.
const CHURNED = new Set([1, 6, 11, 15]);
const LOYAL = new Set([0, 4, 7, 10, 14]);
const storyIndex = (userId: string) => (Number(userId.slice('user_'.length)) - 1) % 20;

let pgDb: TempPostgres;
let local: TempStore;
let pgBackend: ChurnBackend;
let localBackend: ChurnBackend;

beforeAll(async () => {
  pgDb = await tempPostgres('churn_demo');
  await writeDemoToPostgres(pgDb.pool, {
    seed: 42,
    size: 'standard',
    now: NOW,
    counts: { gymLeads: 0, callLogs: 0, chatSessions: 0, webChatSessions: 0 },
  });
  local = tempStore('leadwatch-churn-demo-');
  seedLocalStore(local.store, { seed: 42, size: 'standard', replace: false }, () => {}, {
    now: NOW,
  });
  pgBackend = new PostgresChurnBackend(pgDb.pool);
  localBackend = new SqliteChurnBackend(local.store.sqlite);
}, 120_000);
afterAll(async () => {
  await pgDb?.drop();
  local?.drop();
});

it('gives the same report from PostgreSQL and the local store', async () => {
  const fromPg = await computeChurnReport(pgBackend, builtinChurnModel, PARAMS, 'UTC');
  const fromLocal = await computeChurnReport(localBackend, builtinChurnModel, PARAMS, 'UTC');
  expect(churnReportSchema.parse(fromPg)).toEqual(fromPg);
  expect(JSON.stringify(fromLocal)).toBe(JSON.stringify(fromPg));
  const d = fromPg.report_data;
  expect(d.summary.totalCustomers).toBeGreaterThan(200);
  expect(d.atRiskCustomers).toHaveLength(25);
  expect(d.atRiskCustomers.every((c) => c.name && c.email)).toBe(true);
  const probabilities = d.atRiskCustomers.map((c) => c.probability);
  expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
});

it('finds the churned users at high risk and the loyal ones mostly not', async () => {
  const w = resolveChurnWindow(PARAMS, 'UTC');
  const rows = await localBackend.activity(activityQuery(w, 1));
  const activity = weekActivity(rows, 'c', w.end.toMillis());
  const scored = scoreWeek(
    activity,
    await builtinChurnModel.predict(activity.map((a) => a.features)),
  );
  const share = (stories: Set<number>) => {
    const group = scored.filter((c) => stories.has(storyIndex(c.userId)));
    expect(group.length).toBeGreaterThan(10);
    return group.filter((c) => c.risk === 'High').length / group.length;
  };
  expect(share(CHURNED)).toBeGreaterThan(0.9);
  expect(share(LOYAL)).toBeLessThan(0.2);
});
