/**
 * Session report PDFs, as the monitor and "Render report" make them: the real report
 * (view model, Handlebars templates, header and footer) printed by PdfRenderer, one warm
 * Chromium with its small page pool (2, as core makes it). Baseline: the plain first
 * version, a browser launched per PDF with the same flags, then closed. Also the first PDF
 * after start, which pays for the launch (no baseline: both would launch the same way).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { SessionDetail } from '../../src/shared/contract';
import { CHROME_ARGS, PdfRenderer } from '../../src/core/render/browser';
import { DEFAULT_MARGINS, type PdfEngine, type PdfOptions } from '../../src/core/render/pdf-engine';
import { renderSessionReportPdf } from '../../src/core/reports/session/session-report';
import { SessionRepository } from '../../src/core/sessions/session-repository';
import { openStore } from '../../src/core/store/open';
import { chromiumPath } from '../lib/browser';
import { AS_OF } from '../lib/fixtures';
import { formatCount } from '../lib/format';
import { SkipCase, type BenchCase, type Mode } from '../lib/types';

/** The pool core's PdfRenderer gets (its default), and so the PDFs printed at once by either variant. */
const POOL = 2;
/**
 * A launch per PDF costs one to three seconds: the baseline prints this many and is scaled
 * up. Quick mode launches once per run, so CI's whole quick run stays under a minute.
 */
const BASELINE_SUBSET: Record<Mode, number> = { quick: 1, full: 20 };
/** Sessions to draw the reports from: a small seeded store, shared with the quick cases. */
const STORE_SESSIONS = 2_000;

const REPORT = { botName: 'Leadwatch Assistant', timezone: 'UTC', generatedAt: new Date(AS_OF) };

export const sessionPdfs: BenchCase = {
  name: 'session-pdfs',
  description: 'Session report PDFs: warm browser and page pool vs a browser per PDF; first PDF',
  sizeUnit: 'reports',
  sizes: { quick: 8, full: 200 },

  async setup(size, ctx) {
    let chrome: string;
    try {
      chrome = chromiumPath();
    } catch (error) {
      if (ctx.mode === 'quick') throw new SkipCase((error as Error).message);
      throw error;
    }
    const seeded = await ctx.seededStore({ chatSessions: STORE_SESSIONS });
    const store = openStore(seeded.databasePath);
    ctx.defer(() => store.close());
    const repository = new SessionRepository(store);
    // Sessions with a transcript, in id order (random lengths): loaded once, untimed.
    const ids = store.sqlite
      .prepare('SELECT id FROM chat_sessions WHERE message_count > 0 ORDER BY id LIMIT ?')
      .all(size) as { id: string }[];
    if (ids.length < size) throw new Error(`Only ${ids.length} sessions with messages`);
    const sessions = ids.map(({ id }) => repository.get(id));
    const messages = sessions.reduce((sum, s) => sum + s.messages.length, 0);

    const warm = new PdfRenderer({ chromePath: chrome, poolSize: POOL });
    ctx.defer(() => warm.close());
    const perLaunch = new LaunchPerPdf(chrome, ctx.tempDir);
    const subset = Math.min(size, BASELINE_SUBSET[ctx.mode]);
    const all = (engine: PdfEngine, list: SessionDetail[]) =>
      inParallel(list, POOL, (s) => renderSessionReportPdf(engine, s, REPORT));

    // The same report from both: a PDF each, about the same size (same HTML, same Chromium).
    const [ours] = await all(warm, sessions.slice(0, 1));
    const [theirs] = await all(perLaunch, sessions.slice(0, 1));
    for (const pdf of [ours, theirs]) {
      if (pdf?.subarray(0, 5).toString() !== '%PDF-') throw new Error('Not a PDF');
    }
    const [a, b] = [ours?.length ?? 0, theirs?.length ?? 0];
    if (Math.abs(a - b) > 0.1 * Math.max(a, b)) {
      throw new Error(`The two PDFs of one session differ in size: ${a} and ${b} bytes`);
    }
    ctx.log(`Chromium ${chrome}; first report ${formatCount(a)} bytes`);

    let cold: PdfRenderer | null = null;
    ctx.defer(async () => {
      await cold?.close();
    });
    // Both print POOL at a time: scale by rounds, so a subset smaller than the pool (quick
    // mode's single launch) is not charged as if its PDFs had run one after another.
    const rounds = (n: number) => Math.ceil(n / POOL);
    const scale = rounds(size) / rounds(subset);
    return [
      {
        name: `${formatCount(size)} reports (${formatCount(messages)} messages)`,
        items: size,
        unit: 'reports',
        run: async () => void (await all(warm, sessions)),
        baseline: async () => void (await all(perLaunch, sessions.slice(0, subset))),
        baselineScale: scale,
        note:
          `${POOL} at a time in both; PdfRenderer (warm, launched in setup) reuses its ` +
          `${POOL} pages; the baseline launches Chromium (same flags, fresh profile) per PDF, ` +
          `prints, closes` +
          (scale === 1
            ? ''
            : `; baseline on the first ${formatCount(subset)} reports, its times × ${scale}`),
      },
      {
        name: 'first PDF after start',
        items: 1,
        unit: 'reports',
        // Every run launches anew: a warm-up launch would measure nothing, and quick mode
        // times one launch.
        warmUp: false,
        maxRuns: ctx.mode === 'quick' ? 1 : undefined,
        beforeRun: () => {
          cold = new PdfRenderer({ chromePath: chrome, poolSize: POOL });
        },
        run: async () => {
          if (!cold) throw new Error('no renderer');
          await renderSessionReportPdf(cold, sessions[0] as SessionDetail, REPORT);
        },
        afterRun: async () => {
          await cold?.close();
          cold = null;
        },
        baseline: null,
        note: 'a new PdfRenderer: Chromium launch, first page, one report; no baseline (it launches the same way for every PDF)',
      },
    ];
  },
};

/** Runs `fn` over `items`, at most `limit` at once; results in order. */
async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The plain first version of a PDF engine: for every PDF, launch Chromium with the same
 * flags as PdfRenderer (and a fresh profile), open a page, print, close.
 */
class LaunchPerPdf implements PdfEngine {
  constructor(
    private readonly chrome: string,
    private readonly tempDir: string,
  ) {}

  async renderPdf(html: string, o: PdfOptions = {}): Promise<Buffer> {
    const profile = await mkdtemp(join(this.tempDir, 'chrome-'));
    const browser = await puppeteer.launch({
      executablePath: this.chrome,
      ignoreDefaultArgs: true,
      args: [...CHROME_ARGS, `--user-data-dir=${profile}`, 'about:blank'],
      pipe: true,
    });
    try {
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const withChrome = Boolean(o.headerTemplate || o.footerTemplate);
      const bytes = await page.pdf({
        format: o.format ?? 'A4',
        landscape: o.landscape ?? false,
        margin: o.margins ?? DEFAULT_MARGINS,
        printBackground: true,
        displayHeaderFooter: withChrome,
        headerTemplate: o.headerTemplate ?? '<span></span>',
        footerTemplate: o.footerTemplate ?? '<span></span>',
      });
      return Buffer.from(bytes);
    } finally {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
