import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { builtinTemplate, compileLeadTemplate } from './engine';
import { sampleLeadReport } from './sample-report';
import { toTemplateData } from './template-data';
import { validateTemplate } from './validate';
import { buildLeadReportView } from './view-model';

/** The sample report's data with `staff` rows, as a big gym's report would have. */
function dataWithStaff(count: number) {
  const data = toTemplateData(buildLeadReportView(sampleLeadReport('weekly')));
  const row = (data.staff as unknown[])[0];
  return { ...data, staff: Array.from({ length: count }, () => row) };
}

describe('the render budget', () => {
  // The third probe's template: valid (three loops deep, under 3,000 expressions), but
  // 1,498 loops side by side at the third level; 60 staff made it 27 s of work.
  const siblings =
    '{{#each staff}}{{#each @root.staff}}' +
    '{{#each @root.staff}}{{/each}}'.repeat(1498) +
    '{{/each}}{{/each}}';

  it('stops a valid template whose loops multiply with the rows, in well under its 27 s', () => {
    expect(validateTemplate(siblings)).toEqual({ valid: true });
    const render = compileLeadTemplate(siblings);
    const start = performance.now();
    expect(() => render(dataWithStaff(60))).toThrow(
      /repeats its loops too often \(over 200,000 passes or 1.5 s\) for this report/,
    );
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  it('counts blocks over an array as loops too', () => {
    const sections =
      '{{#staff}}{{#@root.staff}}{{#@root.staff}}x{{/@root.staff}}{{/@root.staff}}{{/staff}}';
    const render = compileLeadTemplate(sections);
    // 100³ = 1,000,000 passes: over the budget.
    expect(() => render(dataWithStaff(100))).toThrow(/repeats its loops too often/);
    // 20³ = 8,000: fine, and the output is all there.
    expect(render(dataWithStaff(20))).toBe('x'.repeat(8000));
  });

  it('leaves the built-in reports far inside it, for a gym with 200 staff', () => {
    const html = builtinTemplate('lead-report-weekly.hbs')(dataWithStaff(200));
    expect(html).toContain('Weekly lead report');
  });

  it('stops a template that prints too much, before anything is sanitized or printed', () => {
    // The fourth probe's template: no loops, 2,990 copies of a chart (28 MB, 29 s to sanitize).
    const charts = '<html><body>' + '{{{charts.hours}}}\n'.repeat(2990) + '</body></html>';
    expect(validateTemplate(charts)).toMatchObject({ valid: false });
    const start = performance.now();
    expect(() => compileLeadTemplate(charts)(dataWithStaff(5))).toThrow(
      /makes more than 5 million characters/,
    );
    // One loop over the five KPIs made 198 MB: stopped as it grows.
    const looped = '{{#each kpis}}' + '{{{@root.charts.hours}}}'.repeat(2990) + '{{/each}}';
    expect(() => compileLeadTemplate(looped)(dataWithStaff(5))).toThrow(/million characters/);
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  it('stops markup nested so deep that the sanitizer would stall on it', () => {
    // The fifth probe's template: 24 passes of 6,000 unclosed <div> (1.6 MB, 20 s to sanitize).
    const deep =
      '<html><head></head><body>{{#each report.time_of_day}}' +
      '<div>'.repeat(6000) +
      '{{/each}}</body></html>';
    expect(validateTemplate(deep, 'weekly')).toMatchObject({ valid: false });
    const start = performance.now();
    expect(() => compileLeadTemplate(deep)(dataWithStaff(5))).toThrow(
      /opens tags more than 500 deep/,
    );
    expect(performance.now() - start).toBeLessThan(2_000);
    // Closed tags, void ones and self-closed SVG shapes do not add up.
    const flat = '<div><br><img src="x.png"><svg><rect/></svg></div>\n'.repeat(2000);
    expect(compileLeadTemplate(flat)(dataWithStaff(5))).toBe(flat);
  });
});
