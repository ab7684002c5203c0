import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { createCore } from '../core';
import type { SecretBox } from '../secrets/secret-box';

const temp = makeTempDir('leadwatch-settings-view-');
afterAll(() => temp.cleanup());

const box: SecretBox = {
  available: true,
  encrypt: (s) => `sealed:${Buffer.from(s).toString('base64')}`,
  decrypt: (s) => Buffer.from(s.replace(/^sealed:/, ''), 'base64').toString(),
};

const coreWith = (name: string, env: NodeJS.ProcessEnv) =>
  createCore({ dataDir: join(temp.dir, name), secrets: box, env });

describe('settings provenance', () => {
  it('says for each setting whether the environment, a saved value or the default gives it', async () => {
    const core = coreWith('sources', {
      SMTP_URL: 'smtp://mailer:env-pw@mail.example.com:587?pass=env-pw2',
      REPORT_RECIPIENTS: 'a@example.com, b@example.com',
    });
    await core.registry.call('settings.set', {
      mailFrom: 'leadwatch@example.com',
      redisUrl: 'redis://:saved-pw@cache:6379/0',
    });
    const view = await core.registry.call('settings.get');
    expect(view.effective.smtpUrl).toEqual({
      value: 'smtp://mailer:•••@mail.example.com:587?pass=•••',
      source: 'environment',
      variable: 'SMTP_URL',
      notice: null,
    });
    expect(view.effective.reportRecipients).toMatchObject({
      value: ['a@example.com', 'b@example.com'],
      source: 'environment',
    });
    expect(view.effective.mailFrom).toMatchObject({
      value: 'leadwatch@example.com',
      source: 'saved',
    });
    expect(view.effective.redisUrl).toMatchObject({
      value: 'redis://:•••@cache:6379/0',
      source: 'saved',
    });
    expect(view.effective.inactivityMinutes).toMatchObject({ value: 5, source: 'default' });
    expect(view.effective.databaseUrl).toMatchObject({ value: '', source: 'default' });
    const json = JSON.stringify(view);
    for (const secret of ['env-pw', 'saved-pw']) expect(json).not.toContain(secret);
    // What core uses is the clear value.
    expect(core.config().smtpUrl).toBe('smtp://mailer:env-pw@mail.example.com:587?pass=env-pw2');
    core.close();
  });

  it('says when a numeric variable is ignored, and what is used instead', async () => {
    const core = coreWith('numbers', { INACTIVITY_MINUTES: 'abc', MONITOR_INTERVAL_SECONDS: '-5' });
    await core.registry.call('settings.set', { inactivityMinutes: 12 });
    const view = await core.registry.call('settings.get');
    expect(view.effective.inactivityMinutes).toMatchObject({ value: 12, source: 'saved' });
    expect(view.effective.inactivityMinutes.notice).toMatch(
      /^INACTIVITY_MINUTES=abc is not a whole number above 0, so it is ignored: using 12\./,
    );
    expect(view.effective.monitorIntervalSeconds.notice).toMatch(
      /MONITOR_INTERVAL_SECONDS=-5 .* using 60/,
    );
    expect(view.notices).toHaveLength(2);
    expect(core.config().inactivityMinutes).toBe(12);
    core.close();
  });
});

describe('secrets the page never reads', () => {
  it('keeps the saved secret when its redacted form comes back, replaces it with a new one, clears it with ""', async () => {
    const core = coreWith('replace', {});
    const shown = (
      await core.registry.call('settings.set', { smtpUrl: 'smtp://u:first-pw@mail:587' })
    ).smtpUrl;
    expect(shown).toBe('smtp://u:•••@mail:587');

    await core.registry.call('settings.set', { smtpUrl: shown, botName: 'Ava' });
    expect(core.config().smtpUrl).toBe('smtp://u:first-pw@mail:587');

    const edited = await core.registry.dispatch('settings.set', {
      smtpUrl: 'smtp://u:•••@other:587',
    });
    expect(edited).toMatchObject({ ok: false, error: { type: 'invalid_input' } });
    if (!edited.ok) expect(edited.error.message).toMatch(/Type the whole URL, password included/);
    expect(core.config().smtpUrl).toBe('smtp://u:first-pw@mail:587');

    await core.registry.call('settings.set', { smtpUrl: 'smtp://u:second-pw@mail:587' });
    expect(core.config().smtpUrl).toBe('smtp://u:second-pw@mail:587');

    expect((await core.registry.call('settings.set', { smtpUrl: '' })).smtpUrl).toBe('');
    expect(core.config().smtpUrl).toBeNull();
    core.close();
  });
});
