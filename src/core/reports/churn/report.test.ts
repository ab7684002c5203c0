/**
 * The churn report against a hand-made shop (testing/fixtures.ts), on the real PostgreSQL
 * and a real local store: the features are counted by hand, every case runs on both back
 * ends and must give the same JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  churnReportSchema,
  type ChurnReport,
  type ChurnReportParams,
} from '../../../shared/churn-report';
import {
  tempPostgres,
  tempStore,
  type TempPostgres,
  type TempStore,
} from '../leads/testing/databases';
import type { ChurnBackend } from './features';
import { builtinChurnModel, builtinProbability, type ChurnFeatures } from './model';
import { PostgresChurnBackend } from './postgres-backend';
import { activityQuery, computeChurnReport } from './report';
import { weekActivity } from './score';
import {
  CLIENT,
  LONDON,
  WEEK_ENDING,
  fixtureEvents,
  fixtureUsers,
  loadShopIntoPostgres,
  loadShopIntoStore,
  noActivity,
} from './testing/fixtures';
import { SqliteChurnBackend } from './sqlite-backend';
import { resolveChurnWindow } from './window';

const SCHEMA = 'shop';
let pgDb: TempPostgres;
let local: TempStore;
const backends: Record<'postgres' | 'local', ChurnBackend> = {} as never;

beforeAll(async () => {
  pgDb = await tempPostgres('churn_report');
  // A non-default schema, as DATABASE_SCHEMA allows.
  await loadShopIntoPostgres(pgDb.pool, { events: fixtureEvents, users: fixtureUsers }, SCHEMA);
  local = tempStore('leadwatch-churn-');
  loadShopIntoStore(local.store, { events: fixtureEvents, users: fixtureUsers });
  backends.postgres = new PostgresChurnBackend(pgDb.pool, SCHEMA);
  backends.local = new SqliteChurnBackend(local.store.sqlite);
});
afterAll(async () => {
  await pgDb?.drop();
  local?.drop();
});

const params = (p: Partial<ChurnReportParams> = {}): ChurnReportParams => ({
  clientId: CLIENT,
  weekEnding: WEEK_ENDING,
  timezone: LONDON,
  ...p,
});

async function report(p: Partial<ChurnReportParams> = {}): Promise<ChurnReport> {
  const [fromPg, fromLocal] = await Promise.all([
    computeChurnReport(backends.postgres, builtinChurnModel, params(p), 'UTC'),
    computeChurnReport(backends.local, builtinChurnModel, params(p), 'UTC'),
  ]);
  expect(churnReportSchema.parse(fromPg)).toEqual(fromPg);
  expect(JSON.stringify(fromLocal)).toBe(JSON.stringify(fromPg));
  return fromPg;
}

const none = noActivity;

// Counted by hand from the fixture's events.
const thisWeek = {
  ann: {
    features: {
      ...none,
      added_to_wishlist: 1,
      added_to_cart: 2,
      total_sessions: 2,
      total_spent_usd: 25.5,
    },
    purchases: 2,
    spent28d: 175.5,
    sessions28d: 3,
  },
  bob: {
    features: { ...none, days_since_last_activity: 10 },
    purchases: 0,
    spent28d: 0,
    sessions28d: 1,
  },
  dan: {
    features: { ...none, total_sessions: 1, days_since_last_activity: 6 },
    purchases: 0,
    spent28d: 0,
    sessions28d: 1,
  },
};
const weekBefore = {
  ann: {
    features: { ...none, total_sessions: 1, days_since_last_activity: 5, total_spent_usd: 150 },
    purchases: 2,
    spent28d: 150,
    sessions28d: 1,
  },
  bob: {
    features: {
      ...none,
      added_to_cart: 1,
      removed_from_cart: 1,
      removed_from_wishlist: 1,
      total_sessions: 1,
      days_since_last_activity: 3,
    },
    purchases: 0,
    spent28d: 0,
    sessions28d: 1,
  },
  cat: {
    features: { ...none, days_since_last_activity: 21 },
    purchases: 0,
    spent28d: 200,
    sessions28d: 1,
  },
};

describe.each(['postgres', 'local'] as const)('activity from %s', (source) => {
  it('counts each customer of the week and the week before by hand', async () => {
    const w = resolveChurnWindow(params(), 'UTC');
    const rows = (await backends[source].activity(activityQuery(w, CLIENT))).sort((a, b) =>
      a.user_id.localeCompare(b.user_id),
    );
    const byUser = (list: ReturnType<typeof weekActivity>) =>
      Object.fromEntries(list.map(({ userId, ...rest }) => [userId, rest]));
    // cat's only event is before this week's 28 days; eve shops at another client.
    expect(byUser(weekActivity(rows, 'c', w.end.toMillis()))).toEqual(thisWeek);
    // dan's first event is the moment this week starts: not the week before's customer.
    expect(byUser(weekActivity(rows, 'p', w.start.toMillis()))).toEqual(weekBefore);
  });
});

describe('the report', () => {
  const p = (f: ChurnFeatures) => builtinProbability(f);
  const ann = p(thisWeek.ann.features);
  const bob = p(thisWeek.bob.features);
  const dan = p(thisWeek.dan.features);

  it('scores, counts and compares the week as the seed defines it', async () => {
    // The hand-computed features put each customer in a different risk level.
    expect([ann < 0.4, dan >= 0.4 && dan < 0.7, bob >= 0.8]).toEqual([true, true, true]);
    const r = await report();
    expect(r.period).toEqual({
      start: '2025-03-24T00:00:00.000+00:00',
      end: '2025-03-31T00:00:00.000+01:00',
      timezone: LONDON,
    });
    expect(r.report_data.summary).toEqual({
      totalCustomers: 3,
      highRiskCount: 1,
      churnedThisWeek: 1,
      retentionRate: 66.7,
      avgChurnProbability: Math.round(((ann + bob + dan) / 3) * 10_000) / 10_000,
      // The week before: ann low, bob medium, cat high and churned: the same counts.
      prevWeekComparison: { highRisk: 0, churned: 0, retention: 0 },
    });
  });

  it('puts customers in the seed’s segments over 28 days, with trends', async () => {
    const r = await report();
    const prevBob = p(weekBefore.bob.features);
    const prevAnn = p(weekBefore.ann.features);
    expect(r.report_data.segmentBreakdown).toEqual([
      { segment: 'High-Value', count: 0, riskLevel: null, trend: 'flat' },
      { segment: 'Regular', count: 0, riskLevel: null, trend: 'flat' },
      {
        segment: 'Occasional',
        count: 1,
        riskLevel: Math.round(ann * 1000) / 10,
        trend: ann < prevAnn ? 'down' : 'up',
      },
      {
        segment: 'New',
        count: 2,
        riskLevel: Math.round(((bob + dan) / 2) * 1000) / 10,
        trend: (bob + dan) / 2 > prevBob ? 'up' : 'down',
      },
    ]);
  });

  it('lists the high-risk customers with their names and warning signs', async () => {
    const r = await report();
    expect(r.report_data.atRiskCustomers).toEqual([
      {
        userId: 'bob',
        name: 'Bob <b>Baker</b>',
        email: 'bob@example.com',
        probability: Math.round(bob * 10_000) / 10_000,
        riskLevel: 'High',
        segment: 'New',
        daysSinceLastActivity: 10,
        spentLast28Days: 0,
        factors: [
          'No visit for a week or more',
          'Fewer visits than the week before',
          'No purchase in the last 28 days',
        ],
      },
    ]);
    expect(r.report_data.topRiskFactors).toEqual([
      { factor: 'No visit for a week or more', customers: 1, impact: 'High' },
      { factor: 'Fewer visits than the week before', customers: 1, impact: 'High' },
      { factor: 'No purchase in the last 28 days', customers: 1, impact: 'High' },
    ]);
  });

  it('says it in words that match the numbers', async () => {
    const d = (await report()).report_data;
    expect(d.keyInsights.slice(0, 2)).toEqual([
      '1 customer is currently classified as high churn risk.',
      '1 customer is estimated to have churned this week.',
    ]);
    expect(d.recommendations.map((x) => x.priority)).toEqual(['high', 'medium', 'medium']);
    expect(d.recommendations[0]?.action).toContain('1 high-risk customer.');
    expect(d.executiveSummary).toContain('This week you had 3 active customers, with 1 (33.3%)');
    expect(d.executiveSummary).toContain('a retention rate of 66.7%');
    expect(d.summarySource).toBe('template');
  });

  it('has no customers in a week with no activity in the 28 days to its end', async () => {
    const r = await report({ weekEnding: '2024-12-01' });
    expect(r.report_data.summary).toMatchObject({
      totalCustomers: 0,
      retentionRate: null,
      avgChurnProbability: null,
      prevWeekComparison: { highRisk: null, churned: null, retention: null },
    });
    expect(r.report_data.atRiskCustomers).toEqual([]);
    expect(r.report_data.keyInsights).toEqual([
      'No customer was active in the 28 days up to this week.',
    ]);
    expect(r.report_data.recommendations.map((x) => x.priority)).toEqual(['low']);
  });

  it('only counts the client asked for', async () => {
    const r = await report({ clientId: 8 });
    expect(r.report_data.summary.totalCustomers).toBe(1);
    expect(r.report_data.atRiskCustomers).toEqual([]);
  });

  it('refuses a date that is not one and an unknown zone', async () => {
    await expect(report({ weekEnding: '2025-02-30' })).rejects.toMatchObject({
      type: 'invalid_input',
    });
    await expect(report({ timezone: 'Mars/Olympus' })).rejects.toMatchObject({
      type: 'invalid_input',
    });
  });
});
