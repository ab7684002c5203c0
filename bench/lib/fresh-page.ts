import type { Browser, BrowserContext, Page } from 'playwright-core';

const WAIT_MS = 60_000;

/**
 * One page at a time, each in a fresh context (no cache, no storage, no app state carried
 * over from the last run), which remembers what went wrong on it so a timeout says why.
 */
export class FreshPage {
  private context: BrowserContext | undefined;
  private page: Page | undefined;
  private problems: string[] = [];

  constructor(private readonly browser: Browser) {}

  async open(): Promise<Page> {
    await this.close();
    this.context = await this.browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
      reducedMotion: 'reduce',
    });
    const page = await this.context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    this.problems = [];
    page.on('console', (m) => void (m.type() === 'error' && this.problems.push(m.text())));
    page.on('pageerror', (e) => void this.problems.push(`pageerror: ${e.message}`));
    this.page = page;
    return page;
  }

  get current(): Page {
    if (!this.page) throw new Error('No page open: beforeRun did not run');
    return this.page;
  }

  /** Runs `fn` on the open page; a failure comes back with the page's errors and text. */
  async use(fn: (page: Page) => Promise<void>): Promise<void> {
    const page = this.current;
    try {
      await fn(page);
    } catch (error) {
      const text = await page
        .locator('body')
        .innerText({ timeout: 2_000 })
        .catch(() => '(unreadable)');
      const errors = this.problems.join(' | ') || 'none';
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\n` +
          `Console errors: ${errors}\nPage text: ${text.replace(/\s+/g, ' ').slice(0, 500)}`,
        { cause: error },
      );
    }
  }

  async close(): Promise<void> {
    await this.context?.close();
    [this.context, this.page] = [undefined, undefined];
  }
}
