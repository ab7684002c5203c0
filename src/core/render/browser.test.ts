import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../rpc/errors';
import { PdfRenderer } from './browser';
import { pdfText } from './testing/pdf-tools';

const doc = (body: string) => `<!doctype html><html><body>${body}</body></html>`;

/** Chromium processes that are a browser (not a renderer/GPU child) using this profile. */
function browserProcesses(userDataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // exited meanwhile
    }
    if (
      args.includes(`--user-data-dir=${userDataDir}`) &&
      !args.some((a) => a.startsWith('--type='))
    )
      pids.push(Number(entry));
  }
  return pids;
}

function profileOf(pid: number): string {
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  const arg = args.find((a) => a.startsWith('--user-data-dir='));
  if (!arg) throw new Error(`process ${pid} has no --user-data-dir`);
  return arg.slice('--user-data-dir='.length);
}

async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('PdfRenderer', () => {
  let renderer: PdfRenderer;
  let server: Server;
  let port = 0;
  let hits: string[] = [];

  beforeAll(async () => {
    renderer = new PdfRenderer({ chromePath: null, poolSize: 3 });
    // Anything a page fetches would land here: the tests expect it never does.
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('fetched');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await renderer.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('prints 20 PDFs, several at once, from one warm browser process', async () => {
    const pdfs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => renderer.renderPdf(doc(`<h1>Report ${i}</h1>`))),
    );
    for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfText(pdfs[13] ?? Buffer.alloc(0))).toContain('Report 13');
    expect(renderer.launchCount).toBe(1);
    const pid = renderer.browserPid;
    expect(pid).not.toBeNull();
    if (process.platform === 'linux' && pid) {
      expect(browserProcesses(profileOf(pid))).toEqual([pid]);
    }
    await renderer.renderPdf(doc('<p>one more</p>'));
    expect(renderer.browserPid).toBe(pid);
    expect(renderer.launchCount).toBe(1);
  });

  it('runs no script and fetches nothing a page asks for', async () => {
    const before = renderer.blockedRequestCount;
    hits = [];
    const base = `http://127.0.0.1:${port}`;
    const html = doc(`
      <p>static text</p>
      <script>document.body.innerHTML = 'SCRIPT RAN';</script>
      <img src="${base}/img.png" onerror="document.body.innerHTML = 'ONERROR RAN'">
      <link rel="stylesheet" href="${base}/style.css">
      <iframe src="${base}/frame.html"></iframe>
      <div style="background: url(${base}/bg.png)">background</div>`);
    const pdf = await renderer.renderPdf(html);
    const text = await pdfText(pdf);
    expect(text).toContain('static text');
    expect(text).not.toContain('SCRIPT RAN');
    expect(text).not.toContain('ONERROR RAN');
    expect(text).not.toContain('fetched');
    expect(hits).toEqual([]);
    expect(renderer.blockedRequestCount - before).toBeGreaterThanOrEqual(3);
  });

  it('prints a running header and "Page X of Y" footer', async () => {
    const pdf = await renderer.renderPdf(doc('<div style="height: 2500mm">tall</div>'), {
      headerTemplate: '<div style="font-size: 8px; margin: 0 10mm">RUNNING HEADER</div>',
      footerTemplate:
        '<div style="font-size: 8px; margin: 0 10mm">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
    });
    const text = await pdfText(pdf);
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((page, i) => {
      expect(page).toContain('RUNNING HEADER');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('relaunches after the browser is killed, also mid-render', async () => {
    const own = new PdfRenderer({ chromePath: null });
    try {
      await own.renderPdf(doc('<p>first</p>'));
      const firstPid = own.browserPid;
      expect(firstPid).not.toBeNull();
      process.kill(firstPid ?? 0, 'SIGKILL');
      await waitFor(() => own.browserPid === null);
      const after = await own.renderPdf(doc('<p>after the crash</p>'));
      expect(await pdfText(after)).toContain('after the crash');
      expect(own.launchCount).toBe(2);
      expect(own.browserPid).not.toBe(firstPid);

      // Killed while a report is printing: that render retries once on a fresh browser.
      const pending = own.renderPdf(doc(`<p>${'long text '.repeat(50_000)}</p><p>survivor</p>`));
      await new Promise((r) => setTimeout(r, 40));
      process.kill(own.browserPid ?? 0, 'SIGKILL');
      const survived = await pending;
      expect(survived.subarray(0, 5).toString()).toBe('%PDF-');
      expect(own.launchCount).toBe(3);
    } finally {
      await own.close();
    }
  });

  it('gives up on a render that takes longer than its timeout, and stays usable', async () => {
    const launches = renderer.launchCount;
    await expect(
      renderer.renderPdf(doc(`<p>${'slow '.repeat(50_000)}</p>`), { timeoutMs: 1 }),
    ).rejects.toThrow(/longer than 1 ms/);
    const pdf = await renderer.renderPdf(doc('<p>still printing</p>'));
    expect(await pdfText(pdf)).toContain('still printing');
    expect(renderer.launchCount).toBe(launches);
  });

  it('says CHROME_PATH is wrong when it names no browser', async () => {
    const broken = new PdfRenderer({ chromePath: '/nonexistent/chrome' });
    const error = await broken.renderPdf(doc('<p>x</p>')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).type).toBe('unavailable');
    expect((error as AppError).message).toContain('CHROME_PATH=/nonexistent/chrome');
    expect(broken.launchCount).toBe(0);
    await broken.close();
  });

  it('says what failed when CHROME_PATH is not a browser', async () => {
    const notChrome = new PdfRenderer({ chromePath: '/bin/false', launchTimeoutMs: 5_000 });
    const error = await notChrome.renderPdf(doc('<p>x</p>')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(
      /Could not start the browser .*\/bin\/false.*CHROME_PATH/,
    );
    await notChrome.close();
  });

  it('refuses to render once closed', async () => {
    const closed = new PdfRenderer({ chromePath: null });
    await closed.close();
    await expect(closed.renderPdf(doc('x'))).rejects.toThrow(/closed/);
  });
});
