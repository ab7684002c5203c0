import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSeededHarness, type Harness } from './helpers/harness';
import type { AppPage } from './page-models/app';

interface Screen {
  name: string;
  hash: string;
  /** Waits until the page shows its content, not a skeleton. */
  ready: (app: AppPage) => Promise<void>;
  screenshot?: string;
  /** More to capture once the first screenshot is taken (e.g. further down the page). */
  after?: (app: AppPage, theme: string) => Promise<void>;
}

const THEMES = ['light', 'dark'] as const;

describe('accessibility and screenshots', () => {
  let harness: Harness;
  let sessionId = '';
  let screens: Screen[] = [];

  beforeAll(async () => {
    harness = await startSeededHarness();
    const { items } = await harness.core.registry.call('sessions.list', { limit: 50 });
    // A session worth looking at: a named, hot lead with a real conversation.
    const rich = items.filter(
      (item) => item.visitorName && item.organization && item.messageCount >= 6 && item.priority,
    );
    const hot = rich.find((item) => item.priority === 'high' || item.priority === 'critical');
    const chosen = hot ?? rich[0] ?? items[0];
    if (!chosen) throw new Error('demo data has no sessions');
    sessionId = chosen.id;
    screens = [
      {
        name: 'dashboard',
        hash: '#/dashboard',
        ready: (app) => app.page.getByRole('heading', { name: 'Recent sessions' }).waitFor(),
        screenshot: 'dashboard',
      },
      {
        name: 'sessions list',
        hash: '#/sessions',
        ready: (app) => app.sessionRows.first().waitFor(),
        screenshot: 'sessions-list',
      },
      {
        name: 'session transcript',
        hash: `#/sessions/${sessionId}`,
        ready: async (app) => {
          await app.transcriptMessages.first().waitFor();
          await app.sessionRows.first().waitFor();
        },
        screenshot: 'transcript',
      },
      {
        name: 'search results',
        hash: '#/sessions?q=price',
        ready: (app) => app.sessionTotal.filter({ hasText: 'match' }).waitFor(),
      },
      { name: 'leads', hash: '#/leads', ready: (app) => app.expectPage('Leads') },
      { name: 'reports', hash: '#/reports', ready: (app) => app.expectPage('Reports') },
      {
        name: 'settings',
        hash: '#/settings',
        ready: (app) => app.page.getByRole('heading', { name: 'Local store' }).waitFor(),
        screenshot: 'settings',
        after: async (app, theme) => {
          await app.page.getByRole('heading', { name: 'Connections' }).scrollIntoViewIfNeeded();
          await app.page.mouse.wheel(0, 200);
          await app.page.waitForTimeout(150);
          await app.screenshot(`settings-connections-${theme}`);
        },
      },
    ];
  });

  afterAll(async () => {
    await harness?.close();
  });

  for (const theme of THEMES) {
    it(`has no serious or critical axe violations on any page in the ${theme} theme`, async () => {
      await harness.core.registry.call('settings.set', { theme });
      const app = await harness.open({ colorScheme: theme });
      const problems: Record<string, unknown> = {};
      for (const screen of screens) {
        await app.goto(screen.hash);
        await screen.ready(app);
        expect(await app.colorScheme()).toBe(theme);
        // Let transitions settle, so axe and the screenshot see final colours.
        await app.page.waitForTimeout(250);
        if (screen.screenshot) {
          await app.screenshot(`${screen.screenshot}-${theme}`);
          await screen.after?.(app, theme);
        }
        const issues = await app.seriousAxeIssues();
        if (issues.length) problems[screen.name] = issues;
      }
      expect(problems).toEqual({});
      expect(app.consoleErrors).toEqual([]);
      expect(await app.cspViolations()).toEqual([]);
      // Seven pages, axe on each: slower than one interaction, above all on a busy CI machine.
    }, 180_000);
  }
});
