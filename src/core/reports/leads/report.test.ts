/**
 * The report's numbers against hand-computed fixtures (testing/fixtures.ts), on the real
 * PostgreSQL and on a real local store: every case runs on both and must give exactly the
 * expected JSON, so the two back ends cannot drift apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  leadReportParamsSchema,
  leadReportSchema,
  type LeadReport,
  type LeadReportParams,
} from '../../../shared/lead-report';
import type { LeadReportBackend } from './aggregates';
import { PostgresLeadReportBackend } from './postgres-backend';
import { computeLeadReport } from './service';
import { SqliteLeadReportBackend } from './sqlite-backend';
import {
  loadIntoPostgres,
  loadIntoStore,
  tempPostgres,
  tempStore,
  type TempPostgres,
  type TempStore,
} from './testing/databases';
import { B1, GYM, U1, U2, U3, U4, fixtureCalls, fixtureLeads } from './testing/fixtures';

const LONDON = 'Europe/London';
const SCHEMA = 'crm';

let pgDb: TempPostgres;
let local: TempStore;
const backends: Record<'postgres' | 'local', LeadReportBackend> = {} as never;

beforeAll(async () => {
  pgDb = await tempPostgres('leads_report');
  // A non-default schema, as DATABASE_SCHEMA allows.
  await loadIntoPostgres(pgDb.pool, { leads: fixtureLeads, calls: fixtureCalls }, SCHEMA);
  local = tempStore();
  loadIntoStore(local.store, { leads: fixtureLeads, calls: fixtureCalls });
  backends.postgres = new PostgresLeadReportBackend(pgDb.pool, SCHEMA);
  backends.local = new SqliteLeadReportBackend(local.store.sqlite);
});
afterAll(async () => {
  await pgDb?.drop();
  local?.drop();
});

const params = (p: Record<string, unknown>): LeadReportParams =>
  leadReportParamsSchema.parse({ gymId: GYM, timezone: LONDON, ...p });

/** The report from both back ends: valid, and identical. */
async function report(p: Record<string, unknown>): Promise<LeadReport> {
  const [fromPg, fromLocal] = await Promise.all([
    computeLeadReport(backends.postgres, params(p), 'UTC'),
    computeLeadReport(backends.local, params(p), 'UTC'),
  ]);
  expect(leadReportSchema.parse(fromPg)).toEqual(fromPg);
  expect(JSON.stringify(fromLocal)).toBe(JSON.stringify(fromPg));
  return fromPg;
}

function hours(filled: Record<number, [number, number]>): LeadReport['time_of_day'] {
  return Array.from({ length: 24 }, (_, hour) => {
    const [calls, completed] = filled[hour] ?? [0, 0];
    return { hour, calls, completed, success_rate: calls ? completed / calls : null };
  });
}

const noLeads = {
  created: 0,
  by_status: { new: 0, contacted: 0, qualified: 0, converted: 0, lost: 0 },
  converted: 0,
  conversion_rate: null,
};
const noCalls = {
  total: 0,
  by_status: { completed: 0, missed: 0, failed: 0 },
  success_rate: null,
  by_outcome: {},
  avg_duration_s: null,
};
const flatNull = { change_pct: null, direction: 'flat' };

describe('daily report on the 23-hour day (Europe/London, 2026-03-29)', () => {
  it('matches the hand-computed report exactly', async () => {
    expect(await report({ type: 'daily', date: '2026-03-29' })).toEqual({
      report_type: 'daily',
      gym_id: GYM,
      branch_id: null,
      period: {
        start: '2026-03-29T00:00:00.000+00:00',
        end: '2026-03-30T00:00:00.000+01:00',
        timezone: LONDON,
      },
      // Leads 1-5; lead 6 is 00:30 BST on the 30th. Converted: lead 4, and lead 7 (created
      // on the 20th, converted 23:30 BST); lead 8 converted 00:30 BST on the 30th.
      leads: {
        created: 5,
        by_status: { new: 1, contacted: 1, qualified: 1, converted: 1, lost: 1 },
        converted: 2,
        conversion_rate: 0.4,
      },
      // Calls 1-3, 6-12 (call 4 is 00:30 BST on the 30th; call 20 is another gym).
      calls: {
        total: 10,
        by_status: { completed: 5, missed: 4, failed: 1 },
        success_rate: 0.5,
        by_outcome: { callback: 2, interested: 2, no_answer: 2, not_interested: 1 },
        avg_duration_s: (100 + 200 + 50 + 300 + 30) / 5,
      },
      // 02:30 BST is hour 2 (hour 1 does not exist that day); 22:30Z is hour 23.
      time_of_day: hours({
        0: [1, 1],
        2: [1, 1],
        11: [1, 1],
        13: [2, 1],
        15: [3, 1],
        16: [1, 0],
        23: [1, 0],
      }),
      // By completed, then calls: U4 (1 of 3) before U2 and U3 (1 of 2, then by id).
      staff: [
        {
          user_id: U1,
          calls: 2,
          completed: 2,
          success_rate: 1,
          interested: 1,
          avg_duration_s: 150,
        },
        {
          user_id: U4,
          calls: 3,
          completed: 1,
          success_rate: 1 / 3,
          interested: 0,
          avg_duration_s: 30,
        },
        {
          user_id: U2,
          calls: 2,
          completed: 1,
          success_rate: 0.5,
          interested: 0,
          avg_duration_s: 50,
        },
        {
          user_id: U3,
          calls: 2,
          completed: 1,
          success_rate: 0.5,
          interested: 1,
          avg_duration_s: 300,
        },
      ],
      // Lost counts as contacted.
      funnel: { created: 5, contacted: 4, qualified: 2, converted: 1 },
      // 2026-03-28: leads 8 and 9; calls 5 and 13.
      previous: {
        leads: {
          created: 2,
          by_status: { new: 0, contacted: 1, qualified: 0, converted: 1, lost: 0 },
          converted: 0,
          conversion_rate: 0,
        },
        calls: {
          total: 2,
          by_status: { completed: 1, missed: 1, failed: 0 },
          success_rate: 0.5,
          by_outcome: { interested: 1 },
          avg_duration_s: 60,
        },
      },
      trends: {
        leads_created: { change_pct: 150, direction: 'up' },
        calls_total: { change_pct: 400, direction: 'up' },
        success_rate: { change_pct: 0, direction: 'flat' },
        converted: { change_pct: null, direction: 'up' },
      },
    });
  });

  it('counts the UTC day differently at 23:30 (the time-zone edge)', async () => {
    const utc = await report({ type: 'daily', date: '2026-03-29', timezone: 'UTC' });
    expect(utc.period).toEqual({
      start: '2026-03-29T00:00:00.000Z',
      end: '2026-03-30T00:00:00.000Z',
      timezone: 'UTC',
    });
    // Call 4 and lead 6 (23:30Z) are the 29th in UTC; call 3 (22:30Z) is hour 22, not 23.
    expect(utc.calls.total).toBe(11);
    expect(utc.leads.created).toBe(6);
    expect(utc.leads.converted).toBe(3); // leads 4, 7 and 8
    expect(utc.time_of_day[22]).toEqual({ hour: 22, calls: 1, completed: 0, success_rate: 0 });
    expect(utc.time_of_day[23]).toEqual({ hour: 23, calls: 1, completed: 1, success_rate: 1 });
    expect(utc.time_of_day[1]?.calls).toBe(1); // 01:30Z, which London calls 02:30
  });

  it('filters by branch', async () => {
    const r = await report({ type: 'daily', date: '2026-03-29', branchId: B1 });
    expect(r.branch_id).toBe(B1);
    // Lead 3 and call 8 are branch 2; lead 9 (previous day) too.
    expect(r.leads).toEqual({
      created: 4,
      by_status: { new: 1, contacted: 1, qualified: 0, converted: 1, lost: 1 },
      converted: 2,
      conversion_rate: 0.5,
    });
    expect(r.calls.total).toBe(9);
    expect(r.calls.by_outcome).toEqual({
      callback: 2,
      interested: 1,
      no_answer: 2,
      not_interested: 1,
    });
    expect(r.funnel).toEqual({ created: 4, contacted: 3, qualified: 1, converted: 1 });
    // U3's only branch-1 call failed: no completed calls, so no average duration.
    expect(r.staff.at(-1)).toEqual({
      user_id: U3,
      calls: 1,
      completed: 0,
      success_rate: 0,
      interested: 0,
      avg_duration_s: null,
    });
    expect(r.previous.leads.created).toBe(1);
    expect(r.trends.leads_created).toEqual({ change_pct: 300, direction: 'up' });
  });
});

describe('weekly report across the spring change (7 days ending 2026-03-29, 167 h)', () => {
  it('covers 2026-03-23..29 and compares with 03-16..22', async () => {
    const r = await report({ type: 'weekly', date: '2026-03-29' });
    expect(r.report_type).toBe('weekly');
    expect(r.period.start).toBe('2026-03-23T00:00:00.000+00:00');
    expect(r.period.end).toBe('2026-03-30T00:00:00.000+01:00');
    expect(r.leads).toEqual({
      created: 7, // leads 1-5, 8, 9
      by_status: { new: 1, contacted: 2, qualified: 1, converted: 2, lost: 1 },
      converted: 2, // leads 4 and 7
      conversion_rate: 2 / 7,
    });
    expect(r.calls.total).toBe(12);
    expect(r.calls.by_status).toEqual({ completed: 6, missed: 5, failed: 1 });
    expect(r.time_of_day.filter((h) => h.calls > 0).map((h) => [h.hour, h.calls])).toEqual([
      [0, 1],
      [2, 1],
      [10, 1],
      [11, 1],
      [13, 2],
      [15, 3],
      [16, 1],
      [23, 2],
    ]);
    expect(r.funnel).toEqual({ created: 7, contacted: 6, qualified: 3, converted: 2 });
    // The week before: lead 7 created (converted later), call 14 completed.
    expect(r.previous.leads).toEqual({
      created: 1,
      by_status: { new: 0, contacted: 0, qualified: 0, converted: 1, lost: 0 },
      converted: 0,
      conversion_rate: 0,
    });
    expect(r.previous.calls.total).toBe(1);
    expect(r.trends).toEqual({
      leads_created: { change_pct: 600, direction: 'up' },
      calls_total: { change_pct: 1100, direction: 'up' },
      success_rate: { change_pct: -50, direction: 'down' },
      converted: { change_pct: null, direction: 'up' },
    });
  });

  it('a custom period of the same days gives the same numbers', async () => {
    const weekly = await report({ type: 'weekly', date: '2026-03-29' });
    const custom = await report({ type: 'custom', start: '2026-03-23', end: '2026-03-29' });
    expect({ ...custom, report_type: 'weekly' }).toEqual(weekly);
  });
});

describe('the 25-hour day (Europe/London, 2026-10-25)', () => {
  it('daily: hour 1 happens twice, 00:10 BST belongs to the 25th', async () => {
    const r = await report({ type: 'daily', date: '2026-10-25' });
    expect(r.period).toEqual({
      start: '2026-10-25T00:00:00.000+01:00',
      end: '2026-10-26T00:00:00.000+00:00',
      timezone: LONDON,
    });
    expect(r.leads).toEqual(noLeads);
    expect(r.calls).toEqual({
      total: 4,
      by_status: { completed: 2, missed: 1, failed: 1 },
      success_rate: 0.5,
      by_outcome: { callback: 1, interested: 1 },
      avg_duration_s: 75,
    });
    expect(r.time_of_day).toEqual(hours({ 0: [1, 0], 1: [2, 2], 23: [1, 0] }));
    expect(r.staff).toEqual([
      {
        user_id: U1,
        calls: 2,
        completed: 1,
        success_rate: 0.5,
        interested: 1,
        avg_duration_s: 100,
      },
      { user_id: U2, calls: 2, completed: 1, success_rate: 0.5, interested: 0, avg_duration_s: 50 },
    ]);
    expect(r.previous.calls.total).toBe(1); // call 35, 23:30 BST on the 24th
    expect(r.trends).toEqual({
      leads_created: flatNull,
      calls_total: { change_pct: 300, direction: 'up' },
      success_rate: { change_pct: -50, direction: 'down' },
      converted: flatNull,
    });
  });

  it('weekly: 169 hours from 2026-10-19 00:00 BST', async () => {
    const r = await report({ type: 'weekly', date: '2026-10-25' });
    expect(r.period.start).toBe('2026-10-19T00:00:00.000+01:00');
    expect(r.period.end).toBe('2026-10-26T00:00:00.000+00:00');
    expect(r.calls.total).toBe(6); // calls 31-36
    expect(r.time_of_day.filter((h) => h.calls > 0).map((h) => [h.hour, h.calls])).toEqual([
      [0, 2],
      [1, 2],
      [23, 2],
    ]);
    expect(r.previous.calls).toEqual({
      total: 1, // call 37, 23:30 BST on the 18th
      by_status: { completed: 1, missed: 0, failed: 0 },
      success_rate: 1,
      by_outcome: { interested: 1 },
      avg_duration_s: 20,
    });
  });
});

describe('empty periods', () => {
  it('gives zeros, null rates, 24 empty hours, no staff and flat trends', async () => {
    expect(await report({ type: 'daily', date: '2026-06-01' })).toEqual({
      report_type: 'daily',
      gym_id: GYM,
      branch_id: null,
      period: {
        start: '2026-06-01T00:00:00.000+01:00',
        end: '2026-06-02T00:00:00.000+01:00',
        timezone: LONDON,
      },
      leads: noLeads,
      calls: noCalls,
      time_of_day: hours({}),
      staff: [],
      funnel: { created: 0, contacted: 0, qualified: 0, converted: 0 },
      previous: { leads: noLeads, calls: noCalls },
      trends: {
        leads_created: flatNull,
        calls_total: flatNull,
        success_rate: flatNull,
        converted: flatNull,
      },
    });
  });

  it('an empty current period after a busy one goes down by 100 %', async () => {
    const r = await report({ type: 'daily', date: '2026-03-30' });
    // The 30th holds lead 6, lead 8's conversion and call 4; the 29th is "previous".
    expect(r.calls.total).toBe(1);
    expect(r.trends.calls_total).toEqual({ change_pct: -90, direction: 'down' });
    const after = await report({ type: 'daily', date: '2026-03-31' });
    expect(after.trends.calls_total).toEqual({ change_pct: -100, direction: 'down' });
    expect(after.trends.success_rate).toEqual(flatNull);
  });

  it('an unknown gym is an empty report, not an error', async () => {
    const r = await report({
      type: 'daily',
      date: '2026-03-29',
      gymId: '00000000-0000-4000-8000-000000000000',
    });
    expect(r.calls).toEqual(noCalls);
  });
});
