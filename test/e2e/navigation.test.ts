import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSeededHarness, type Harness } from './helpers/harness';
import { NAV_LABELS, type AppPage } from './page-models/app';

describe('navigation, shortcuts and theme', () => {
  let harness: Harness;
  let app: AppPage | undefined;

  beforeAll(async () => {
    harness = await startSeededHarness();
  });

  afterEach(async () => {
    if (app) {
      expect(app.consoleErrors).toEqual([]);
      expect(await app.cspViolations()).toEqual([]);
    }
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('moves between pages by clicking the navigation', async () => {
    app = await harness.open();
    for (const label of NAV_LABELS) {
      await app.navLink(label).click();
      await app.expectPage(label);
      expect(await app.currentNav()).toContain(label);
      expect(app.page.url()).toContain(`#/${label.toLowerCase()}`);
    }
    await expect(app.page.title()).resolves.toBe('Settings · Leadwatch');
  });

  it('moves between pages with Ctrl+1..5, even from a text field', async () => {
    app = await harness.open();
    for (const [index, label] of NAV_LABELS.entries()) {
      await app.page.keyboard.press(`Control+${index + 1}`);
      await app.expectPage(label);
    }
    await app.globalSearch.focus();
    await app.page.keyboard.press('Control+2');
    await app.expectPage('Sessions');
  });

  it('reaches the navigation with Tab and shows where focus is', async () => {
    app = await harness.open();
    let focused = '';
    for (let i = 0; i < 12 && focused !== 'Sessions'; i++) {
      await app.page.keyboard.press('Tab');
      focused = await app.page.evaluate(() =>
        document.activeElement?.closest('nav') ? (document.activeElement.textContent ?? '') : '',
      );
      focused = focused.replace(/Ctrl.*$/, '').trim();
    }
    expect(focused).toBe('Sessions');
    const ring = await app.page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return {
        visible: el.matches(':focus-visible'),
        outline: style.outlineStyle,
        width: style.outlineWidth,
      };
    });
    expect(ring.visible).toBe(true);
    expect(ring.outline).not.toBe('none');
    expect(ring.width).not.toBe('0px');
    await app.page.keyboard.press('Enter');
    await app.expectPage('Sessions');
  });

  it('focuses global search with Ctrl+K and /, and Enter searches sessions', async () => {
    app = await harness.open({ hash: '#/reports' });
    await app.page.keyboard.press('Control+k');
    expect(await app.globalSearch.evaluate((el) => el === document.activeElement)).toBe(true);
    await app.page.keyboard.press('Escape');
    await app.page.locator('body').click({ position: { x: 600, y: 500 } });
    await app.page.keyboard.press('/');
    expect(await app.globalSearch.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await app.globalSearch.inputValue()).toBe('');

    const expected = await harness.core.registry.call('sessions.list', {
      query: 'price',
      limit: 1,
    });
    await app.globalSearch.fill('price');
    await app.page.keyboard.press('Enter');
    await app.expectPage('Sessions');
    expect(app.page.url()).toContain('#/sessions?q=price');
    expect(await app.sessionSearch.inputValue()).toBe('price');
    expect(await app.totalShown()).toBe(expected.total);
  });

  it('remembers dark theme in settings: it survives a reload and a fresh browser', async () => {
    app = await harness.open();
    expect(await app.colorScheme()).toBe('light');
    await app.setTheme('Dark theme');
    // The switch applies on the next render, not within the click.
    await expect.poll(() => app!.colorScheme()).toBe('dark');
    await expect
      .poll(async () => (await harness.core.registry.call('settings.get')).theme)
      .toBe('dark');

    await app.reload();
    expect(await app.colorScheme()).toBe('dark');

    // A new context has no localStorage: the theme can only have come from core's settings.
    const fresh = await harness.open();
    expect(await fresh.colorScheme()).toBe('dark');
    expect(fresh.consoleErrors).toEqual([]);
  });

  it('follows the system when set to auto', async () => {
    app = await harness.open();
    await app.setTheme('Follow system theme');
    await expect
      .poll(async () => (await harness.core.registry.call('settings.get')).theme)
      .toBe('auto');
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => app!.colorScheme()).toBe('dark');
    await app.page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => app!.colorScheme()).toBe('light');
  });
});
