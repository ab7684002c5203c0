/**
 * Core's side of "main prints the PDF": a PdfEngine that sends the HTML to main and waits
 * for the bytes. Electron-free (it runs in the core utilityProcess and under Node in tests);
 * core only uses it when no browser is found (core/render/engine-choice.ts).
 */
import { AppError } from '../../core/rpc/errors';
import type { PdfEngine, PdfOptions } from '../../core/render/pdf-engine';
import {
  MAX_PRINT_HTML_CHARS,
  pdfOptionsSchema,
  type FromCore,
  type PrintResult,
} from './protocol';

interface Waiting {
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Main prints one PDF at a time, so a report may wait behind others: the limit covers the
 * queue too, and is generous. A main that never answers (an old shell, a hung window)
 * costs one report a timeout, not a stuck sweep.
 */
const DEFAULT_TIMEOUT_MS = 120_000;

export class PrintRelay implements PdfEngine {
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private closed = false;

  constructor(
    private readonly post: (message: FromCore) => void,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  renderPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
    if (this.closed) {
      return Promise.reject(new AppError('unavailable', 'The PDF printer was closed.'));
    }
    // Checked here too, so a bad option fails this report with a clear error instead of
    // being dropped by main's parser and timing out.
    const checked = pdfOptionsSchema.safeParse(options);
    if (!checked.success) {
      return Promise.reject(
        new AppError('invalid_input', `PDF options main cannot print: ${checked.error.message}`),
      );
    }
    if (html.length > MAX_PRINT_HTML_CHARS) {
      return Promise.reject(new AppError('invalid_input', 'The document is too large to print.'));
    }
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      const limit = this.timeoutMs + (options.timeoutMs ?? 0);
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(
          new AppError(
            'unavailable',
            `The desktop app did not print the PDF within ${Math.round(limit / 1000)} s.`,
          ),
        );
      }, limit);
      this.waiting.set(id, { resolve, reject, timer });
      try {
        this.post({ type: 'printPdf', id, html, options: checked.data });
      } catch (error) {
        this.finish(id, {
          ok: false,
          error: {
            type: 'unavailable',
            message: `Could not reach the desktop app: ${String(error)}`,
          },
        });
      }
    });
  }

  /** main's answer (already parsed by the host); an unknown id timed out: dropped. */
  settle(id: number, result: PrintResult): void {
    this.finish(id, result);
  }

  close(): Promise<void> {
    this.closed = true;
    for (const id of [...this.waiting.keys()]) {
      this.finish(id, {
        ok: false,
        error: { type: 'unavailable', message: 'Core is shutting down.' },
      });
    }
    return Promise.resolve();
  }

  private finish(id: number, result: PrintResult): void {
    const entry = this.waiting.get(id);
    if (!entry) return;
    this.waiting.delete(id);
    clearTimeout(entry.timer);
    if (result.ok)
      entry.resolve(Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength));
    else entry.reject(new AppError(result.error.type, result.error.message));
  }
}
