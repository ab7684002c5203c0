import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { writeDemoToPostgres } from '../demo/into-postgres';
import { tempPostgres, type TempPostgres } from '../reports/leads/testing/databases';
import { leadReportMail } from '../reports/leads/render/mail';
import { buildLeadReportDocument } from '../reports/leads/render/render';
import { sampleLeadReport } from '../reports/leads/render/sample-report';
import { slackSummary } from '../reports/leads/render/slack';
import { writeDemoStaff } from '../staff/demo-staff';
import { useMachines } from '../team-db/testing/machines';

const DEMO = { seed: 7, size: 'small' as const, now: new Date('2026-11-20T12:00:00Z') };

const { machine } = useMachines('leadwatch-gyms-');

const params = (gymId: string, branchId: string | null = null) => ({
  type: 'custom' as const,
  start: '2026-10-01',
  end: '2026-11-20',
  gymId,
  branchId,
});

/** The report's HTML and its running header (the PDF's every page), as rendered. */
async function preview(core: Core, gymId: string, branchId: string | null = null) {
  return (
    (await core.registry.call('reports.leads.render', {
      params: params(gymId, branchId),
      format: 'html',
    })) as { html: string }
  ).html;
}

/** The masthead's "Gym …" and "Branch …" values, as the reader sees them. */
function masthead(html: string): { gym: string; branch: string } {
  const meta = /<div class=['"]masthead-meta['"]>([\s\S]*?)<\/div>\s*<\/header>/.exec(html)?.[1];
  const value = (label: string) =>
    new RegExp(`<b>${label}</b>([^<]*)</div>`).exec(meta ?? '')?.[1]?.trim() ?? '';
  return { gym: value('Gym'), branch: value('Branch') };
}

describe('gym directory on the local store', () => {
  it('names the demo gyms and branches; renames and unnames; the report shows the names', async () => {
    const core = machine({});
    await core.registry.call('demo.seed', { size: 'small' });
    const { items, source, storage } = await core.registry.call('gymNames.list');
    expect({ source, storage }).toEqual({ source: 'local', storage: 'local' });
    const gyms = items.filter((i) => i.branchId === null);
    expect(gyms.map((g) => g.name).sort()).toEqual(['Ironworks Fitness', 'Peak Performance Gyms']);
    expect(items.filter((i) => i.branchId !== null).every((b) => b.name)).toBe(true);
    const gym = gyms[0]!;
    const branch = items.find((i) => i.gymId === gym.gymId && i.branchId !== null)!;
    expect(gym.leads).toBeGreaterThan(0);

    const named = await preview(core, gym.gymId, branch.branchId);
    expect(masthead(named)).toEqual({ gym: gym.name, branch: branch.name });
    expect(named).not.toContain(`<b>Gym</b>${gym.gymId}`);

    const saved = await core.registry.call('gymNames.save', {
      gymId: gym.gymId,
      branchId: null,
      name: 'Iron <b>&</b> Co',
    });
    expect(saved).toEqual({ ...gym, name: 'Iron <b>&</b> Co' });
    const renamed = await preview(core, gym.gymId);
    expect(masthead(renamed)).toEqual({
      gym: 'Iron &lt;b&gt;&amp;&lt;/b&gt; Co',
      branch: 'All branches',
    });

    await core.registry.call('gymNames.save', { gymId: gym.gymId, branchId: null, name: '' });
    expect(masthead(await preview(core, gym.gymId)).gym).toBe(gym.gymId); // the id again
    const after = await core.registry.call('gymNames.list');
    expect(after.items.find((i) => i.gymId === gym.gymId && !i.branchId)?.name).toBeNull();

    const bad = await core.registry.dispatch('gymNames.save', { gymId: ' ', name: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { type: 'invalid_input' } });
    // Kept beside the settings, which still read as before.
    expect((await core.registry.call('settings.get')).botName).toBeTypeOf('string');
  });
});

describe('gym directory in the team PostgreSQL', () => {
  let pg: TempPostgres;
  beforeAll(async () => {
    pg = await tempPostgres('gyms');
    await writeDemoToPostgres(pg.pool, DEMO);
    await writeDemoStaff(pg.pool, DEMO); // what `demo --into postgres` runs: staff and gym names
  });
  afterAll(async () => {
    await pg.drop();
  });

  it('has the demo names, shares a rename between machines, and the header shows it', async () => {
    const a = machine({ DATABASE_URL: pg.url });
    const b = machine({ DATABASE_URL: pg.url });
    const list = await a.registry.call('gymNames.list');
    expect({ source: list.source, storage: list.storage }).toEqual({
      source: 'postgres',
      storage: 'postgres',
    });
    expect(list.items.length).toBeGreaterThan(2);
    expect(list.items.every((i) => i.name)).toBe(true);
    const gym = list.items.find((i) => i.branchId === null)!;
    await a.registry.call('gymNames.save', {
      gymId: gym.gymId,
      branchId: null,
      name: 'North Star Gym',
    });
    const html = await preview(b, gym.gymId);
    expect(masthead(html).gym).toBe('North Star Gym');
    const rows = await pg.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM leadwatch.gym_names WHERE name = $1',
      ['North Star Gym'],
    );
    expect(rows.rows[0]!.n).toBe(1);
    // Nothing kept on these machines: the names came from the team's directory.
    const local = b.store.sqlite
      .prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'gym-name:%'")
      .get() as { n: number };
    expect(local.n).toBe(0);
  });
});

describe('gym names in every rendering', () => {
  it('the running header, the mail subject and body, and Slack name the gym and branch', () => {
    const report = sampleLeadReport('weekly');
    const gymNames = { gym: 'Ironworks Fitness', branch: 'Brooklyn' };
    const doc = buildLeadReportDocument(report, { kind: 'weekly', gymNames });
    expect(doc.headerTemplate).toContain('Gym Ironworks Fitness');
    expect(doc.headerTemplate).not.toContain(report.gym_id);
    const mail = leadReportMail(report, undefined, { gymNames });
    expect(mail.subject).toBe('Weekly lead report · 16 – 22 November 2026 · Gym Ironworks Fitness');
    expect(mail.text).toContain('Gym Ironworks Fitness · Branch Brooklyn');
    const slack = slackSummary(report, { gymNames });
    expect(JSON.stringify(slack.blocks)).toContain('Gym Ironworks Fitness · Branch Brooklyn');
    // Without a name the id stays, as before.
    expect(leadReportMail(report).subject).toContain(`Gym ${report.gym_id}`);
    // The file name keeps the id: names change, files must not collide.
    expect(doc.view.gymId).toBe(report.gym_id);
  });
});
