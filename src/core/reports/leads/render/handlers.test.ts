import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../../test/helpers/temp-dir';
import { createCore, type Core } from '../../../core';

describe('template and render handlers (through the contract)', () => {
  const temp = makeTempDir();
  let core: Core;

  beforeAll(() => {
    // Opened twice on one data dir: the built-ins are seeded once.
    createCore({ dataDir: temp.dir, env: {} }).close();
    core = createCore({ dataDir: temp.dir, env: {} });
  });
  afterAll(() => {
    core.close();
    temp.cleanup();
  });

  const call = (method: string, input: unknown) => core.registry.dispatch(method, input);

  it('lists the two built-ins once, with their template files as body', async () => {
    const { items } = await core.registry.call('templates.list', {});
    expect(items.filter((t) => t.builtin).map((t) => t.kind)).toEqual([
      'leads_daily',
      'leads_weekly',
    ]);
    const daily = items.find((t) => t.kind === 'leads_daily');
    const full = await core.registry.call('templates.get', { id: daily?.id ?? 0 });
    expect(full.body).toContain('Daily lead report');
    const weekly = await core.registry.call('templates.list', { kind: 'leads_weekly' });
    expect(weekly.items).toHaveLength(1);
  });

  it('refuses to change or delete a built-in', async () => {
    const { items } = await core.registry.call('templates.list', {});
    const id = items[0]?.id ?? 0;
    const del = await call('templates.delete', { id });
    expect(del).toMatchObject({ ok: false, error: { type: 'forbidden' } });
    const save = await call('templates.save', { id, name: 'x', kind: 'leads_daily', body: 'x' });
    expect(save).toMatchObject({ ok: false, error: { type: 'forbidden' } });
  });

  it('saves a valid custom template, refuses a broken one with line and reason', async () => {
    const broken = await call('templates.save', {
      name: 'Broken',
      kind: 'leads_daily',
      body: '<h1>{{title}}</h1>\n{{#each staff}}\n<p>{{userId}}</p>\n{{/if}}',
    });
    expect(broken).toMatchObject({ ok: false, error: { type: 'invalid_input' } });
    expect(!broken.ok && broken.error.message).toMatch(/line 2: each doesn't match if/);

    const saved = await core.registry.call('templates.save', {
      name: 'Short',
      kind: 'leads_daily',
      body: '<h1>CUSTOM {{title}}</h1><p>{{gym}}</p>',
    });
    expect(saved).toMatchObject({ name: 'Short', builtin: false });
    const renamed = await core.registry.call('templates.save', { ...saved, name: 'Shorter' });
    expect(renamed.name).toBe('Shorter');

    const html = await core.registry.call('reports.leads.render', {
      params: { type: 'daily', gymId: 'gym-1', date: '2026-11-22', timezone: 'UTC' },
      templateId: saved.id,
      format: 'html',
    });
    expect('html' in html && html.html).toContain('<h1>CUSTOM Daily lead report</h1>');

    await core.registry.call('templates.delete', { id: saved.id });
    expect(await call('templates.get', { id: saved.id })).toMatchObject({
      ok: false,
      error: { type: 'not_found' },
    });
  });

  it('previews a body against a sample report, or says what is wrong without failing', async () => {
    const ok = await core.registry.call('templates.preview', {
      kind: 'leads_weekly',
      body: '<p>{{number report.calls.total}} calls</p><script>alert(1)</script>',
    });
    expect(ok.problem).toBeNull();
    expect(ok.html).toContain('<p>826 calls</p>');
    expect(ok.html).not.toContain('<script');
    const bad = await core.registry.call('templates.preview', {
      kind: 'leads_weekly',
      body: 'a\n{{nope}}',
    });
    expect(bad).toEqual({
      html: null,
      problem: { line: 2, message: 'line 2: "nope" is not a field of the report data' },
    });
  });

  it('refuses templates nested thousands deep within a second, and answers other calls meanwhile', async () => {
    // The probe's shapes: 6,000 nested {{#if}} (took 32 s) and 8,000 nested {{#with}} (70 s).
    const deepIf = '{{#if hasStaff}}\n'.repeat(6000) + 'x' + '{{/if}}'.repeat(6000);
    const deepWith = '{{#with kpis}}'.repeat(8000) + 'x' + '{{/with}}'.repeat(8000);
    const start = performance.now();
    const timed = async (p: Promise<unknown>) => ({
      result: await p,
      ms: performance.now() - start,
    });
    const [save, preview, totals] = await Promise.all([
      timed(call('templates.save', { name: 'Deep', kind: 'leads_weekly', body: deepIf })),
      timed(call('templates.preview', { kind: 'leads_weekly', body: deepWith })),
      timed(call('sessions.priorityTotals', {})),
    ]);
    expect(save.result).toMatchObject({
      ok: false,
      error: {
        type: 'invalid_input',
        message: expect.stringMatching(
          /^The template cannot be used: line 51: blocks are nested more than 50 deep: \{\{#if hasStaff\}\} opens level 51/,
        ),
      },
    });
    expect(preview.result).toMatchObject({
      ok: true,
      value: {
        html: null,
        problem: { line: 1, message: expect.stringMatching(/nested more than 50 deep/) },
      },
    });
    expect(totals.result).toMatchObject({ ok: true, value: { totals: expect.any(Array) } });
    for (const { ms } of [save, preview, totals]) expect(ms).toBeLessThan(1000);
  });

  it('refuses a 200,000-letter field name at once, with a short message', async () => {
    // The message quotes the name, and its redaction once took 20 s on a run of letters.
    const start = performance.now();
    const r = await call('templates.save', {
      name: 'Long field',
      kind: 'leads_weekly',
      body: `{{${'a'.repeat(199_990)}}}`,
    });
    expect(performance.now() - start).toBeLessThan(2_000);
    expect(r).toMatchObject({
      ok: false,
      error: { type: 'invalid_input', message: expect.stringMatching(/a{80}…" is not a field/) },
    });
    expect(r.ok ? 0 : r.error.message.length).toBeLessThan(300);
  });

  it('saves and renders a template nested exactly as deep as allowed', async () => {
    // 50 levels: 45 blocks of three kinds and an {{else if}} chain of 5 in the innermost
    // ({{#each}} loops have a lower limit of their own, tested in validate.test.ts).
    const kinds = ['{{#if hasStaff}}', '{{#with period}}', '{{#unless @root.hasLeads}}'];
    const closers = ['{{/if}}', '{{/with}}', '{{/unless}}'];
    const picks = Array.from({ length: 45 }, (_, i) => i % 3);
    const body =
      picks.map((k) => `${kinds[k]}\n`).join('') +
      '{{#if @root.hasLeads}}A{{else if @root.hasCalls}}B{{else if @root.hasStaff}}C{{else if @root.hasLeads}}D{{else if @root.hasCalls}}E{{/if}}' +
      picks
        .reverse()
        .map((k) => closers[k])
        .join('') +
      '<p>DEEP {{title}}</p>';
    const saved = await core.registry.call('templates.save', {
      name: 'At the limit',
      kind: 'leads_weekly',
      body,
    });
    const out = await core.registry.call('reports.leads.render', {
      params: { type: 'weekly', gymId: 'gym-1', date: '2026-11-22', timezone: 'UTC' },
      templateId: saved.id,
      format: 'html',
    });
    expect('html' in out && out.html).toContain('<p>DEEP Weekly lead report</p>');
    await core.registry.call('templates.delete', { id: saved.id });
    const over = await call('templates.save', {
      name: 'Over',
      kind: 'leads_weekly',
      // One more block inside the last {{else if}}: level 51.
      body: body.replace('E{{/if}}', '{{#if hasStaff}}E{{/if}}{{/if}}'),
    });
    expect(over).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/line 46: blocks are nested more than 50 deep/) },
    });
  });

  it('renders a computed report to a PDF in the reports folder', async () => {
    const out = await core.registry.call('reports.leads.render', {
      params: { type: 'weekly', gymId: 'gym-1', date: '2026-11-22', timezone: 'UTC' },
      format: 'pdf',
    });
    if (!('pdfPath' in out)) throw new Error('expected a PDF');
    expect(out.pdfPath.startsWith(core.paths.reports)).toBe(true);
    expect(out.pdfPath).toMatch(/lead-report-weekly_gym-1_2026-11-16_2026-11-22\.pdf$/);
    const bytes = readFileSync(out.pdfPath);
    expect(bytes.length).toBe(out.bytes);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
