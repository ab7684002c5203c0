import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfRenderer } from '../../render/browser';
import {
  brokeSensibly,
  pdfPageCount,
  pdfText,
  pdfToPngs,
  squash,
  wrappedHeads,
} from '../../render/testing/pdf-tools';
import {
  buildSessionReportHtml,
  renderSessionReportPdf,
  safeFileId,
  sessionReportFileId,
  sessionReportPath,
} from './session-report';
import { HOSTILE, sampleSession } from './testing/fixtures';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const SCREENSHOTS = resolve(__dirname, '../../../../test-results/screenshots');
const opts = {
  botName: 'EPR Chatbot',
  timezone: 'Asia/Kolkata',
  generatedAt: '2025-01-14T12:20:00Z',
};

describe('session report PDF', () => {
  let renderer: PdfRenderer;
  let server: Server;
  let port = 0;
  let hits: string[] = [];

  beforeAll(async () => {
    renderer = new PdfRenderer({ chromePath: null });
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('fetched');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await renderer.close();
    await new Promise((done) => server.close(done));
  });

  it('holds the visitor, the lead, and every transcript line in order over several pages', async () => {
    const session = sampleSession(150);
    const pdf = await renderSessionReportPdf(renderer, session, opts);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(4);

    const text = await pdfText(pdf);
    for (const expected of [
      'EPR Chatbot',
      'Session Report',
      'sess-7f3a9c',
      'Chinmay Deshpande',
      'chinmay123@gmail.com',
      '9865342187',
      'Cog Packaging Pvt Ltd',
      'HIGH PRIORITY',
      'Lead score',
      '6.5',
      'Queries',
      // 12:06 UTC shown in the report zone (IST, UTC+05:30).
      'First interaction',
      '14 Jan 2025, 17:36:00',
      'Generated 14 Jan 2025, 17:50:00 UTC+05:30',
      'Mentioned a deadline ("before the end of the quarter")',
    ]) {
      expect(text).toContain(expected);
    }

    // Every line, whole and in order, however it wrapped or broke across pages…
    const flat = squash(text);
    let from = 0;
    for (const message of session.messages) {
      const at = flat.indexOf(squash(message.text), from);
      expect(at, `message #${message.seq + 1} missing or out of order`).toBeGreaterThan(from);
      from = at;
    }
    // …and each starts on the line of its speaker ("User:" / "Bot:"), as the old PDF read.
    const layout = await pdfText(pdf, { layout: true });
    let cursor = 0;
    for (const message of session.messages) {
      const speaker = message.sender === 'user' ? 'User' : 'Bot';
      const opening = escapeRegExp(message.text.slice(0, 30));
      const match = new RegExp(`^\\s*${speaker}:\\s+${opening}`, 'm').exec(layout.slice(cursor));
      expect(match, `message #${message.seq + 1} not on a "${speaker}:" line`).not.toBeNull();
      cursor += (match?.index ?? 0) + 1;
    }

    const perPage = text.split('\f').filter((p) => p.trim());
    expect(perPage).toHaveLength(pages);
    perPage.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages}`);
      // The running header: bot name and session id on every page, not just the first.
      expect(page).toContain('EPR Chatbot · Session Report');
      expect(page).toContain('Session ID sess-7f3a9c');
    });
  });

  it('keeps a long e-mail address whole, or breaks it only before "@" or after a dot', async () => {
    const email = 'reservations.frontdesk@sahyadrihomestays.com';
    const session = { ...sampleSession(3), email };
    const pdf = await renderSessionReportPdf(renderer, session, opts);
    const heads = wrappedHeads(await pdfText(pdf, { first: 1, last: 1 }), email);
    expect(heads.length, 'the address is wrapped on the first page').toBe(1);
    for (const head of heads)
      expect(brokeSensibly(email, head), `broke after "${head}"`).toBe(true);
    // Copying the address copies it as it is: the break points add no character.
    expect(squash(await pdfText(pdf))).toContain(email);
    await pdfToPngs(pdf, SCREENSHOTS, 'session-report-long-email', 80);
  });

  it('prints markup, script and template syntax from visitors as text, fetching nothing', async () => {
    hits = [];
    const blockedBefore = renderer.blockedRequestCount;
    const session = sampleSession(6, {
      visitorName: HOSTILE.name,
      organization: HOSTILE.handlebars,
      scoreReasons: [{ rule: '<b>rule</b>', points: 1, detail: HOSTILE.img(port) }],
    });
    const hostile = [HOSTILE.name, HOSTILE.img(port), HOSTILE.handlebars, HOSTILE.style];
    hostile.forEach((text, i) => {
      const message = session.messages[i];
      if (message) message.text = text;
    });

    const html = buildSessionReportHtml(session, opts);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain(`<img src="http://127.0.0.1:${port}`);
    expect(html).not.toContain('<style>body{display:none}');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const pdf = await renderSessionReportPdf(renderer, session, opts);
    const flat = squash(await pdfText(pdf));
    for (const text of hostile) expect(flat).toContain(squash(text));
    expect(flat).toContain(squash('<b>rule</b>'));
    expect(hits).toEqual([]);
    expect(renderer.blockedRequestCount).toBe(blockedBefore);
    await pdfToPngs(pdf, SCREENSHOTS, 'session-report-hostile', 60);
  });

  it('splits a message longer than a page instead of cutting it off', async () => {
    const session = sampleSession(3);
    const words = Array.from({ length: 1500 }, (_, i) => `word${i}`).join(' ');
    const second = session.messages[1];
    if (second) second.text = `${words} THE-END`;
    const pdf = await renderSessionReportPdf(renderer, session, opts);
    expect(await pdfPageCount(pdf)).toBeGreaterThanOrEqual(3);
    const flat = squash(await pdfText(pdf));
    expect(flat).toContain(squash(words.slice(0, 200)));
    expect(flat).toContain('word1499THE-END');
    expect(flat).toContain(squash(session.messages[2]?.text ?? 'missing'));
  });

  it('reads well for an anonymous, unscored, empty session', async () => {
    const session = sampleSession(0, {
      visitorName: null,
      email: null,
      phone: null,
      organization: null,
      priority: null,
      leadScore: null,
      engagementScore: null,
      totalQueries: null,
      firstInteractionAt: null,
      lastInteractionAt: null,
      scoreReasons: [],
    });
    const text = await pdfText(await renderSessionReportPdf(renderer, session, opts));
    expect(text).toContain('NOT SCORED');
    expect(text).toContain('Not provided');
    expect(text).toContain('No messages were recorded in this session.');
    expect(text).toContain('No scoring reasons were recorded');
    expect(text).toContain('Anonymous visitor');
  });

  it('dates transcript lines when a chat spans days, and falls back to UTC for an unknown zone', () => {
    const session = sampleSession(4);
    const third = session.messages[2];
    if (third) third.sentAt = '2025-01-16T09:00:00Z';
    const html = buildSessionReportHtml(session, { ...opts, timezone: 'Mars/Olympus' });
    // Standards mode, and message text flush in its pre-wrap box (no template indentation).
    expect(html.startsWith('<!doctype html>\n<html')).toBe(true);
    expect(html).toContain(`<div class='text'>${session.messages[0]?.text}</div>`);
    expect(html).not.toMatch(/<link|<script/);
    expect(html).toContain('Times are shown in UTC (UTC+00:00).');
    expect(html).toContain('16 Jan, 09:00:00');
    expect(html).toContain('14 Jan, 12:06:00');
  });

  it('writes page images for review', async () => {
    const pdf = await renderSessionReportPdf(renderer, sampleSession(40), opts);
    const written = await pdfToPngs(pdf, SCREENSHOTS, 'session-report', 60);
    expect(written.map((p) => p.slice(SCREENSHOTS.length + 1))).toEqual([
      'session-report-p1.png',
      'session-report-p2.png',
      'session-report-p3.png',
    ]);
  });

  it('is quick once warm (3-page report)', async () => {
    const session = sampleSession(40);
    const fresh = new PdfRenderer({ chromePath: null });
    try {
      let t = performance.now();
      const first = await renderSessionReportPdf(fresh, session, opts);
      const cold = performance.now() - t;
      expect(await pdfPageCount(first)).toBe(3);
      const warm: number[] = [];
      for (let i = 0; i < 5; i++) {
        t = performance.now();
        await renderSessionReportPdf(fresh, session, opts);
        warm.push(performance.now() - t);
      }
      warm.sort((a, b) => a - b);
      const median = warm[2] ?? 0;
      console.log(
        `session report, 3 pages: cold ${cold.toFixed(0)} ms, warm median ${median.toFixed(0)} ms`,
      );
      expect(median).toBeLessThan(cold);
      expect(median).toBeLessThan(3_000);
    } finally {
      await fresh.close();
    }
  });
});

describe('session report file names', () => {
  it('keeps ordinary ids as they are, in reports/session_{id}.pdf', () => {
    expect(sessionReportPath('/data/reports', 'sess-7f3a9c')).toBe(
      join('/data/reports', 'session_sess-7f3a9c.pdf'),
    );
    expect(sessionReportFileId({ source: 'redis', sourceId: 'abc' })).toBe('abc');
    expect(sessionReportFileId({ source: 'postgres', sourceId: 'abc' })).toBe('postgres_abc');
  });

  it('cleans ids that are unsafe as file names, keeping distinct ids distinct', () => {
    for (const id of ['../../etc/passwd', 'a/b', 'a:b', 'CON', '.hidden', '', 'x'.repeat(500)]) {
      const safe = safeFileId(id);
      expect(safe).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/);
    }
    expect(safeFileId('a/b')).not.toBe(safeFileId('a:b'));
    expect(sessionReportPath('/r', '../../etc/passwd').startsWith(join('/r', 'session_'))).toBe(
      true,
    );
  });
});
