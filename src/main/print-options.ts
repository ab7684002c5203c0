/**
 * The Electron-free half of print-to-pdf.ts, so it is unit-tested under Node: core's PDF
 * options turned into printToPDF's, and the one-at-a-time queue with its time limit.
 */
import { DEFAULT_MARGINS, type PdfOptions } from '../core/render/pdf-engine';

/** Chromium refuses to navigate to a URL longer than this (url::kMaxURLChars, 2 MiB). */
export const MAX_URL_CHARS = 2 * 1024 * 1024;

/**
 * The document as a data: URL: the HTML never touches the disk and has no origin to abuse.
 * Chromium caps URLs at 2 MiB (~1.5 MB of HTML); a bigger report fails here, with what to
 * do, rather than as a blank page.
 */
export function htmlDataUrl(html: string): string {
  const url = `data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`;
  if (url.length > MAX_URL_CHARS) {
    throw new Error(
      `the report is too large for the built-in printer (${Math.round(html.length / 1024)} KB of HTML); install Chrome or Chromium, or set CHROME_PATH`,
    );
  }
  return url;
}

const PER_INCH: Record<string, number> = { mm: 25.4, cm: 2.54, in: 1, px: 96 };

/** printToPDF wants margins in inches; reports give CSS lengths (validated by protocol.ts). */
export function toInches(length: string): number {
  const match = /^(\d+(?:\.\d+)?)(mm|cm|in|px)$/.exec(length);
  const unit = match?.[2];
  if (!match || !unit) throw new Error(`Not a length printToPDF understands: ${length}`);
  return Number(match[1]) / (PER_INCH[unit] ?? 1);
}

/** The printToPDF options for a report: same paper, margins and running header as Chromium's. */
export function printToPdfOptions(options: PdfOptions) {
  const m = options.margins ?? DEFAULT_MARGINS;
  const withChrome = Boolean(options.headerTemplate || options.footerTemplate);
  return {
    printBackground: true,
    pageSize: options.format ?? 'A4',
    landscape: options.landscape ?? false,
    margins: {
      top: toInches(m.top),
      right: toInches(m.right),
      bottom: toInches(m.bottom),
      left: toInches(m.left),
    },
    displayHeaderFooter: withChrome,
    // As in browser.ts: an empty template would make Chromium print its date/title header.
    headerTemplate: options.headerTemplate ?? '<span></span>',
    footerTemplate: options.footerTemplate ?? '<span></span>',
  } as const;
}

/**
 * Runs jobs one after another: a single hidden window at a time keeps memory flat however
 * many reports a sweep sends. Each job gets `timeoutMs` from when it starts (not while it
 * waits), and `onTimeout` to tear down what it holds; a job that timed out frees the queue.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>, timeoutMs: number, onTimeout: () => void): Promise<T> {
    const result = this.tail.then(() => withTimeout(job, timeoutMs, onTimeout));
    this.tail = result.catch(() => undefined);
    return result;
  }
}

async function withTimeout<T>(job: () => Promise<T>, ms: number, onTimeout: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`printing took longer than ${Math.round(ms / 1000)} s`));
    }, ms);
  });
  try {
    return await Promise.race([job(), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
