import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfRenderer } from '../../../render/browser';
import {
  brokeSensibly,
  pdfText,
  pdfToPngs,
  squash,
  wrappedHeads,
} from '../../../render/testing/pdf-tools';
import { renderLeadReportPdf } from './render';
import { sampleLeadReport } from './sample-report';

const SCREENSHOTS = resolve(__dirname, '../../../../../test-results/screenshots');

describe('addresses in the lead report PDF', () => {
  let renderer: PdfRenderer;
  beforeAll(() => {
    renderer = new PdfRenderer({ chromePath: null });
  });
  afterAll(async () => {
    await renderer.close();
  });

  it('a staff name or gym name that is an e-mail address breaks only before "@" or after a dot', async () => {
    const report = sampleLeadReport('weekly');
    const staffEmail = 'reservations.frontdesk.mumbai@sahyadrihomestays.co.in';
    const gymEmail = 'front.desk.and.bookings.team@sahyadrihomestays.example.com';
    const pdf = await renderLeadReportPdf(renderer, report, {
      kind: 'weekly',
      staffNames: new Map([[report.staff[0]!.user_id, staffEmail]]),
      gymNames: { gym: gymEmail, branch: null },
    });
    const text = await pdfText(pdf);
    for (const email of [staffEmail, gymEmail]) {
      expect(squash(text)).toContain(email);
      const heads = wrappedHeads(text, email);
      // Wrapped somewhere (the masthead, the staff table), so the breaks are tested.
      expect(heads.length, `${email} wrapped`).toBeGreaterThan(0);
      for (const head of heads)
        expect(brokeSensibly(email, head), `broke after "${head}"`).toBe(true);
    }
    await pdfToPngs(pdf, SCREENSHOTS, 'lead-report-addresses', 70);
  });
});
