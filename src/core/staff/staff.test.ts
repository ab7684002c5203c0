import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { writeDemoToPostgres } from '../demo/into-postgres';
import { tempPostgres, type TempPostgres } from '../reports/leads/testing/databases';
import { useMachines } from '../team-db/testing/machines';
import { writeDemoStaff } from './demo-staff';

const DEMO = { seed: 7, size: 'small' as const, now: new Date('2026-11-20T12:00:00Z') };

const { machine } = useMachines('leadwatch-staff-');

/** A weekly report's HTML for the busiest gym, as the Reports page previews it. */
async function preview(core: Core, gymId: string) {
  return (await core.registry.call('reports.leads.render', {
    params: { type: 'custom', start: '2026-10-01', end: '2026-11-20', gymId, branchId: null },
    format: 'html',
  })) as { html: string };
}

describe('staff directory on the local store', () => {
  it('names the demo staff, renames and unnames, and the report shows names', async () => {
    const core = machine({});
    await core.registry.call('demo.seed', { size: 'small' });
    const { items, source, storage } = await core.registry.call('staff.list');
    expect({ source, storage }).toEqual({ source: 'local', storage: 'local' });
    expect(items.length).toBeGreaterThan(2);
    expect(items.every((i) => i.name)).toBe(true); // the demo names everyone who calls
    expect(items.map((i) => i.calls)).toEqual([...items.map((i) => i.calls)].sort((a, b) => b - a));

    const top = items[0]!;
    const renamed = await core.registry.call('staff.save', {
      userId: top.userId,
      name: 'Dana <b>Reyes</b>',
      email: 'dana@example.com',
    });
    expect(renamed).toEqual({
      userId: top.userId,
      name: 'Dana <b>Reyes</b>',
      email: 'dana@example.com',
      calls: top.calls,
    });
    const gym = (
      core.store.sqlite
        .prepare('SELECT gym_id FROM call_logs WHERE user_id = ?')
        .get(top.userId) as {
        gym_id: string;
      }
    ).gym_id;
    const named = await preview(core, gym);
    // Escaped like any text from the database, in the table and the chart.
    expect(named.html).toContain('Dana &lt;b&gt;Reyes&lt;/b&gt;');
    expect(named.html).not.toContain('<b>Reyes</b>');
    expect(named.html).not.toContain(`>${top.userId}<`);

    await core.registry.call('staff.save', { userId: top.userId, name: '' });
    const after = await core.registry.call('staff.list');
    expect(after.items.find((i) => i.userId === top.userId)).toMatchObject({ name: null });
    expect((await preview(core, gym)).html).toContain(top.userId); // the id again

    const bad = await core.registry.dispatch('staff.save', { userId: '', name: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { type: 'invalid_input' } });
  });
});

describe('staff directory in the team PostgreSQL', () => {
  let pg: TempPostgres;
  beforeAll(async () => {
    pg = await tempPostgres('staff');
    await writeDemoToPostgres(pg.pool, DEMO);
    await writeDemoStaff(pg.pool, DEMO);
  });
  afterAll(async () => {
    await pg.drop();
  });

  it('shares names between machines; reports on PostgreSQL rows show them', async () => {
    const a = machine({ DATABASE_URL: pg.url });
    const b = machine({ DATABASE_URL: pg.url });
    const list = await a.registry.call('staff.list');
    expect({ source: list.source, storage: list.storage }).toEqual({
      source: 'postgres',
      storage: 'postgres',
    });
    expect(list.items.length).toBeGreaterThan(2);
    expect(list.items.every((i) => i.name)).toBe(true);
    const top = list.items[0]!;
    const counted = await pg.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM call_logs WHERE user_id::text = $1',
      [top.userId],
    );
    expect(top.calls).toBe(counted.rows[0]!.n);

    await a.registry.call('staff.save', { userId: top.userId, name: 'Avery Quinn' });
    expect((await b.registry.call('staff.list')).items[0]).toMatchObject({
      userId: top.userId,
      name: 'Avery Quinn',
    });
    const gym = (
      await pg.pool.query<{ gym_id: string }>(
        'SELECT gym_id::text FROM call_logs WHERE user_id::text = $1 LIMIT 1',
        [top.userId],
      )
    ).rows[0]!.gym_id;
    const html = (await preview(b, gym)).html;
    expect(html).toContain('Avery Quinn');
    // The local store of these machines holds no names: they all came from the team's.
    expect(
      (b.store.sqlite.prepare('SELECT count(*) AS n FROM staff_users').get() as { n: number }).n,
    ).toBe(0);
  });
});
