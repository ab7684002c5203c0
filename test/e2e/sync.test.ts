import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/rpc/errors';
import type { SourceStatus, SyncSummary } from '../../src/shared/contract';
import { startSeededHarness, type Harness } from './helpers/harness';
import { insertSessions } from './helpers/store-fixtures';
import type { AppPage } from './page-models/app';

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

const REDIS_UP: SourceStatus = {
  source: 'redis',
  configured: true,
  reachable: true,
  lastSyncedAt: minutesAgo(2),
  lastError: null,
};
const POSTGRES_DOWN: SourceStatus = {
  source: 'postgres',
  configured: true,
  reachable: false,
  lastSyncedAt: minutesAgo(90),
  lastError: 'connect ECONNREFUSED 127.0.0.1:5432',
};

const RESULT: SyncSummary = {
  source: 'redis',
  scanned: 4,
  inserted: 1,
  updated: 1,
  unchanged: 1,
  vanished: 1,
  failed: [{ id: 'redis:broken-7', error: 'last_interaction "next tuesday" is not a timestamp' }],
  durationMs: 1240,
  error: null,
};

/** A source that could not be synced at all: the contract's per-source error. */
const POSTGRES_FAILED: SyncSummary = {
  source: 'postgres',
  scanned: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  vanished: 0,
  failed: [],
  durationMs: 5003,
  error: 'connect ECONNREFUSED 127.0.0.1:5432',
};

/** A promise a stubbed handler waits on, so the test can look at the UI mid-sync. */
function gate() {
  let open = () => undefined as void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open: () => open() };
}

describe('sources and sync', () => {
  let harness: Harness;
  let app: AppPage | undefined;

  beforeAll(async () => {
    // Nothing configured: the harness gives core an environment without REDIS_URL etc.
    harness = await startSeededHarness();
  });

  afterEach(async () => {
    harness.unstub();
    if (app) {
      expect(app.consoleErrors).toEqual([]);
      expect(await app.cspViolations()).toEqual([]);
    }
    app = undefined;
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('says "Local store only" when no source is configured', async () => {
    const { sources } = await harness.core.registry.call('sync.status');
    expect(sources.every((s) => !s.configured)).toBe(true);
    app = await harness.open();
    await app.syncStatus.waitFor();
    expect(await app.syncStatus.textContent()).toBe('Local store only');
    expect(await app.syncStatus.getAttribute('data-tone')).toBe('idle');

    await app.syncStatus.click();
    await app.expectPage('Settings');
    const section = app.page.getByRole('region', { name: 'Sources and sync' });
    expect(await section.textContent()).toContain('Redis — not configured');
    expect(await section.textContent()).toContain('PostgreSQL — not configured');
  });

  it('shows a connected source with its last sync, and warns when one is unreachable', async () => {
    harness.stub('sync.status', () => ({ sources: [REDIS_UP, POSTGRES_DOWN] }));
    app = await harness.open({ hash: '#/sessions' });
    const redis = app.syncStatus.locator('[data-source="redis"]');
    const postgres = app.syncStatus.locator('[data-source="postgres"]');
    await redis.waitFor();
    expect(await redis.textContent()).toBe('Redis: connected, synced 2 minutes ago');
    expect(await postgres.textContent()).toBe('PostgreSQL unreachable — showing the local mirror');
    expect(await postgres.getAttribute('data-tone')).toBe('warning');
    expect(await app.syncStatus.getAttribute('data-tone')).toBe('warning');
    // The warning is drawn in the warning colour, not the body text's.
    const colours = await postgres.locator('p').evaluate((el) => ({
      warning: getComputedStyle(el).color,
      body: getComputedStyle(document.body).color,
    }));
    expect(colours.warning).not.toBe(colours.body);

    await app.goto('#/settings');
    const section = app.page.getByRole('region', { name: 'Sources and sync' });
    await section.getByText('Last error: connect ECONNREFUSED 127.0.0.1:5432').waitFor();
    await section.scrollIntoViewIfNeeded();
    await app.screenshot('sync-status-light');
  });

  it('asks core for the status again every 30 seconds', async () => {
    let calls = 0;
    harness.stub('sync.status', () => {
      calls += 1;
      return {
        sources: [calls === 1 ? REDIS_UP : { ...REDIS_UP, reachable: false, lastError: 'timeout' }],
      };
    });
    app = await harness.open({ beforeLoad: (page) => page.clock.install() });
    const redis = app.syncStatus.locator('[data-source="redis"]');
    await redis.filter({ hasText: 'connected' }).waitFor();
    await app.page.clock.fastForward(31_000);
    await redis.filter({ hasText: 'Redis unreachable — showing the local mirror' }).waitFor();
    expect(calls).toBe(2);
  });

  it('syncs from the Sessions toolbar with progress, a summary of what changed, and a fresh list', async () => {
    const release = gate();
    const reachedEnd = gate();
    harness.stub('sync.run', async () => {
      const emit = (step: string, done: number, total: number) =>
        harness.core.events.emit('sync.progress', { source: 'redis', step, done, total });
      emit('redis: finding sessions', 0, 0);
      emit('redis: finding sessions', 4, 4);
      emit('redis: sessions', 0, 4);
      emit('redis: sessions', 3, 4);
      reachedEnd.open();
      await release.promise;
      insertSessions(harness.core, [
        { sourceId: 'fresh-from-redis', visitorName: 'Ada Synced', priority: 'low' },
      ]);
      harness.core.events.emit('sync.finished', { results: [RESULT, POSTGRES_FAILED] });
      return { results: [RESULT, POSTGRES_FAILED] };
    });
    app = await harness.open({ hash: '#/sessions' });
    const before = await app.totalShown();

    await app.syncNowButton.click();
    await reachedEnd.promise;
    const dialog = app.syncDialog;
    const progress = dialog.getByTestId('sync-progress');
    await progress.getByText('Redis: sessions').waitFor();
    await progress.getByText('3 of 4').waitFor();
    expect(
      await dialog
        .getByRole('progressbar', { name: 'Redis sync progress' })
        .getAttribute('aria-valuenow'),
    ).toBe('75');
    // The sidebar shows the same run, for when the dialog is closed.
    expect(await app.syncStatus.getAttribute('data-tone')).toBe('running');
    await app.screenshot('sync-progress-light');

    release.open();
    const result = dialog.locator('[data-testid="sync-result"][data-source="redis"]');
    await result.waitFor();
    const counts = Object.fromEntries(
      await result
        .locator('[data-count]')
        .evaluateAll((els) =>
          els.map((el) => [el.getAttribute('data-count'), el.querySelector('dd')?.textContent]),
        ),
    );
    expect(counts).toEqual({
      inserted: '1',
      updated: '1',
      unchanged: '1',
      vanished: '1',
      failed: '1',
    });
    const failures = result.getByTestId('sync-failures');
    expect(await failures.textContent()).toContain('redis:broken-7');
    expect(await failures.textContent()).toContain(
      'last_interaction "next tuesday" is not a timestamp',
    );
    // A source that could not be reached says so, and that the mirror was kept.
    const postgres = dialog.locator('[data-source="postgres"]').getByTestId('sync-source-error');
    expect(await postgres.textContent()).toContain('PostgreSQL could not be synced');
    expect(await postgres.textContent()).toContain('connect ECONNREFUSED 127.0.0.1:5432');
    expect(await postgres.textContent()).toContain('The local mirror was kept');
    await app.screenshot('sync-results-light');

    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await expect.poll(() => app!.totalShown()).toBe(before + 1);
    expect(await app.syncNowButton.textContent()).toBe('Sync now');
  });

  it('keeps syncing with the dialog hidden, and says how it ended', async () => {
    const release = gate();
    harness.stub('sync.run', async () => {
      harness.core.events.emit('sync.progress', {
        source: 'redis',
        step: 'redis: sessions',
        done: 10,
        total: 40,
      });
      await release.promise;
      return { results: [RESULT] };
    });
    app = await harness.open({ hash: '#/sessions' });
    await app.syncNowButton.click();
    await app.syncDialog.getByText('10 of 40').waitFor();
    await app.syncDialog.getByRole('button', { name: 'Hide (the sync continues)' }).click();
    await expect.poll(() => app!.syncDialog.count()).toBe(0);
    await app.syncStatus.getByText('10 of 40').waitFor();
    expect(await app.syncNowButton.textContent()).toBe('Syncing…');

    release.open();
    const note = app.page.getByRole('alert').filter({ hasText: 'Sync finished with problems' });
    await note.waitFor();
    expect(await note.textContent()).toContain(
      'Redis: 1 new, 1 updated, 1 removed upstream, 1 failed.',
    );
    await app.syncStatus.filter({ hasText: 'Local store only' }).waitFor();
  });

  it('says what to do when the sync cannot run', async () => {
    harness.stub('sync.run', () => {
      throw new AppError('unavailable', 'Redis did not answer within 5 s: is REDIS_URL right?');
    });
    app = await harness.open({ hash: '#/settings' });
    await app.syncNowButton.click();
    const error = app.syncDialog.getByTestId('action-error');
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('The sync did not run');
    expect(text).toContain('Redis did not answer within 5 s');
    expect(text).toContain('Nothing in the local mirror was changed');
    expect(text).toContain('Settings');
    expect(await app.syncDialog.getByRole('button', { name: 'Sync again' }).isEnabled()).toBe(true);
  });

  it('with this core and nothing configured, Sync now says there is nothing to sync', async () => {
    // No stub: core's own sync, which finds no source and returns no results.
    app = await harness.open({ hash: '#/sessions' });
    await app.syncNowButton.click();
    const results = app.syncDialog.getByTestId('sync-results');
    await results.waitFor();
    expect(await results.textContent()).toContain('Nothing to sync');
    expect(await results.getByRole('link', { name: 'Settings' }).count()).toBe(1);
  });
});
