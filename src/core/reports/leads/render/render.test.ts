import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadReportSchema } from '../../../../shared/lead-report';
import { PdfRenderer } from '../../../render/browser';
import { pdfPageCount, pdfText, pdfToPngs, squash } from '../../../render/testing/pdf-tools';
import { renderLeadReportHtml, renderLeadReportPdf } from './render';
import { emptyLeadReport, sampleLeadReport } from './sample-report';

const SCREENSHOTS = resolve(__dirname, '../../../../../test-results/screenshots');
const generatedAt = '2026-11-23T07:00:00Z';

describe('built-in lead report PDFs', () => {
  let renderer: PdfRenderer;

  beforeAll(() => {
    renderer = new PdfRenderer({ chromePath: null });
  });
  afterAll(async () => {
    await renderer.close();
  });

  it('the samples are valid reports (they back validation and the preview)', () => {
    for (const type of ['daily', 'weekly', 'custom'] as const) {
      expect(leadReportSchema.safeParse(sampleLeadReport(type)).success).toBe(true);
      expect(leadReportSchema.safeParse(emptyLeadReport(type)).success).toBe(true);
    }
  });

  it('daily: gym, branch, day, headline numbers, staff ids, page numbers', async () => {
    const report = sampleLeadReport('daily');
    const pdf = await renderLeadReportPdf(renderer, report, { kind: 'daily', generatedAt });
    const text = await pdfText(pdf);
    // Tile labels are upper-cased by CSS: compare without case.
    const flat = squash(text).toLowerCase();
    for (const expected of [
      'Daily lead report',
      'Sunday 22 November 2026',
      report.gym_id,
      report.branch_id ?? 'missing',
      'Europe/London',
      'Leads created',
      'Call success rate',
      '66.1 %', // 78 of 118 calls completed
      '3:17', // 197.4 s average
      '+21.4 %', // 17 leads against 14
      'vs previous day',
      'Calls by hour of day',
      'Lead funnel',
      'Staff performance',
      'generated 23 Nov 2026, 07:00 (Europe/London)',
    ]) {
      expect(flat, expected).toContain(squash(expected).toLowerCase());
    }
    for (const s of report.staff) expect(flat).toContain(s.user_id);
    const pages = await pdfPageCount(pdf);
    text
      .split('\f')
      .filter((p) => p.trim())
      .forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages}`));
    await pdfToPngs(pdf, SCREENSHOTS, 'lead-report-daily', 60);
  });

  it('weekly: leads with the comparison to the week before', async () => {
    const report = sampleLeadReport('weekly');
    const pdf = await renderLeadReportPdf(renderer, report, { kind: 'weekly', generatedAt });
    const flat = squash(await pdfText(pdf));
    for (const expected of [
      'Weekly lead report',
      '16 – 22 November 2026',
      'Compared with the previous week',
      '826',
      '761',
      '+8.5 %', // 826 calls against 761
      '+16.5 %',
      '12.4 %', // conversion: 14 of 113
    ]) {
      expect(flat, expected).toContain(squash(expected));
    }
    for (const s of report.staff) expect(flat).toContain(squash(s.user_id));
    // The trend section comes before the hourly chart: the weekly report leads with change.
    expect(flat.indexOf('Comparedwith')).toBeLessThan(flat.indexOf('Callsbyhour'));
    await pdfToPngs(pdf, SCREENSHOTS, 'lead-report-weekly', 60);
  });

  it('charts are inline SVG in the HTML, and nothing is linked or scripted', () => {
    const html = renderLeadReportHtml(sampleLeadReport('weekly'), { kind: 'weekly' });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('Content-Security-Policy');
    for (const label of [
      'Leads by status',
      'Calls by hour of day',
      'Calls by staff member',
      'This period against the previous week',
    ]) {
      expect(html).toMatch(new RegExp(`<svg role="img" aria-label="${label}"`));
    }
    expect(html).not.toMatch(/<script|<link/i);
    const daily = renderLeadReportHtml(sampleLeadReport('daily'), { kind: 'daily' });
    expect(daily).not.toContain('Compared with the');
  });

  it('an empty period reads as empty, with "—" for rates and no charts to misread', async () => {
    const report = emptyLeadReport('daily');
    const html = renderLeadReportHtml(report, { kind: 'daily' });
    expect(html).not.toContain('<svg');
    const text = await pdfText(await renderLeadReportPdf(renderer, report, { kind: 'daily' }));
    expect(text).toContain('No calls were made in this period.');
    expect(text).toContain('No staff made calls in this period.');
    expect(text).toContain('—');
    expect(text).not.toContain('NaN');
  });

  it('prints quickly once warm', async () => {
    const timings: Record<string, number> = {};
    for (const kind of ['daily', 'weekly'] as const) {
      const report = sampleLeadReport(kind);
      await renderLeadReportPdf(renderer, report, { kind });
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await renderLeadReportPdf(renderer, report, { kind });
        runs.push(performance.now() - t);
      }
      timings[kind] = runs.sort((a, b) => a - b)[2] ?? 0;
    }
    console.log(
      `lead report PDF, warm median: daily ${timings.daily?.toFixed(0)} ms, weekly ${timings.weekly?.toFixed(0)} ms`,
    );
    expect(timings.daily).toBeLessThan(3_000);
    expect(timings.weekly).toBeLessThan(3_000);
    expect(renderer.launchCount).toBe(1);
  });
});
