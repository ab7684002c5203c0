/**
 * The sessions page in real Chromium through the test bridge: how long until a person sees
 * the first rows, and until a search shows its matches. One browser for the case; every
 * run gets a fresh context (no cache, no TanStack Query state). The bridge's HTTP hop
 * stands in for Electron's IPC, so the figures include the JSON round trips.
 *
 * There is no baseline: no naive sessions page exists to compare with, and inventing
 * one would produce a ratio that means nothing.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startBridge } from '../../src/bridge/bridge';
import { createCore } from '../../src/core/core';
import { ensureRenderer, launchChromium, snapshotRenderer } from '../lib/browser';
import { formatCount } from '../lib/format';
import { FreshPage } from '../lib/fresh-page';
import type { BenchCase } from '../lib/types';

// A word in a minority of transcripts: the list visibly narrows, the total is checkable.
const SEARCH_WORD = 'audit';

export const sessionsPage: BenchCase = {
  name: 'sessions-page',
  description: 'Sessions page in Chromium via the bridge: first rows, then search results',
  sizeUnit: 'sessions',
  sizes: { quick: 2_000, full: 100_000 },

  async setup(size, ctx) {
    const rendererDir = await snapshotRenderer(
      ensureRenderer(ctx.mode, ctx.log),
      join(ctx.tempDir, 'renderer'),
    );
    const seeded = await ctx.seededStore({ chatSessions: size });
    const core = createCore({ dataDir: seeded.dataDir });
    ctx.defer(() => core.close());
    const bridge = await startBridge({ core, rendererDir });
    ctx.defer(() => bridge.close());
    const browser = await launchChromium();
    ctx.defer(() => browser.close());
    ctx.log(`Chromium ${browser.version()}`);
    const { total: matches } = await core.registry.call('sessions.list', {
      query: SEARCH_WORD,
      limit: 1,
    });
    if (matches === 0) throw new Error(`"${SEARCH_WORD}" no longer matches the demo data`);

    const pages = new FreshPage(browser);
    ctx.defer(() => pages.close());
    const firstRow = (p: Page) =>
      p.getByRole('listbox', { name: 'Sessions' }).getByRole('option').first();
    const openSessions = async (p: Page) => {
      await p.goto(bridge.pageUrl('#/sessions'));
      await firstRow(p).waitFor({ state: 'visible' });
    };

    const search = async (p: Page) => {
      await p.getByRole('textbox', { name: 'Search sessions' }).fill(SEARCH_WORD);
      // The total reads "N matches" (en-US, the context's locale) once the filtered first
      // page has arrived; then its first row shows a snippet.
      await p
        .getByTestId('session-total')
        .filter({ hasText: new RegExp(`^${formatCount(matches)} match`) })
        .waitFor();
      await firstRow(p).getByTestId('session-snippet').waitFor({ state: 'visible' });
    };

    // Every run opens a fresh context and loads the app (seconds): quick mode times one.
    const maxRuns = ctx.mode === 'quick' ? 1 : undefined;
    return [
      {
        name: 'first rows',
        maxRuns,
        items: 1,
        unit: 'loads',
        beforeRun: async () => void (await pages.open()),
        run: () => pages.use(openSessions),
        afterRun: () => pages.close(),
        baseline: null,
        note: 'navigate to #/sessions until the first row is visible (JS bundle, app.info, first page); Node-side RSS only',
      },
      {
        name: `search results "${SEARCH_WORD}"`,
        maxRuns,
        items: 1,
        unit: 'searches',
        beforeRun: async () => {
          await pages.open();
          await pages.use(openSessions);
        },
        run: () => pages.use(search),
        afterRun: () => pages.close(),
        baseline: null,
        note: `type the word until ${formatCount(matches)} matches and a snippet show; includes the page's 200 ms debounce`,
      },
    ];
  },
};
