/**
 * "No browser found: main prints the PDF." Everything but Electron's own printToPDF runs
 * here for real: core's PrintRelay inside the real core host, the port (structured clones),
 * CoreClient's answer, zod on both sides. The fake main peer prints with real Chromium
 * (puppeteer), so the options that crossed the port are shown to give a real report PDF.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { effectiveConfig } from '../../src/core/config/effective';
import type { Core, CoreOptions } from '../../src/core/core';
import { PdfRenderer } from '../../src/core/render/browser';
import type { PdfEngine, PdfOptions } from '../../src/core/render/pdf-engine';
import { pdfText } from '../../src/core/render/testing/pdf-tools';
import { renderSessionReportPdf } from '../../src/core/reports/session/session-report';
import { settingsSchema, type SessionDetail } from '../../src/shared/contract';
import { CoreClient, type ShellPrinter } from '../../src/main/core-process/core-client';
import { startCoreHost } from '../../src/main/core-process/core-host';
import { PrintRelay } from '../../src/main/core-process/print-relay';
import type { FromCore } from '../../src/main/core-process/protocol';
import { makeTempDir } from '../helpers/temp-dir';
import { attachRealHost, CoreTracker, FakeChild } from './fake-core-child';

const chromium = new PdfRenderer({ chromePath: process.env.CHROME_PATH ?? null });
afterAll(() => chromium.close());

describe('printing through the desktop shell', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let tracker: CoreTracker;
  let client: CoreClient | null;
  /** What core was given as its desktop printer (the relay over the port). */
  let shellEngine: PdfEngine | undefined;

  beforeEach(() => {
    temp = makeTempDir('leadwatch-print-');
    tracker = new CoreTracker();
    client = null;
    shellEngine = undefined;
  });
  afterEach(async () => {
    await client?.stop(50);
    tracker.closeAll();
    temp.cleanup();
  });

  async function start(printPdf?: ShellPrinter) {
    const make = (options: CoreOptions): Core => {
      shellEngine = options.desktopPdf;
      return tracker.create(options);
    };
    client = new CoreClient({
      spawn: () => attachRealHost(new FakeChild(), temp.dir, make),
      dataKey: null,
      log: () => undefined,
      ...(printPdf ? { printPdf } : {}),
    });
    client.start();
    const info = await client.call('app.info', undefined); // waits for ready
    expect(info.ok).toBe(true);
    if (!shellEngine) throw new Error('the core host gave core no desktop printer');
    return { client, shell: shellEngine };
  }

  it('sends a real session report to main and gets a real PDF back', async () => {
    const seen: { html: string; options: PdfOptions }[] = [];
    const { client, shell } = await start(async (html, options) => {
      seen.push({ html, options });
      return chromium.renderPdf(html, options);
    });
    await client.call('demo.seed', { seed: 3, size: 'small' });
    const list = await client.call('sessions.list', { limit: 50 });
    if (!list.ok) throw new Error(list.error.message);
    const items = (list.value as { items: { id: string; messageCount: number }[] }).items;
    const id = items.find((s) => s.messageCount > 0)?.id ?? '';
    const got = await client.call('sessions.get', { id });
    if (!got.ok) throw new Error(got.error.message);
    const session = got.value as SessionDetail;

    const pdf = await renderSessionReportPdf(shell, session, {
      botName: 'Ava',
      timezone: 'UTC',
      generatedAt: new Date('2026-01-02T03:04:05Z'),
    });

    expect(Buffer.isBuffer(pdf)).toBe(true); // a Uint8Array on the wire, a Buffer for core
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.options).toMatchObject({ format: 'A4' });
    expect(seen[0]?.options.footerTemplate).toMatch(/pageNumber/);
    const text = await pdfText(pdf);
    expect(text).toContain('Ava'); // the running header made it through
    const firstLine = session.messages[0]?.text.slice(0, 20) ?? '';
    expect(text.replace(/\s+/g, ' ')).toContain(firstLine.replace(/\s+/g, ' '));
  });

  it('keeps concurrent prints apart by id', async () => {
    const { shell } = await start(async (html) => {
      await new Promise((resolve) => setTimeout(resolve, html.length)); // out of order
      return Buffer.from(`%PDF-${html}`);
    });
    const pdfs = await Promise.all(['ccc', 'a', 'bb'].map((html) => shell.renderPdf(html)));
    expect(pdfs.map(String)).toEqual(['%PDF-ccc', '%PDF-a', '%PDF-bb']);
  });

  it('turns a failed print in main into a clear error for that report', async () => {
    const { shell } = await start(() => Promise.reject(new Error('window crashed')));
    await expect(shell.renderPdf('<p>x</p>')).rejects.toMatchObject({
      type: 'unavailable',
      message: 'Printing failed: window crashed',
    });
  });

  it('a shell without a printer answers at once instead of leaving core waiting', async () => {
    const { shell } = await start();
    await expect(shell.renderPdf('<p>x</p>')).rejects.toThrow(/cannot print/);
  });

  it('refuses options main could not print before sending anything', async () => {
    const { shell } = await start(() => Promise.resolve(Buffer.from('%PDF-')));
    const bad = { margins: { top: '1 furlong', right: '0', bottom: '0', left: '0' } };
    await expect(shell.renderPdf('x', bad as unknown as PdfOptions)).rejects.toMatchObject({
      type: 'invalid_input',
    });
  });
});

describe('PrintRelay (core side) against a hand-driven main', () => {
  it('drops a malformed answer, times out a print main never answers, fails prints on close', async () => {
    const child = new FakeChild();
    const sent: FromCore[] = [];
    child.onMessage((m) => sent.push(m as FromCore));
    const logs: string[] = [];
    let relay: PdfEngine | undefined;
    startCoreHost({
      dataDir: makeTempDir('leadwatch-print-relay-').dir,
      port: { postMessage: (m) => child.send(m), onMessage: (l) => child.onHostMessage(l) },
      exit: () => undefined,
      createCore: (options) => {
        relay = options.desktopPdf;
        return {
          events: { subscribe: () => () => undefined },
          config: () => effectiveConfig(settingsSchema.parse({}), {}),
          deliveries: { scheduler: { start: () => undefined } },
          close: () => undefined,
        } as never;
      },
      log: (line) => logs.push(line),
    });
    child.postMessage({ type: 'init', dataKey: null });
    await until(() => relay !== undefined);
    const printing = relay!.renderPdf('<p>x</p>');
    await until(() => sent.some((m) => m.type === 'printPdf'));
    // A PDF that is not bytes, and an answer to a print nobody asked for: neither settles it.
    child.postMessage({ type: 'printed', id: 1, result: { ok: true, pdf: 'JVBERi0=' } } as never);
    child.postMessage({ type: 'printed', id: 99, result: { ok: true, pdf: new Uint8Array(1) } });
    await until(() => logs.includes('dropped a malformed message from main'));
    child.postMessage({ type: 'printed', id: 1, result: { ok: true, pdf: new Uint8Array([37]) } });
    expect((await printing).toString()).toBe('%');

    const short = new PrintRelay(() => undefined, 30);
    await expect(short.renderPdf('x')).rejects.toThrow(/did not print the PDF/);
    const closing = new PrintRelay(() => undefined);
    const waiting = closing.renderPdf('y');
    await closing.close();
    await expect(waiting).rejects.toThrow(/shutting down/);
  });
});

async function until(check: () => boolean) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > 5_000) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
