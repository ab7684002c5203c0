import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness';
import { insertManySessions } from './helpers/store-fixtures';

const COUNT = 2000;

describe('virtualised sessions list', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
    insertManySessions(harness.core, COUNT);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('keeps a few dozen rows in the DOM for 2,000 sessions and pages in the rest as you scroll', async () => {
    const app = await harness.open({ hash: '#/sessions' });
    await app.sessionRows.first().waitFor();
    expect(await app.totalShown()).toBe(COUNT);
    expect(await app.sessionRows.count()).toBeLessThan(60);
    expect(await app.sessionRows.first().getAttribute('aria-setsize')).toBe(String(COUNT));

    // Scroll to the bottom until the last session is rendered: pages of 100 load on the way.
    const lastPosition = async () =>
      Number(await app.sessionRows.last().getAttribute('aria-posinset'));
    for (let i = 0; i < 60 && (await lastPosition()) < COUNT; i++) {
      await app.sessionList.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await app.page.waitForTimeout(100);
    }
    expect(await lastPosition()).toBe(COUNT);
    expect(await app.sessionRows.last().textContent()).toContain(`Visitor ${COUNT - 1}`);
    expect(await app.sessionRows.count()).toBeLessThan(60);
    expect(app.consoleErrors).toEqual([]);
  });

  it('scrolls the keyboard cursor into view (End, then Enter opens the last loaded row)', async () => {
    const app = await harness.open({ hash: '#/sessions' });
    await app.sessionRows.first().waitFor();
    await app.sessionList.focus();
    await app.page.keyboard.press('End');
    await app.page.keyboard.press('Enter');
    // The first page holds 100 sessions: End goes to the last loaded one.
    await expect.poll(() => app.page.url()).toContain('#/sessions/demo:bulk-00099');
    await app.sessionDetail.getByRole('heading', { name: 'Visitor 99' }).waitFor();
    expect(await app.sessionRows.count()).toBeLessThan(60);
  });
});
