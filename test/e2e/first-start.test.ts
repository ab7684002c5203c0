import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness';

describe('first start on an empty store', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('loads without console errors or CSP violations and offers demo data', async () => {
    const app = await harness.open();
    await app.expectPage('Dashboard');
    await app.page.getByRole('heading', { name: 'Welcome to Leadwatch' }).waitFor();
    await app.page.getByRole('button', { name: 'Load demo data' }).waitFor();
    // It also says how to connect real data.
    await app.page.getByRole('link', { name: 'Settings' }).first().waitFor();
    expect(await app.page.getByText('Redis and PostgreSQL connection URLs').count()).toBe(1);

    await app.screenshot('first-start-light');
    expect(await app.seriousAxeIssues()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
    expect(await app.cspViolations()).toEqual([]);
  });

  it('the Sessions page makes the same offer while the store is empty', async () => {
    const app = await harness.open({ hash: '#/sessions' });
    await app.page.getByRole('button', { name: 'Load demo data' }).waitFor();
    expect(await app.sessionList.count()).toBe(0);
  });

  it('loading the small demo set lists its sessions and does not offer again', async () => {
    const app = await harness.open();
    await app.page
      .getByRole('radiogroup', { name: 'Demo data size' })
      .locator('label')
      .filter({ hasText: 'Small sample' })
      .click();
    await app.page.getByRole('button', { name: 'Load demo data' }).click();
    await app.page.getByText('Demo data loaded').waitFor();

    const info = await harness.core.registry.call('app.info');
    expect(info.counts.sessions).toBeGreaterThan(0);
    expect((await harness.core.registry.call('settings.get')).demoOffered).toBe(true);

    // The dashboard refreshed on 'store.changed': counts and recent sessions are there.
    await app.page
      .getByTestId('stat-sessions')
      .filter({ hasText: String(info.counts.sessions) })
      .waitFor();
    await app.page.getByRole('heading', { name: 'Recent sessions' }).waitFor();
    expect(await app.demoOffer.count()).toBe(0);

    await app.navLink('Sessions').click();
    await app.sessionRows.first().waitFor();
    expect(await app.totalShown()).toBe(info.counts.sessions);

    await app.reload();
    await app.sessionRows.first().waitFor();
    expect(await app.page.getByRole('button', { name: 'Load demo data' }).count()).toBe(0);
    expect(app.consoleErrors).toEqual([]);
    expect(await app.cspViolations()).toEqual([]);
  });
});
