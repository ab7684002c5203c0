/**
 * The service picks its source as the lead report does (PostgreSQL when configured and
 * answering, else the local store) and answers through the contract, errors as data.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { settingsSchema } from '../../../shared/contract';
import { effectiveConfig } from '../../config/effective';
import { SourceConnections } from '../../connections/source-connections';
import { Registry } from '../../rpc/registry';
import {
  tempPostgres,
  tempStore,
  type TempPostgres,
  type TempStore,
} from '../leads/testing/databases';
import { registerChurnReportHandlers } from './handlers';
import { ChurnReportService } from './service';
import {
  CLIENT,
  LONDON,
  WEEK_ENDING,
  fixtureEvents,
  fixtureUsers,
  loadShopIntoPostgres,
  loadShopIntoStore,
} from './testing/fixtures';

let withTables: TempPostgres;
let empty: TempPostgres;
let local: TempStore;

beforeAll(async () => {
  withTables = await tempPostgres('churn_service');
  // Only ann and eve upstream: a report that differs from the local store's.
  await loadShopIntoPostgres(withTables.pool, {
    events: fixtureEvents.filter((e) => e.user_id === 'ann' || e.user_id === 'eve'),
    users: fixtureUsers,
  });
  empty = await tempPostgres('churn_no_tables');
  local = tempStore('leadwatch-churn-service-');
  loadShopIntoStore(local.store, { events: fixtureEvents, users: fixtureUsers });
});
afterAll(async () => {
  await withTables?.drop();
  await empty?.drop();
  local?.drop();
});

function registryWith(env: Record<string, string>) {
  const config = () => effectiveConfig(settingsSchema.parse({}), env);
  const connections = new SourceConnections(config);
  const registry = new Registry();
  registerChurnReportHandlers(
    registry,
    new ChurnReportService({ store: local.store, connections, config }),
  );
  return { registry, connections };
}

const input = { clientId: CLIENT, weekEnding: WEEK_ENDING };

it('reads PostgreSQL when it answers, the local store when it does not, in REPORT_TIMEZONE', async () => {
  const cases: { env: Record<string, string>; source: string; customers: number }[] = [
    { env: { DATABASE_URL: withTables.url }, source: 'postgres', customers: 1 },
    {
      env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' },
      source: 'local',
      customers: 3,
    },
    { env: {}, source: 'local', customers: 3 },
  ];
  for (const c of cases) {
    const { registry, connections } = registryWith({ ...c.env, REPORT_TIMEZONE: LONDON });
    try {
      const r = await registry.dispatch('reports.churn.generate', input);
      expect(r).toMatchObject({
        ok: true,
        value: {
          source: c.source,
          report: {
            period: { timezone: LONDON },
            report_data: { summary: { totalCustomers: c.customers } },
          },
        },
      });
    } finally {
      await connections.close();
    }
  }
});

it('says what is missing when PostgreSQL has no events table, and refuses bad input', async () => {
  const { registry, connections } = registryWith({ DATABASE_URL: empty.url });
  try {
    const missing = await registry.dispatch('reports.churn.generate', input);
    expect(missing).toMatchObject({
      ok: false,
      error: { type: 'unavailable', message: expect.stringMatching(/no shop event tables/) },
    });
    const bad = await registry.dispatch('reports.churn.generate', { clientId: 'one' });
    expect(bad).toMatchObject({ ok: false, error: { type: 'invalid_input' } });
  } finally {
    await connections.close();
  }
});
