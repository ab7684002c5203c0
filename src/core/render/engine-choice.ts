import { PdfRenderer } from './browser';
import { findChrome } from './find-chrome';
import type { PdfEngine, PdfOptions } from './pdf-engine';

export type EngineKind = 'chromium' | 'desktop';

export interface PdfEngineChoice {
  /** CHROME_PATH as configured (null: search the usual places). */
  chromePath: string | null;
  /**
   * The desktop shell's printer (Electron's printToPDF, reached over the core↔main port),
   * or null outside the desktop app: the CLI, the daemon and tests have no shell.
   */
  desktop: PdfEngine | null;
  /** Tests pretend a browser is (not) installed; default: look on disk. */
  browserFound?: (chromePath: string | null) => boolean;
  /** Tests pass a fake; default: one warm Chromium through puppeteer-core. */
  chromium?: PdfEngine;
}

/**
 * The warm Chromium when a browser is found, else the desktop shell's printer (DESIGN.md:
 * "Electron's own printToPDF may stand in when no browser is found").
 *
 * Decided per PDF, not once: a browser installed while the app runs is used from the next
 * report on. A CHROME_PATH that is set but wrong is never papered over: the Chromium engine
 * reports it by name, as `doctor` does, since the user asked for that browser.
 */
export class ChosenPdfEngine implements PdfEngine {
  readonly #chromium: PdfEngine;
  readonly #desktop: PdfEngine | null;
  readonly #browserFound: () => boolean;
  readonly #configured: boolean;

  constructor(choice: PdfEngineChoice) {
    this.#chromium = choice.chromium ?? new PdfRenderer({ chromePath: choice.chromePath });
    this.#desktop = choice.desktop;
    const found = choice.browserFound ?? ((path) => findChrome(path).exists);
    this.#browserFound = () => found(choice.chromePath);
    this.#configured = choice.chromePath !== null;
  }

  /** Which engine the next PDF goes to. */
  get next(): EngineKind {
    if (!this.#desktop || this.#configured || this.#browserFound()) return 'chromium';
    return 'desktop';
  }

  renderPdf(html: string, options?: PdfOptions): Promise<Buffer> {
    const engine = this.next === 'desktop' && this.#desktop ? this.#desktop : this.#chromium;
    return engine.renderPdf(html, options);
  }

  async close(): Promise<void> {
    await Promise.all([this.#chromium.close(), this.#desktop?.close()]);
  }
}
