import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfRenderer } from '../../../render/browser';
import { pdfText, pdfToPngs } from '../../../render/testing/pdf-tools';
import { leadReportMail } from './mail';
import { emptyLeadReport, sampleLeadReport } from './sample-report';
import { asReportDocument } from './sanitize';
import { slackSummary } from './slack';

const SCREENSHOTS = resolve(__dirname, '../../../../../test-results/screenshots');
const generatedAt = '2026-11-23T07:00:00Z';

describe('lead report mail', () => {
  let renderer: PdfRenderer;
  beforeAll(() => {
    renderer = new PdfRenderer({ chromePath: null });
  });
  afterAll(async () => {
    await renderer.close();
  });

  it('names staff from the directory in the mail and the Slack message, ids for the rest', () => {
    const report = sampleLeadReport('weekly');
    const [first, second] = report.staff;
    const staffNames = new Map([[first!.user_id, 'Rae <Okafor>']]);
    const mail = leadReportMail(report, undefined, { generatedAt, staffNames });
    expect(mail.text).toContain('1. Rae <Okafor>:');
    expect(mail.html).toContain('<b>Rae &lt;Okafor&gt;</b>');
    expect(mail.html).toContain(second!.user_id);
    const slack = JSON.stringify(slackSummary(report, { staffNames }).blocks);
    expect(slack).toContain('*Rae &lt;Okafor&gt;*');
    expect(slack).toContain(`\`${second!.user_id}\``);
  });

  it('has a one-line subject, the headline numbers in text and HTML, and the PDF attached', () => {
    const report = sampleLeadReport('weekly');
    const mail = leadReportMail(report, Buffer.from('%PDF-1.7 test'), { generatedAt });
    expect(mail.subject).toBe(`Weekly lead report · 16 – 22 November 2026 · Gym ${report.gym_id}`);
    for (const body of [mail.text, mail.html]) {
      for (const expected of ['113', '826', '66 %', '3:17', '+8.5 %', 'previous week']) {
        expect(body).toContain(expected);
      }
      expect(body).toContain(report.staff[0]?.user_id);
    }
    expect(mail.html).toContain('<svg role="img" aria-label="Calls by hour of day"');
    expect(mail.html).not.toMatch(/<script|<link/i);
    expect(mail.attachments).toEqual([
      {
        filename: `lead-report-weekly_${report.gym_id}_2026-11-16_2026-11-22.pdf`,
        content: Buffer.from('%PDF-1.7 test'),
        contentType: 'application/pdf',
      },
    ]);
  });

  it('without a PDF says where the report is, and an empty day reads sensibly', () => {
    const mail = leadReportMail(emptyLeadReport('daily'));
    expect(mail.attachments).toEqual([]);
    expect(mail.text).toContain('Open Leadwatch for the full report.');
    expect(mail.text).toContain('Call success rate: —');
    expect(mail.html).not.toContain('<svg');
  });

  it('looks right in a browser (page image for review)', async () => {
    const mail = leadReportMail(sampleLeadReport('daily'), Buffer.from('x'), { generatedAt });
    const pdf = await renderer.renderPdf(asReportDocument(`<body>${mail.html}</body>`));
    expect(await pdfText(pdf)).toContain('Daily lead report');
    await pdfToPngs(pdf, SCREENSHOTS, 'lead-report-mail', 70);
  });
});

describe('Slack summary', () => {
  it('is a readable message with the headline numbers and their change', () => {
    const report = sampleLeadReport('weekly');
    const { text, blocks } = slackSummary(report);
    expect(text).toContain('Weekly lead report · 16 – 22 November 2026');
    expect(text).toContain('Calls made: 826  ▲ +8.5 % vs previous week');
    expect(blocks[0]).toEqual({
      type: 'header',
      text: {
        type: 'plain_text',
        text: 'Weekly lead report · 16 – 22 November 2026',
        emoji: false,
      },
    });
    const fields = (blocks[2] as { fields: { text: string }[] }).fields.map((f) => f.text);
    expect(fields).toContain('*Call success rate*\n66 %  ▲ +3.1 % vs previous week');
    expect(fields).toContain('*Avg call length*\n3:17');
    expect(JSON.stringify(blocks[3])).toContain(report.staff[0]?.user_id);
  });

  it('says "new" when there was nothing before, and nothing when there is nothing either time', () => {
    const report = emptyLeadReport('daily');
    report.leads.created = 4;
    report.leads.by_status.new = 4;
    report.trends.leads_created = { change_pct: null, direction: 'up' };
    const fields = (slackSummary(report).blocks[2] as { fields: { text: string }[] }).fields;
    expect(fields[0]?.text).toBe('*Leads created*\n4  _new_');
    expect(fields[2]?.text).toBe('*Calls made*\n0');
  });
});
