/**
 * The service end to end: the demo data written to PostgreSQL and seeded into a local store
 * with the same seed gives byte-identical reports; PostgreSQL is used when configured and
 * reachable, the local store otherwise; the contract handler returns {report, source}.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsSchema } from '../../../shared/contract';
import { leadReportParamsSchema, type LeadReport } from '../../../shared/lead-report';
import { effectiveConfig } from '../../config/effective';
import { SourceConnections } from '../../connections/source-connections';
import { writeDemoToPostgres } from '../../demo/into-postgres';
import { seedLocalStore } from '../../demo/seed-local';
import { Registry } from '../../rpc/registry';
import { registerLeadReportHandlers } from './handlers';
import { PostgresLeadReportBackend } from './postgres-backend';
import { computeLeadReport, groupGyms, LeadReportService } from './service';
import { SqliteLeadReportBackend } from './sqlite-backend';
import { tempPostgres, tempStore, type TempPostgres, type TempStore } from './testing/databases';

// "As of" 2026-04-02: the 60 days of demo data span both gyms' spring clock changes.
const now = new Date('2026-04-02T10:00:00.000Z');
const SEED = 11;

let pgDb: TempPostgres;
let local: TempStore;
let gyms: { gym_id: string; branch_id: string }[];

beforeAll(async () => {
  pgDb = await tempPostgres('leads_demo');
  await writeDemoToPostgres(pgDb.pool, { seed: SEED, size: 'small', now });
  local = tempStore();
  seedLocalStore(local.store, { seed: SEED, size: 'small', replace: true }, () => {}, { now });
  gyms = local.store.sqlite
    .prepare(
      'SELECT gym_id, MIN(branch_id) AS branch_id FROM leads GROUP BY gym_id ORDER BY gym_id',
    )
    .all() as typeof gyms;
});
afterAll(async () => {
  await pgDb?.drop();
  local?.drop();
});

describe('demo data on both back ends', () => {
  const cases = [
    { type: 'daily', date: '2026-03-29', timezone: 'Europe/London' },
    { type: 'daily', date: '2026-03-08', timezone: 'America/New_York' },
    { type: 'daily', date: '2026-04-01', timezone: 'UTC' },
    { type: 'weekly', date: '2026-03-29', timezone: 'Europe/London' },
    { type: 'weekly', date: '2026-04-01', timezone: 'America/New_York' },
    { type: 'custom', start: '2026-02-15', end: '2026-04-02', timezone: 'Asia/Kolkata' },
  ];

  it('gives identical reports from PostgreSQL and the local store', async () => {
    expect(gyms).toHaveLength(2);
    const pgBackend = new PostgresLeadReportBackend(pgDb.pool);
    const sqlite = new SqliteLeadReportBackend(local.store.sqlite);
    const reports: LeadReport[] = [];
    for (const { gym_id, branch_id } of gyms) {
      for (const c of cases) {
        for (const branchId of [null, branch_id]) {
          const params = leadReportParamsSchema.parse({ ...c, gymId: gym_id, branchId });
          const fromPg = await computeLeadReport(pgBackend, params, 'UTC');
          const fromLocal = await computeLeadReport(sqlite, params, 'UTC');
          expect(JSON.stringify(fromLocal)).toBe(JSON.stringify(fromPg));
          reports.push(fromPg);
        }
      }
    }
    // Not a comparison of empty reports: the weeks hold calls, staff, conversions and trends.
    const weekly = reports.filter((r) => r.report_type === 'weekly');
    expect(Math.min(...weekly.map((r) => r.calls.total))).toBeGreaterThan(5);
    expect(weekly.some((r) => r.leads.converted > 0 && r.staff.length > 1)).toBe(true);
    expect(weekly.some((r) => r.trends.calls_total.change_pct !== null)).toBe(true);
  });
});

describe('the gyms a report can be for (reports.leads.gyms)', () => {
  it('lists each gym with its branches and counts, the same from both back ends', async () => {
    const fromPg = await new PostgresLeadReportBackend(pgDb.pool).gyms();
    const fromLocal = await new SqliteLeadReportBackend(local.store.sqlite).gyms();
    const pgGyms = groupGyms(fromPg);
    expect(groupGyms(fromLocal)).toEqual(pgGyms);

    // Hand-counted from the rows themselves, per gym and per branch.
    const count = (table: string, gym: string, branch?: string) =>
      (
        local.store.sqlite
          .prepare(
            `SELECT count(*) AS n FROM ${table} WHERE gym_id = ? AND (? IS NULL OR branch_id = ?)`,
          )
          .get(gym, branch ?? null, branch ?? null) as { n: number }
      ).n;
    expect(pgGyms.map((g) => g.gymId).sort()).toEqual(gyms.map((g) => g.gym_id));
    for (const g of pgGyms) {
      expect(g.leads).toBe(count('leads', g.gymId));
      expect(g.calls).toBe(count('call_logs', g.gymId));
      expect(g.branches.length).toBeGreaterThan(0);
      for (const b of g.branches) {
        expect(b.leads).toBe(count('leads', g.gymId, b.branchId));
        expect(b.calls).toBe(count('call_logs', g.gymId, b.branchId));
      }
      expect(g.lastActivityAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    }
    // Most recently active first.
    const order = pgGyms.map((g) => g.lastActivityAt!);
    expect([...order].sort().reverse()).toEqual(order);
  });
});

describe('LeadReportService', () => {
  const service = (env: Record<string, string>) => {
    const config = () => effectiveConfig(settingsSchema.parse({}), env);
    const connections = new SourceConnections(config);
    return {
      connections,
      reports: new LeadReportService({ store: local.store, connections, config }),
    };
  };
  const input = () =>
    leadReportParamsSchema.parse({ type: 'weekly', date: '2026-04-01', gymId: gyms[0]?.gym_id });

  it('uses PostgreSQL when configured and reachable, in REPORT_TIMEZONE by default', async () => {
    const { connections, reports } = service({
      DATABASE_URL: pgDb.url,
      REPORT_TIMEZONE: 'America/New_York',
    });
    try {
      const r = await reports.generate(input());
      expect(r.source).toBe('postgres');
      expect(r.report.period.timezone).toBe('America/New_York');
      expect(connections.status('postgres').reachable).toBe(true);
      const fromLocal = await computeLeadReport(
        new SqliteLeadReportBackend(local.store.sqlite),
        input(),
        'America/New_York',
      );
      expect(r.report).toEqual(fromLocal);
    } finally {
      await connections.close();
    }
  });

  it('falls back to the local store when PostgreSQL is unreachable or not configured', async () => {
    const down = service({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
      REPORT_TIMEZONE: 'UTC',
    });
    try {
      const r = await down.reports.generate(input());
      expect(r.source).toBe('local');
      expect(r.report.calls.total).toBeGreaterThan(0);
      expect(down.connections.status('postgres')).toMatchObject({
        configured: true,
        reachable: false,
      });
    } finally {
      await down.connections.close();
    }
    const none = service({ REPORT_TIMEZONE: 'UTC' });
    expect((await none.reports.generate(input())).source).toBe('local');
  });

  it('is the contract method reports.leads.generate, with errors as data', async () => {
    const { connections, reports } = service({ REPORT_TIMEZONE: 'Europe/London' });
    const registry = new Registry();
    registerLeadReportHandlers(registry, reports);
    try {
      const ok = await registry.dispatch('reports.leads.generate', {
        type: 'daily',
        date: '2026-03-29',
        gymId: gyms[1]?.gym_id,
      });
      expect(ok).toMatchObject({
        ok: true,
        value: { source: 'local', report: { report_type: 'daily' } },
      });
      const bad = await registry.dispatch('reports.leads.generate', { type: 'daily', gymId: 'g' });
      expect(bad).toMatchObject({ ok: false, error: { type: 'invalid_input' } });
      const zone = await registry.dispatch('reports.leads.generate', {
        type: 'daily',
        date: '2026-03-29',
        gymId: 'g',
        timezone: 'Nowhere/Else',
      });
      expect(zone).toMatchObject({
        ok: false,
        error: { type: 'invalid_input', message: /time zone/ },
      });
    } finally {
      await connections.close();
    }
  });

  it('says so when a gym id cannot be a PostgreSQL uuid', async () => {
    const backend = new PostgresLeadReportBackend(pgDb.pool);
    const params = leadReportParamsSchema.parse({
      type: 'daily',
      date: '2026-03-29',
      gymId: 'gym-1',
    });
    await expect(computeLeadReport(backend, params, 'UTC')).rejects.toThrow(/uuid/);
  });
});
