import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_ARGS } from '../../../render/browser';
import { findChrome } from '../../../render/find-chrome';
import { builtinTemplate } from './engine';
import { BUILTIN_FILES } from './render';
import { neutraliseHtml } from './sanitize';
import { emptyLeadReport, sampleLeadReport } from './sample-report';
import { toTemplateData } from './template-data';
import { parsedShape, scriptCapable } from './testing/inspect-html';
import { KNOWN_VECTORS, PROBE_BYPASSES } from './testing/xss-vectors';
import { buildLeadReportView } from './view-model';

describe('the report sanitizer (sanitize-html with our allow-list)', () => {
  let browser: Browser;
  let page: Page;
  let profile = '';
  let server: Server;
  let host = '';
  const hits: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('fetched');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    profile = await mkdtemp(join(tmpdir(), 'leadwatch-sanitize-'));
    browser = await puppeteer.launch({
      executablePath: findChrome(null).path ?? undefined,
      ignoreDefaultArgs: true,
      args: [...CHROME_ARGS, `--user-data-dir=${profile}`, 'about:blank'],
      pipe: true,
    });
    page = await browser.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  afterAll(async () => {
    await browser?.close();
    await rm(profile, { recursive: true, force: true });
    await new Promise((done) => server.close(done));
  });

  const withHost = (html: string) =>
    html.replaceAll('HOST_NO_SCHEME', host).replaceAll('HOST', `http://${host}`);

  /**
   * The sanitized markup as the browser parses it holds nothing script-capable, and shown
   * in a page with JavaScript on and no CSP (the first wall alone) it runs and loads nothing.
   */
  async function expectInert(input: string): Promise<string> {
    const out = neutraliseHtml(withHost(input));
    expect(await page.evaluate(scriptCapable, out), out).toEqual([]);
    hits.length = 0;
    dialogs.length = 0;
    await page.setContent(out, { waitUntil: 'load' });
    await new Promise((done) => setTimeout(done, 30));
    expect({ hits, dialogs }, out).toEqual({ hits: [], dialogs: [] });
    return out;
  }

  it('the five bypasses of the old regex filter are closed', async () => {
    for (const [name, vector] of Object.entries(PROBE_BYPASSES)) {
      const out = await expectInert(vector);
      // What is harmless stays: the element and its text, only the loading part goes.
      expect(out, name).toMatch(/<(img|div|p)\b/);
    }
  });

  it(`${KNOWN_VECTORS.length} known XSS vectors (OWASP, sanitize-html and DOMPurify advisories) are inert`, async () => {
    for (const vector of KNOWN_VECTORS) await expectInert(vector);
  });

  it('shown raw, the probes do run and load: the test page would see it', async () => {
    hits.length = 0;
    dialogs.length = 0;
    await page.setContent(
      withHost(
        `<img src=x onerror="alert('ran')"><div style="background:u\\72l(HOST/raw.png)">x</div>`,
      ),
      { waitUntil: 'load' },
    );
    await new Promise((done) => setTimeout(done, 100));
    expect(dialogs).toEqual(['ran']);
    expect(hits).toEqual(['/raw.png']);
  });

  it('keeps what reports and custom templates need', async () => {
    const safe = `<p class="x" style="color: red; font-weight: bold">a</p><a href="https://example.com">link</a><svg viewBox="0 0 9 9"><rect clip-path="url(#c0)" fill="rgb(1,2,3)" width="9" height="9"/></svg><img src="data:image/png;base64,AAAA" alt="logo"><table><tr><td colspan="2" style="text-align: right">1</td></tr></table>`;
    expect(await page.evaluate(parsedShape, neutraliseHtml(safe))).toEqual(
      await page.evaluate(parsedShape, safe),
    );
    const css = `<style>@media print { .a > b:not(.c) { margin: 2mm 0 !important; grid-template-columns: repeat(5, minmax(0, 1fr)) } } @page { margin: 10mm } h1 { font-family: 'Liberation Sans', sans-serif }</style><h1>x</h1>`;
    expect((await page.evaluate(parsedShape, neutraliseHtml(css))).rules).toEqual(
      (await page.evaluate(parsedShape, css)).rules,
    );
  });

  it('the built-in reports lose nothing: same elements, attributes and CSS rules', async () => {
    for (const type of ['daily', 'weekly'] as const) {
      for (const report of [sampleLeadReport(type), emptyLeadReport(type)]) {
        const view = buildLeadReportView(report, { generatedAt: '2026-11-23T07:00:00Z' });
        const raw = builtinTemplate(BUILTIN_FILES[type])(toTemplateData(view));
        const before = await page.evaluate(parsedShape, raw);
        expect(before.rules.length).toBeGreaterThan(50);
        expect(await page.evaluate(parsedShape, neutraliseHtml(raw))).toEqual(before);
      }
    }
  });
});
