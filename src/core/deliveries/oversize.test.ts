import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { PdfRenderer } from '../render/browser';
import { notFound } from '../rpc/errors';
import { LeadReportProducer } from './lead-report-producer';
import { fixtureReport } from './testing/fixture-producer';
import { startMailSink, type MailSink } from './testing/mail-sink';
import { deliveryWorld, subscription, type World } from './testing/world';

const temp = makeTempDir('leadwatch-oversize-');
let sink: MailSink;
let pdf: PdfRenderer;
const worlds: World[] = [];

beforeAll(async () => {
  sink = await startMailSink();
  pdf = new PdfRenderer({ chromePath: process.env.CHROME_PATH ?? null });
});

afterAll(async () => {
  for (const w of worlds) await w.close();
  await pdf.close();
  await sink.close();
  temp.cleanup();
});

/** The real lead report producer (template, charts, Chromium PDF) over a fixture report. */
function realWorld(name: string, maxAttachmentBytes?: number): World {
  const dir = join(temp.dir, name);
  const producer = new LeadReportProducer({
    generate: async (params) => ({ report: fixtureReport(params) }),
    templates: {
      get: (id) => {
        throw notFound(`Template ${id}`);
      },
    },
    pdf,
    reportsDir: join(dir, 'reports'),
  });
  const w = deliveryWorld(dir, {
    producer,
    config: { smtpUrl: sink.url },
    runner: { channel: { maxAttachmentBytes } },
  });
  worlds.push(w);
  return w;
}

describe('attachments and the size limit', () => {
  it('mails the real PDF with an HTML summary, and keeps the PDF with the delivery', async () => {
    const w = realWorld('fits');
    const sub = await w.subscriptions.save(subscription());
    const d = await w.deliveries.sendNow({ subscriptionId: sub.id });
    expect(d.status).toBe('sent');
    expect(d.pdfPath).toBeTruthy();
    expect(existsSync(d.pdfPath!)).toBe(true);
    const mail = sink.inbox.at(-1)!.mail;
    expect(mail.attachments).toHaveLength(1);
    const attached = mail.attachments[0]!;
    expect(attached.contentType).toBe('application/pdf');
    expect(attached.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(attached.content.length).toBe(statSync(d.pdfPath!).size);
    expect(mail.html).toContain('Leads created');
  }, 60_000);

  it('over the limit: a summary mail without the file, a warning, the file kept locally', async () => {
    const w = realWorld('too-big', 1024);
    const before = sink.inbox.length;
    const sub = await w.subscriptions.save(subscription());
    const d = await w.deliveries.sendNow({ subscriptionId: sub.id });
    expect(d.status).toBe('sent');
    expect(d.note).toMatch(/over the 1 KB limit: sent as a summary; it is kept at .*\.pdf/);
    expect(existsSync(d.pdfPath!)).toBe(true);
    expect(sink.inbox.length).toBe(before + 1);
    const mail = sink.inbox.at(-1)!.mail;
    expect(mail.attachments).toEqual([]);
    expect(mail.text).toMatch(/larger than the .* mail limit, so it is not attached/);
    expect(mail.text).toContain(d.pdfPath!);
    expect(mail.html).toContain('Leads created'); // not an empty mail
    expect((await w.deliveries.get(d.id)).log.at(-1)?.message).toMatch(/^sent; attachment/);
  }, 60_000);
});
