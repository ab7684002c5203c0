import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core';
import { checkTeamTables } from '../doctor/checks';
import { tempPostgres, type TempPostgres } from '../reports/leads/testing/databases';
import { migrateTeamDb, TEAM_MIGRATIONS } from './migrations';
import { useMachines } from './testing/machines';

const weekly = {
  gymId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
  branchId: null,
  reportType: 'weekly' as const,
  deliveryMethod: 'email' as const,
  recipients: ['manager@example.com'],
  deliveryTime: '09:00',
  deliveryDays: ['mon' as const],
  timezone: 'Europe/London',
  createdBy: 'owner@example.com',
};

const machines = useMachines('leadwatch-team-');
const machine = (env: NodeJS.ProcessEnv, dataDir?: string) => machines.machine(env, dataDir);

const localRows = (core: Core, table: string) =>
  (core.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('team tables in PostgreSQL', () => {
  let pg: TempPostgres;
  beforeAll(async () => {
    pg = await tempPostgres('team');
  });
  afterAll(async () => {
    await pg.drop();
  });

  it('machines sharing DATABASE_URL share subscriptions and templates, and nothing is kept locally', async () => {
    const a = machine({ DATABASE_URL: pg.url });
    const b = machine({ DATABASE_URL: pg.url });
    expect(a.team.storage).toBe('postgres');

    // Both start at once: the schema is made and the built-ins seeded exactly once.
    const [la, lb] = await Promise.all([
      a.registry.call('templates.list', {}),
      b.registry.call('templates.list', {}),
    ]);
    expect(la.items.filter((t) => t.builtin).map((t) => t.kind)).toEqual([
      'leads_daily',
      'leads_weekly',
    ]);
    expect(lb.items).toEqual(la.items);

    const custom = await a.registry.call('templates.save', {
      name: 'Team weekly',
      kind: 'leads_weekly',
      body: '<h1>{{title}}</h1>',
    });
    const sub = await a.registry.call('subscriptions.save', { ...weekly, templateId: custom.id });
    expect((await b.registry.call('subscriptions.list')).items).toEqual([sub]);
    expect((await b.registry.call('templates.get', { id: custom.id })).body).toBe(
      '<h1>{{title}}</h1>',
    );

    // In use on the team, so no machine may delete it.
    const refused = await b.registry.dispatch('templates.delete', { id: custom.id });
    expect(refused).toMatchObject({ ok: false, error: { type: 'conflict' } });

    const changed = await b.registry.call('subscriptions.save', {
      ...weekly,
      id: sub.id,
      templateId: custom.id,
      deliveryTime: '17:30',
    });
    expect((await a.registry.call('subscriptions.list')).items).toEqual([changed]);

    for (const core of [a, b]) {
      expect(localRows(core, 'subscriptions')).toBe(0);
      expect(localRows(core, 'report_templates')).toBe(0);
      expect(localRows(core, 'deliveries')).toBe(0);
    }
  });

  it('subscriptions made before the team database was set move into it, templates and all', async () => {
    const dir = machines.dir();
    const before = createCore({ dataDir: dir, env: { REPORT_TIMEZONE: 'UTC' } });
    const custom = await before.registry.call('templates.save', {
      name: 'Mine',
      kind: 'leads_weekly',
      body: '<h1>{{title}}</h1>',
    });
    const builtin = (await before.registry.call('templates.list', { kind: 'leads_daily' }))
      .items[0]!;
    await before.registry.call('subscriptions.save', { ...weekly, templateId: custom.id });
    await before.registry.call('subscriptions.save', {
      ...weekly,
      reportType: 'daily',
      deliveryDays: null,
      templateId: builtin.id,
    });
    before.close();

    const after = machine({ DATABASE_URL: pg.url }, dir);
    const listed = await after.registry.call('subscriptions.list');
    expect(listed).toMatchObject({ storage: 'postgres', localOnly: 2 });
    const teamBefore = listed.items.length;

    expect(await after.registry.call('subscriptions.moveToTeam', { pause: true })).toEqual({
      subscriptions: 2,
      templates: 1,
    });
    const moved = await after.registry.call('subscriptions.list');
    expect(moved.localOnly).toBe(0);
    expect(localRows(after, 'subscriptions')).toBe(0);
    const mine = moved.items.slice(teamBefore);
    expect(mine.map((s) => [s.reportType, s.active])).toEqual([
      ['weekly', false],
      ['daily', false],
    ]);
    // The custom template came along; the built-in is the team's own built-in.
    const copied = await after.registry.call('templates.get', { id: mine[0]!.templateId! });
    expect(copied).toMatchObject({
      name: expect.stringMatching(/^Mine \(from /),
      body: '<h1>{{title}}</h1>',
    });
    const teamDaily = await after.registry.call('templates.get', { id: mine[1]!.templateId! });
    expect(teamDaily).toMatchObject({ builtin: true, kind: 'leads_daily' });

    // Another machine sees them; moving again has nothing to move.
    const other = machine({ DATABASE_URL: pg.url });
    expect((await other.registry.call('subscriptions.list')).items).toEqual(moved.items);
    expect(await after.registry.call('subscriptions.moveToTeam', {})).toEqual({
      subscriptions: 0,
      templates: 0,
    });
  });

  it('a delivery claimed on one machine is the same row on the other, with its history', async () => {
    const a = machine({ DATABASE_URL: pg.url });
    const b = machine({ DATABASE_URL: pg.url });
    const sub = await a.registry.call('subscriptions.save', {
      ...weekly,
      deliveryMethod: 'webhook',
      recipients: ['http://127.0.0.1:9/hook'], // nothing listens: the try fails quickly
    });
    const d = await a.registry.call('reports.leads.sendNow', { subscriptionId: sub.id });
    expect(d.status).toBe('pending'); // failed once, waiting for its retry

    const seen = await b.registry.call('deliveries.get', { id: d.id });
    expect(seen).toMatchObject({ id: d.id, subscriptionId: sub.id, attempts: 1 });
    expect(seen.log.map((l) => l.to)).toEqual(['pending', 'rendering', 'pending']);
    expect(seen.error).toBeTruthy();

    // Deleting the subscription on b keeps the history both machines see.
    await b.registry.call('subscriptions.delete', { id: sub.id });
    const kept = await a.registry.call('deliveries.list', { subscriptionId: sub.id });
    expect(kept.items.map((i) => i.id)).toEqual([d.id]);
  });
});

describe('team database migrations', () => {
  let pg: TempPostgres;
  beforeAll(async () => {
    pg = await tempPostgres('teammig');
  });
  afterAll(async () => {
    await pg.drop();
  });

  it('doctor tells whether the schema is there, at which version, or too new', async () => {
    expect(await checkTeamTables(pg.url)).toMatchObject({
      status: 'ok',
      detail: expect.stringMatching(/not created yet/),
    });
    expect(await checkTeamTables(null)).toMatchObject({
      status: 'ok',
      detail: expect.stringMatching(/local store/),
    });
    expect(await checkTeamTables('postgres://nobody@127.0.0.1:9/none')).toMatchObject({
      status: 'fail',
      hint: expect.stringMatching(/start PostgreSQL or correct DATABASE_URL/),
    });
  });

  it('instances migrating at once apply each migration once', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => migrateTeamDb(pg.pool)));
    const applied = results.flatMap((r) => r.applied);
    expect(applied).toEqual(TEAM_MIGRATIONS.map((m) => m.version));
    const rows = await pg.pool.query('SELECT version FROM leadwatch.schema_migrations');
    expect(rows.rowCount).toBe(TEAM_MIGRATIONS.length);
    expect((await checkTeamTables(pg.url)).detail).toMatch(
      new RegExp(`^leadwatch schema v${TEAM_MIGRATIONS.at(-1)!.version}: `),
    );
  });

  it('refuses a schema a newer Leadwatch migrated, and says to update', async () => {
    await migrateTeamDb(pg.pool);
    await pg.pool.query(
      `INSERT INTO leadwatch.schema_migrations (version, name) VALUES (999, 'from the future')`,
    );
    await expect(migrateTeamDb(pg.pool)).rejects.toThrow(/newer than this Leadwatch knows/);
    expect(await checkTeamTables(pg.url)).toMatchObject({
      status: 'fail',
      detail: `leadwatch schema v999, newer than this Leadwatch (v${TEAM_MIGRATIONS.at(-1)!.version})`,
    });
    const core = machine({ DATABASE_URL: pg.url });
    const r = await core.registry.dispatch('subscriptions.list', {});
    expect(r).toMatchObject({ ok: false, error: { type: 'unavailable' } });
    if (!r.ok) expect(r.error.message).toMatch(/update Leadwatch on this machine/);
    await pg.pool.query('DELETE FROM leadwatch.schema_migrations WHERE version = 999');
  });
});

describe('without a reachable team database', () => {
  it('no DATABASE_URL: the local store holds the team tables', async () => {
    const core = machine({});
    expect(core.team.storage).toBe('local');
    await core.registry.call('subscriptions.save', weekly);
    expect(localRows(core, 'subscriptions')).toBe(1);
  });

  it('DATABASE_URL set but down: a clear error, and never a silent switch to local tables', async () => {
    const core = machine({
      DATABASE_URL: 'postgres://leadwatch@127.0.0.1:9/team',
      DELIVERY_POLL_SECONDS: '0.1',
    });
    for (const [method, input] of [
      ['subscriptions.list', {}],
      ['subscriptions.save', weekly],
      ['templates.list', {}],
      ['deliveries.list', {}],
    ] as const) {
      const r = await core.registry.dispatch(method, input);
      expect(r, method).toMatchObject({ ok: false, error: { type: 'unavailable' } });
      if (!r.ok) {
        expect(r.error.message).toMatch(/team database \(DATABASE_URL\) is not reachable/);
        expect(r.error.message).toMatch(/check that PostgreSQL is running/);
      }
    }
    expect(localRows(core, 'subscriptions')).toBe(0);
    // The scheduler's tick fails the same way (logged), claiming nothing anywhere.
    await expect(core.deliveries.scheduler.tick()).rejects.toThrow(/not reachable/);
    expect(localRows(core, 'deliveries')).toBe(0);

    // A running scheduler keeps trying; the outage is logged once, not once per poll.
    core.deliveries.scheduler.start();
    await new Promise((r) => setTimeout(r, 600));
    const logged = core.store.sqlite
      .prepare(`SELECT message FROM error_log WHERE scope = 'scheduler'`)
      .all() as { message: string }[];
    expect(logged).toHaveLength(1);
    expect(logged[0]?.message).toMatch(/scheduler tick failed: .*not reachable/);
  });
});
