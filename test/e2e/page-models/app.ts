import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';

export const SCREENSHOT_DIR = resolve(__dirname, '../../../test-results/screenshots');

export type NavLabel = 'Dashboard' | 'Sessions' | 'Leads' | 'Reports' | 'Settings';
export const NAV_LABELS: NavLabel[] = ['Dashboard', 'Sessions', 'Leads', 'Reports', 'Settings'];

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

export interface AxeIssue {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** The Leadwatch window as a person uses it: by roles and labels, not CSS classes. */
export class AppPage {
  readonly consoleErrors: string[] = [];
  readonly dialogs: string[] = [];

  private constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  static async create(context: BrowserContext, baseUrl: string): Promise<AppPage> {
    const page = await context.newPage();
    const app = new AppPage(page, baseUrl);
    page.on('console', (message) => {
      if (message.type() === 'error') app.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => app.consoleErrors.push(`pageerror: ${error.message}`));
    // A dialog means page script ran that should not have (e.g. alert() from a transcript).
    page.on('dialog', (dialog) => {
      app.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__cspViolations?.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    return app;
  }

  async goto(hash = '#/dashboard'): Promise<void> {
    await this.page.goto(`${this.baseUrl}${hash}`);
    await this.ready();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.ready();
  }

  /** The shell is up once <main> exists (settings loaded, theme applied). */
  async ready(): Promise<void> {
    await this.page.getByRole('main').waitFor();
  }

  async cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => window.__cspViolations ?? []);
  }

  // --- shell ---------------------------------------------------------------------------

  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Main navigation' });
  }

  navLink(label: NavLabel): Locator {
    return this.navigation.getByRole('link', { name: label });
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  async expectPage(title: string): Promise<void> {
    await this.heading.filter({ hasText: title }).waitFor();
  }

  async currentNav(): Promise<string | null> {
    return this.navigation.locator('[aria-current="page"]').textContent();
  }

  get globalSearch(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search all sessions' });
  }

  async colorScheme(): Promise<string | null> {
    return this.page.evaluate(() =>
      document.documentElement.getAttribute('data-mantine-color-scheme'),
    );
  }

  /** The header's theme switch; `name` is the option's accessible label. */
  async setTheme(name: 'Light theme' | 'Dark theme' | 'Follow system theme'): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: 'Colour theme' })
      .locator('label')
      .filter({ hasText: name })
      .click();
  }

  // --- demo offer ----------------------------------------------------------------------

  get demoOffer(): Locator {
    return this.page.getByRole('region', { name: /Welcome to Leadwatch|Nothing to review yet/ });
  }

  // --- sessions ------------------------------------------------------------------------

  get sessionList(): Locator {
    return this.page.getByRole('listbox', { name: 'Sessions' });
  }

  get sessionRows(): Locator {
    return this.sessionList.getByRole('option');
  }

  get sessionSearch(): Locator {
    return this.page.getByRole('textbox', { name: 'Search sessions' });
  }

  get sessionTotal(): Locator {
    return this.page.getByTestId('session-total');
  }

  get sessionDetail(): Locator {
    return this.page.getByTestId('session-detail');
  }

  get transcriptMessages(): Locator {
    return this.sessionDetail.getByTestId('message-text');
  }

  /** The number in "1,234 sessions" / "12 matches", once loading is done. */
  async totalShown(): Promise<number> {
    await this.sessionTotal.filter({ hasNotText: 'Loading' }).waitFor();
    const text = (await this.sessionTotal.textContent()) ?? '';
    return Number(text.replace(/[^0-9]/g, ''));
  }

  // --- hot leads ----------------------------------------------------------------------

  /** The header's flame button: "5 hot leads". */
  get hotLeadsButton(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: /hot leads?$/ });
  }

  /**
   * Resolves once the page's event stream is open (the test bridge marks it): core events
   * sent before that never reach the page.
   */
  async eventsReady(): Promise<void> {
    await this.page.locator('html[data-leadwatch-events="open"]').waitFor({ state: 'attached' });
  }

  /** The number on the flame button, once loaded. */
  async hotLeadCount(): Promise<number> {
    await this.hotLeadsButton.and(this.page.locator('[data-count]')).waitFor();
    return Number(await this.hotLeadsButton.getAttribute('data-count'));
  }

  get hotLeadsDrawer(): Locator {
    return this.page.getByRole('dialog', { name: 'Hot leads' });
  }

  get hotLeadsCard(): Locator {
    return this.page.getByRole('region', { name: 'Hot leads' });
  }

  /** A pushed in-app notification, by its text. */
  notification(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  // --- session actions -----------------------------------------------------------------

  get endSessionButton(): Locator {
    return this.sessionDetail.getByRole('button', { name: 'End session & send report now' });
  }

  get endSessionConfirm(): Locator {
    return this.page.getByRole('dialog', { name: 'End this session and send its report now?' });
  }

  get endSessionOutcome(): Locator {
    return this.sessionDetail.getByTestId('end-session-outcome');
  }

  get scoreReasons(): Locator {
    return this.sessionDetail.getByRole('table', { name: 'Scoring reasons' });
  }

  // --- sources and sync ----------------------------------------------------------------

  get syncStatus(): Locator {
    return this.navigation.getByTestId('sync-status');
  }

  get syncNowButton(): Locator {
    return this.page.getByRole('main').getByRole('button', { name: /Sync now|Syncing/ });
  }

  get syncDialog(): Locator {
    return this.page.getByRole('dialog', { name: /Sync(ing)? from sources/ });
  }

  get actionError(): Locator {
    return this.page.getByTestId('action-error');
  }

  // --- checks --------------------------------------------------------------------------

  async screenshot(name: string, options: { fullPage?: boolean } = {}): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path, fullPage: options.fullPage ?? false });
    return path;
  }

  /** axe-core's WCAG 2.x A/AA rules; returns only what it rates serious or critical. */
  async seriousAxeIssues(): Promise<AxeIssue[]> {
    const results = await new AxeBuilder({ page: this.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      // Report previews are frames that run no script (sandbox=""): axe cannot run inside
      // one and would wait for it forever. Their content is the mailed report, not the app.
      .exclude('iframe[sandbox=""]')
      .analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes
          .slice(0, 5)
          .map((n) => `${n.target.join(' ')} :: ${n.failureSummary ?? ''}`),
      }));
  }
}
