import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness';

describe('settings page', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('saves valid settings through settings.set', async () => {
    const app = await harness.open({ hash: '#/settings' });
    const botName = app.page.getByRole('textbox', { name: 'Bot name' });
    await botName.fill('Gym Helper');
    await app.page
      .getByRole('textbox', { name: 'Inactivity before a session is finished (minutes)' })
      .fill('15');
    const recipients = app.page.getByRole('combobox', { name: 'Report recipients' });
    await recipients.fill('manager@example.com');
    await recipients.press('Enter');
    await app.page.getByRole('button', { name: 'Save changes' }).click();
    await app.page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const stored = await harness.core.registry.call('settings.get');
    expect(stored).toMatchObject({
      botName: 'Gym Helper',
      inactivityMinutes: 15,
      reportRecipients: ['manager@example.com'],
    });
    expect(app.consoleErrors).toEqual([]);
  });

  it("shows core's validation message and keeps what was typed", async () => {
    const app = await harness.open({ hash: '#/settings' });
    const minutes = app.page.getByRole('textbox', {
      name: 'Inactivity before a session is finished (minutes)',
    });
    await minutes.fill('0');
    await app.page.getByRole('button', { name: 'Save changes' }).click();
    const error = app.page.getByTestId('settings-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/inactivityMinutes/);
    expect(await minutes.inputValue()).toBe('0');
    expect((await harness.core.registry.call('settings.get')).inactivityMinutes).toBe(15);
  });

  it('keeps connection URLs masked and shows why they cannot be saved outside the desktop app', async () => {
    const app = await harness.open({ hash: '#/settings' });
    const redis = app.page.getByRole('textbox', { name: 'Redis URL' });
    expect(await redis.getAttribute('type')).toBe('password');
    await app.page.getByText('Kept in your keychain').waitFor();
    await redis.fill('redis://user:secret@localhost:6379/0');
    await app.page.getByRole('button', { name: 'Save connections' }).click();
    const error = app.page.getByTestId('settings-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Not saved here');
    expect(await error.textContent()).toMatch(/keychain|desktop app/i);
    expect((await harness.core.registry.call('settings.get')).redisUrl).toBe('');
  });
});
