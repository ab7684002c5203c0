import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { AppError } from '../rpc/errors';
import { findChrome } from './find-chrome';
import { DEFAULT_MARGINS, type PdfEngine, type PdfOptions } from './pdf-engine';

/**
 * Flags for a printer, not a browser: no GPU, no background fetches (component updates,
 * sync, field trials), no first-run UI. `--no-sandbox` because the daemon often runs as
 * root in containers where the sandbox cannot start; what makes that acceptable is that
 * report pages run no JavaScript and can reach nothing on the network (see below).
 */
export const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-extensions',
  '--hide-scrollbars',
  '--mute-audio',
  // Text is laid out the same on every machine (hinting changes glyph widths and line breaks).
  '--font-render-hinting=none',
] as const;

export interface PdfRendererOptions {
  /** CHROME_PATH as configured (null: search the usual places). */
  chromePath: string | null;
  /** Pages kept open and reused; also the number of PDFs printed at once. */
  poolSize?: number;
  /** Per PDF, from taking a page to the bytes. */
  timeoutMs?: number;
  launchTimeoutMs?: number;
}

/**
 * One warm Chromium for every PDF. It is launched on first use (the CLI's `info` never pays
 * for it), keeps a few pages open between reports, and is relaunched on the next render if
 * it crashed or was killed. Each page has JavaScript off and every request but the
 * document itself aborted, so a template or a transcript can neither run code nor call out.
 */
export class PdfRenderer implements PdfEngine {
  readonly #chromePath: string | null;
  readonly #poolSize: number;
  readonly #timeoutMs: number;
  readonly #launchTimeoutMs: number;
  #browser: Browser | null = null;
  #launching: Promise<Browser> | null = null;
  #userDataDir: string | null = null;
  #idle: Page[] = [];
  #active = 0;
  #waiters: (() => void)[] = [];
  #closed = false;
  #launches = 0;
  #blocked = 0;

  constructor(options: PdfRendererOptions) {
    this.#chromePath = options.chromePath;
    this.#poolSize = Math.max(1, options.poolSize ?? 2);
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#launchTimeoutMs = options.launchTimeoutMs ?? 30_000;
  }

  /** How many times a browser was started (1 while it stays warm). */
  get launchCount(): number {
    return this.#launches;
  }

  /** Requests aborted because a page tried to fetch something other than its own document. */
  get blockedRequestCount(): number {
    return this.#blocked;
  }

  /** The running browser's process id, or null when none is running. */
  get browserPid(): number | null {
    return this.#browser?.process()?.pid ?? null;
  }

  async renderPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
    if (this.#closed) throw new AppError('unavailable', 'The PDF renderer was closed.');
    await this.#takeSlot();
    try {
      try {
        return await this.#renderOnce(html, options);
      } catch (error) {
        // A page or the whole browser crashed under this render (renderer crash, OOM kill):
        // one retry on a fresh page, in a fresh browser if needed. Our own errors (timeout,
        // no browser) would only repeat.
        if (this.#closed || error instanceof AppError) throw error;
        return await this.#renderOnce(html, options);
      }
    } finally {
      this.#releaseSlot();
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    const browser = (await this.#launching?.catch(() => null)) ?? this.#browser;
    this.#browser = null;
    this.#idle = [];
    if (browser) await shutDown(browser);
    await this.#removeProfile();
  }

  async #renderOnce(html: string, options: PdfOptions): Promise<Buffer> {
    const browser = await this.#ensureBrowser();
    const limit = options.timeoutMs ?? this.#timeoutMs;
    let page: Page | null = this.#idle.pop() ?? null;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new AppError('unavailable', `Printing the PDF took longer than ${limit} ms.`)),
        limit,
      );
    });
    const work = async () => {
      page ??= await this.#newPage(browser);
      return print(page, html, options, limit);
    };
    try {
      const pdf = await Promise.race([work(), timedOut]);
      if (this.#browser === browser && page && !page.isClosed()) this.#idle.push(page);
      return pdf;
    } catch (error) {
      if (page) {
        // A page that failed or timed out may be stuck mid-load: never hand it out again (and
        // do not wait for it: a wedged browser would hang the close too).
        void page.close().catch(() => undefined);
      } else {
        // Not even a blank page opened in time: the browser is wedged, start afresh next time.
        browser.process()?.kill('SIGKILL');
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async #newPage(browser: Browser): Promise<Page> {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      if (isOwnDocument(request.url())) {
        void request.continue().catch(() => undefined);
        return;
      }
      this.#blocked += 1;
      void request.abort('blockedbyclient').catch(() => undefined);
    });
    return page;
  }

  async #ensureBrowser(): Promise<Browser> {
    if (this.#browser?.connected) return this.#browser;
    this.#launching ??= this.#launch().finally(() => {
      this.#launching = null;
    });
    return this.#launching;
  }

  async #launch(): Promise<Browser> {
    const executablePath = resolveChrome(this.#chromePath);
    // A browser that lost its DevTools pipe may still be running: it must not linger.
    this.#browser?.process()?.kill('SIGKILL');
    this.#browser = null;
    await this.#removeProfile();
    const userDataDir = await mkdtemp(join(tmpdir(), 'leadwatch-chrome-'));
    this.#userDataDir = userDataDir;
    let browser: Browser;
    try {
      browser = await puppeteer.launch({
        executablePath,
        // Exactly our flags; puppeteer adds only the DevTools pipe (no TCP port to connect to).
        ignoreDefaultArgs: true,
        args: [...CHROME_ARGS, `--user-data-dir=${userDataDir}`, 'about:blank'],
        pipe: true,
        timeout: this.#launchTimeoutMs,
      });
    } catch (error) {
      const source = this.#chromePath ? 'CHROME_PATH' : 'found on this machine';
      throw new AppError(
        'unavailable',
        `Could not start the browser for PDF reports (${executablePath}, ${source}): ${(error as Error).message}`,
        { cause: error },
      );
    }
    this.#launches += 1;
    this.#browser = browser;
    this.#idle = [];
    browser.once('disconnected', () => {
      if (this.#browser === browser) {
        this.#browser = null;
        this.#idle = [];
      }
    });
    return browser;
  }

  async #removeProfile(): Promise<void> {
    const dir = this.#userDataDir;
    this.#userDataDir = null;
    if (dir) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }

  async #takeSlot(): Promise<void> {
    while (this.#active >= this.#poolSize) {
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
    this.#active += 1;
  }

  #releaseSlot(): void {
    this.#active -= 1;
    this.#waiters.shift()?.();
  }
}

/** The document is set as `about:blank`; inline images may be `data:`. Nothing else loads. */
function isOwnDocument(url: string): boolean {
  return url === 'about:blank' || url.startsWith('data:');
}

async function print(page: Page, html: string, o: PdfOptions, timeout: number): Promise<Buffer> {
  await page.setContent(html, { waitUntil: 'load', timeout });
  const margin = o.margins ?? DEFAULT_MARGINS;
  const withChrome = Boolean(o.headerTemplate || o.footerTemplate);
  const bytes = await page.pdf({
    format: o.format ?? 'A4',
    landscape: o.landscape ?? false,
    margin,
    printBackground: true,
    displayHeaderFooter: withChrome,
    // Chrome prints its own date/title header when a template is empty: give it a blank one.
    headerTemplate: o.headerTemplate ?? '<span></span>',
    footerTemplate: o.footerTemplate ?? '<span></span>',
    timeout,
  });
  return Buffer.from(bytes);
}

function resolveChrome(configured: string | null): string {
  const chrome = findChrome(configured);
  if (chrome.exists && chrome.path) return chrome.path;
  if (chrome.configured) {
    throw new AppError(
      'unavailable',
      `CHROME_PATH=${chrome.path} is not an executable file. Point CHROME_PATH at Chrome or Chromium, or unset it to search the usual places.`,
    );
  }
  throw new AppError(
    'unavailable',
    'No Chrome or Chromium was found for PDF reports. Install Chromium (Debian: apt-get install chromium) or set CHROME_PATH.',
  );
}

/** Closes politely, then kills: a wedged browser must not keep the daemon from exiting. */
async function shutDown(browser: Browser): Promise<void> {
  const polite = browser.close().then(
    () => true,
    () => false,
  );
  const timer = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000).unref());
  if (!(await Promise.race([polite, timer]))) browser.process()?.kill('SIGKILL');
}
