import { describe, expect, it } from 'vitest';
import { ChosenPdfEngine } from './engine-choice';
import { findChrome } from './find-chrome';
import type { PdfEngine, PdfOptions } from './pdf-engine';

/** Records what it was asked to print and answers with its own name. */
class FakeEngine implements PdfEngine {
  readonly printed: { html: string; options?: PdfOptions }[] = [];
  closed = false;
  constructor(readonly name: string) {}
  renderPdf(html: string, options?: PdfOptions): Promise<Buffer> {
    this.printed.push({ html, options });
    return Promise.resolve(Buffer.from(`%PDF-${this.name}`));
  }
  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

function setup(opts: { chromePath?: string | null; desktop?: boolean; found: () => boolean }) {
  const chromium = new FakeEngine('chromium');
  const desktop = opts.desktop === false ? null : new FakeEngine('desktop');
  const engine = new ChosenPdfEngine({
    chromePath: opts.chromePath ?? null,
    desktop,
    chromium,
    browserFound: opts.found,
  });
  return { engine, chromium, desktop };
}

describe('PDF engine choice', () => {
  it('prints with the warm Chromium whenever a browser is found, even in the desktop app', async () => {
    const { engine, chromium, desktop } = setup({ found: () => true });
    expect((await engine.renderPdf('<p>x</p>')).toString()).toBe('%PDF-chromium');
    expect(chromium.printed).toHaveLength(1);
    expect(desktop?.printed).toHaveLength(0);
  });

  it('hands the document and its options to the desktop shell when no browser is found', async () => {
    const { engine, chromium, desktop } = setup({ found: () => false });
    const options: PdfOptions = {
      format: 'A4',
      footerTemplate: '<span class="pageNumber"></span>',
    };
    expect(engine.next).toBe('desktop');
    expect((await engine.renderPdf('<p>report</p>', options)).toString()).toBe('%PDF-desktop');
    expect(desktop?.printed).toEqual([{ html: '<p>report</p>', options }]);
    expect(chromium.printed).toHaveLength(0);
  });

  it('decides per PDF: a browser installed while the app runs is used from the next report', async () => {
    let installed = false;
    const { engine } = setup({ found: () => installed });
    expect((await engine.renderPdf('a')).toString()).toBe('%PDF-desktop');
    installed = true;
    expect((await engine.renderPdf('b')).toString()).toBe('%PDF-chromium');
  });

  it('outside the desktop app (CLI, daemon) stays on Chromium, which explains what is missing', async () => {
    const { engine, chromium } = setup({ desktop: false, found: () => false });
    expect(engine.next).toBe('chromium');
    await engine.renderPdf('x');
    expect(chromium.printed).toHaveLength(1);
  });

  it('never papers over a wrong CHROME_PATH: the user asked for that browser', () => {
    const { engine } = setup({ chromePath: '/nowhere/chrome', found: () => false });
    expect(engine.next).toBe('chromium');
  });

  it('closes both engines', async () => {
    const { engine, chromium, desktop } = setup({ found: () => false });
    await engine.close();
    expect(chromium.closed).toBe(true);
    expect(desktop?.closed).toBe(true);
  });

  it('by default looks on disk the way doctor does', async () => {
    const engine = new ChosenPdfEngine({ chromePath: null, desktop: new FakeEngine('desktop') });
    expect(engine.next).toBe(findChrome(null).exists ? 'chromium' : 'desktop');
    await engine.close();
  });
});
