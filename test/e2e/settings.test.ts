import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAesSecretBox } from '../../src/main/core-process/aes-secret-box';
import { startHarness, startSeededHarness, type Harness } from './helpers/harness';
import type { AppPage } from './page-models/app';

const INACTIVITY = 'Inactivity before a session is finished (minutes)';

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
    await app.page.getByRole('textbox', { name: INACTIVITY }).fill('15');
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
    expect(stored.effective.inactivityMinutes).toMatchObject({ value: 15, source: 'saved' });
    expect(app.consoleErrors).toEqual([]);
  });

  it('says in the field, in words, what is wrong with an inactivity of 0, and sends nothing', async () => {
    const app = await harness.open({ hash: '#/settings' });
    let sets = 0;
    app.page.on('request', (r) => {
      if (r.url().includes('/rpc/settings.set')) sets += 1;
    });
    const minutes = app.page.getByRole('textbox', { name: INACTIVITY });
    await minutes.fill('0');
    await app.page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => minutes.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await minutes.getAttribute('aria-describedby')) ?? '';
    const error = app.page.locator(
      `[id="${describedBy.split(' ').find((id) => id.endsWith('error'))}"]`,
    );
    expect(await error.textContent()).toBe('Enter a whole number of minutes from 1 to 1,440.');
    // No raw schema message at the bottom of the form, nothing sent, what was typed kept.
    expect(await app.page.getByTestId('settings-error').count()).toBe(0);
    expect(sets).toBe(0);
    expect(await minutes.inputValue()).toBe('0');
    expect((await harness.core.registry.call('settings.get')).inactivityMinutes).toBe(15);
    await minutes.scrollIntoViewIfNeeded();
    await app.screenshot('settings-inactivity-error-light');

    await minutes.fill('20');
    await app.page.getByRole('button', { name: 'Save changes' }).click();
    await app.page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect(await minutes.getAttribute('aria-invalid')).not.toBe('true');
    expect((await harness.core.registry.call('settings.get')).inactivityMinutes).toBe(20);
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

/** Every settings.get / settings.set answer the page received, as text. */
function recordSettingsAnswers(app: AppPage): string[] {
  const bodies: string[] = [];
  app.page.on('response', (response: Response) => {
    if (!/\/rpc\/settings\.(get|set)$/.test(new URL(response.url()).pathname)) return;
    void response.text().then((body) => bodies.push(body));
  });
  return bodies;
}

const fieldByLabel = (app: AppPage, label: string) =>
  app.page.getByRole('textbox', { name: label, exact: true });

describe('settings the environment sets, and secrets the page never reads', () => {
  let harness: Harness;
  const smtpUrl = 'smtp://mailer:env-smtp-pw@mail.example.com:587?pass=env-smtp-pw2';

  beforeAll(async () => {
    const env = { ...process.env };
    for (const key of ['DATABASE_URL', 'REDIS_URL']) delete env[key];
    harness = await startSeededHarness({
      env: {
        ...env,
        SMTP_URL: smtpUrl,
        MAIL_FROM: 'reports@northwind.example',
        REPORT_RECIPIENTS: 'sales@northwind.example, qa@northwind.example',
        REDIS_URL: 'redis://:env-redis-pw@cache.example.com:6379/0',
        INACTIVITY_MINUTES: 'abc',
      },
      secrets: createAesSecretBox(randomBytes(32)),
    });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('shows each effective value and its source, read-only where the environment wins', async () => {
    const app = await harness.open({ hash: '#/settings' });
    const answers = recordSettingsAnswers(app);
    await app.page.reload();
    await app.ready();

    const from = app.page.getByRole('textbox', { name: 'Send reports from' });
    expect(await from.inputValue()).toBe('reports@northwind.example');
    expect(await from.getAttribute('readonly')).not.toBeNull();
    const smtp = fieldByLabel(app, 'SMTP URL');
    expect(await smtp.inputValue()).toBe('smtp://mailer:•••@mail.example.com:587?pass=•••');
    expect(await smtp.getAttribute('readonly')).not.toBeNull();
    const sources = app.page.getByTestId('setting-source');
    await app.page
      .getByText('Set by SMTP_URL in the environment; unset it to edit here.')
      .waitFor();
    await app.page
      .getByText('Set by REPORT_RECIPIENTS in the environment; unset it to edit here.')
      .waitFor();
    await app.page
      .getByText('Set by REDIS_URL in the environment; unset it to edit here.')
      .waitFor();
    const general = app.page.locator('form[aria-labelledby="general-title"]');
    expect(await general.textContent()).toContain('sales@northwind.example');
    // INACTIVITY_MINUTES=abc is ignored: the field is editable, on its default, and says why.
    const minutes = app.page.getByRole('textbox', { name: INACTIVITY });
    expect(await minutes.getAttribute('readonly')).toBeNull();
    expect(await minutes.inputValue()).toBe('5');
    expect(await app.page.getByTestId('setting-notice').first().textContent()).toBe(
      'INACTIVITY_MINUTES=abc is not a whole number above 0, so it is ignored: using 5. Correct or unset it.',
    );
    expect(await app.page.getByTestId('settings-notices').textContent()).toContain(
      'INACTIVITY_MINUTES=abc',
    );
    expect(await sources.count()).toBeGreaterThan(5);

    await expect.poll(() => answers.length).toBeGreaterThan(0);
    expect(answers.join('\n')).not.toMatch(/env-smtp-pw|env-redis-pw/);
    expect(await app.seriousAxeIssues()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
    await app.screenshot('settings-provenance-light', { fullPage: true });
    const dark = await harness.open({ hash: '#/settings', colorScheme: 'dark' });
    await dark.screenshot('settings-provenance-dark', { fullPage: true });
  });

  it("the end-session dialog lists the environment's REPORT_RECIPIENTS and says where they come from", async () => {
    const { items } = await harness.core.registry.call('sessions.list', { limit: 50 });
    const session = items.find((s) => !s.finalized && s.messageCount > 0)!;
    const app = await harness.open({ hash: `#/sessions/${session.id}` });
    await app.endSessionButton.click();
    const line = app.endSessionConfirm.getByTestId('end-session-recipients');
    await line.waitFor();
    const text = (await line.textContent()) ?? '';
    expect(text).toContain('set by REPORT_RECIPIENTS in the environment');
    expect(text).toContain('sales@northwind.example');
    expect(text).toContain('qa@northwind.example');
    expect(text).not.toMatch(/No report recipients/);
    await app.endSessionConfirm.getByRole('button', { name: 'Cancel' }).first().click();
  });

  it('replaces a secret without reading it: saved sealed, answered redacted, kept when untouched, removed on request', async () => {
    const app = await harness.open({ hash: '#/settings' });
    const answers = recordSettingsAnswers(app);
    const databaseUrl = `postgres://postgres:saved-pg-pw@127.0.0.1:5432/postgres?application_name=leadwatch-settings-test&sslpassword=saved-ssl-pw`;
    const field = fieldByLabel(app, 'PostgreSQL URL');
    expect(await field.getAttribute('type')).toBe('password');
    await field.fill(databaseUrl);
    await app.page.getByRole('button', { name: 'Save connections' }).click();
    await app.page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    // The page shows the saved value redacted and an empty field; it never held it again.
    const saved = app.page.getByTestId('saved-databaseUrl');
    expect(await saved.textContent()).toContain(
      'postgres://postgres:•••@127.0.0.1:5432/postgres?application_name=leadwatch-settings-test&sslpassword=•••',
    );
    expect(await field.inputValue()).toBe('');
    expect(await field.getAttribute('placeholder')).toBe('Saved; type a new URL to replace it');
    await field.scrollIntoViewIfNeeded();
    await app.screenshot('settings-saved-secret-light');

    // The saved secret still works: core connects with the clear value.
    expect(harness.core.config().databaseUrl).toBe(databaseUrl);
    const client = new pg.Client({ connectionString: harness.core.config().databaseUrl! });
    await client.connect();
    expect((await client.query<{ ok: number }>('SELECT 1 AS ok')).rows[0]?.ok).toBe(1);
    await client.end();

    // Saving the general form leaves it alone; a reload shows it saved, still redacted.
    await app.page.getByRole('textbox', { name: 'Bot name' }).fill('Ava');
    await app.page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => harness.core.settings.get().botName).toBe('Ava');
    await app.page.reload();
    await app.ready();
    await app.page.getByTestId('saved-databaseUrl').waitFor();
    expect(harness.core.config().databaseUrl).toBe(databaseUrl);

    await app.page.getByRole('button', { name: 'Remove the saved PostgreSQL URL' }).click();
    await app.page.getByRole('button', { name: 'Save connections' }).click();
    await expect.poll(() => harness.core.config().databaseUrl).toBeNull();
    await expect.poll(() => app.page.getByTestId('saved-databaseUrl').count()).toBe(0);

    await expect.poll(() => answers.length).toBeGreaterThan(2);
    expect(answers.join('\n')).not.toMatch(/saved-pg-pw|saved-ssl-pw/);
    expect(app.consoleErrors).toEqual([]);
  });
});
