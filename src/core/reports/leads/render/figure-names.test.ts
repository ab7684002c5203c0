import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeadReport } from '../../../../shared/lead-report';
import { PdfRenderer } from '../../../render/browser';
import { pdfText, pdfToPngs } from '../../../render/testing/pdf-tools';
import { leadReportMail } from './mail';
import { renderLeadReportHtml, renderLeadReportPdf } from './render';
import { sampleLeadReport } from './sample-report';
import { slackSummary } from './slack';

const SCREENSHOTS = resolve(__dirname, '../../../../../test-results/screenshots');
const generatedAt = '2026-11-23T07:00:00Z';

/**
 * The week the issue describes: 47 new leads, 7 of them converted now, and 17 leads marked
 * converted during the week (older ones too). Both figures are right; each needs its name.
 */
function weekClosingOlderLeads(): LeadReport {
  const r = sampleLeadReport('weekly');
  const byStatus = { new: 12, contacted: 15, qualified: 8, converted: 7, lost: 5 };
  return {
    ...r,
    leads: { created: 47, by_status: byStatus, converted: 17, conversion_rate: 17 / 47 },
    funnel: { created: 47, contacted: 35, qualified: 15, converted: 7 },
  };
}

/** Lower-cased, one space between words: labels are upper-cased by CSS in places. */
const words = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();

/** Every "converted" in `text` that is neither of the two named figures. */
function bareConverted(text: string): string[] {
  const named = words(text)
    .replaceAll('converted this week', '')
    .replaceAll('now converted', '')
    .replaceAll('marked converted', '');
  return [...named.matchAll(/.{0,30}converted.{0,30}/g)].map((m) => m[0]);
}

describe('the two converted figures have their own names', () => {
  let renderer: PdfRenderer;
  beforeAll(() => {
    renderer = new PdfRenderer({ chromePath: null });
  });
  afterAll(async () => {
    await renderer.close();
  });

  it('in the PDF: "Converted this week" on the tiles, "Now converted" in the funnel and the donut, and a line telling them apart', async () => {
    const report = weekClosingOlderLeads();
    const pdf = await renderLeadReportPdf(renderer, report, { kind: 'weekly', generatedAt });
    const text = words(await pdfText(pdf));
    expect(text).toContain('converted this week');
    const html = renderLeadReportHtml(report, { kind: 'weekly', generatedAt });
    expect(html).toMatch(
      /kpi-label['"]>Converted this week<\/div>\s*<div class=['"]kpi-value['"]>17</,
    );
    expect(text).toContain('36.2 % of leads created this week, older leads included');
    expect(text).toContain('7 now converted (14.9 %)');
    expect(text).toContain('leads created this week, by status now');
    expect(text).toMatch(/now converted 7 14\.9 %/); // the funnel step
    expect(text).toContain('now converted 7 lost 5'); // the donut's legend
    expect(text).toContain(
      words(
        '“Converted this week” counts every lead marked converted this week, older leads included; the funnel and the status chart follow only the leads created this week, so their “Now converted” can be smaller.',
      ),
    );
    expect(bareConverted(text)).toEqual([]);
    await pdfToPngs(pdf, SCREENSHOTS, 'lead-report-converted-names', 70);
  });

  it('a daily report says "on the day"', () => {
    const html = words(renderLeadReportHtml(sampleLeadReport('daily'), { kind: 'daily' }));
    expect(html).toContain('converted on the day');
    expect(html).toContain('leads created on the day, by status now');
  });

  it('in the mail and the Slack message the same names, with the same explanation', () => {
    const report = weekClosingOlderLeads();
    const mail = leadReportMail(report, undefined, { generatedAt });
    expect(mail.text).toContain('Converted this week: 17');
    expect(mail.text).toContain('“Converted this week” counts every lead marked converted');
    expect(mail.html).toContain('Converted this week</td>');
    expect(mail.html).toContain('so their “Now converted” can be smaller.');
    expect(bareConverted(mail.text)).toEqual([]);
    const slack = slackSummary(report, { generatedAt });
    expect(slack.text).toContain('Converted this week: 17');
    const blocks = JSON.stringify(slack.blocks);
    expect(blocks).toContain('*Converted this week*\\n17');
    expect(blocks).toContain('“Converted this week” counts every lead marked converted');
  });
});
