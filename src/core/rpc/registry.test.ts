import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { createCore } from '../core';
import type { SecretBox } from '../secrets/secret-box';
import { Registry } from './registry';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

/** A stand-in keychain: reversible, and visibly not plain text. */
const testBox: SecretBox = {
  available: true,
  encrypt: (s) => `sealed:${Buffer.from(s).toString('base64')}`,
  decrypt: (s) => Buffer.from(s.replace(/^sealed:/, ''), 'base64').toString(),
};

describe('the contract dispatcher', () => {
  const core = createCore({ dataDir: join(temp.dir, 'home'), secrets: testBox });
  afterAll(() => core.close());

  it('has a handler for every contract method', () => {
    expect(core.registry.missing()).toEqual([]);
  });

  it('rejects unknown methods and invalid input as data, never by throwing', async () => {
    expect(await core.registry.dispatch('nope.nothing', {})).toMatchObject({
      ok: false,
      error: { type: 'unknown_method' },
    });
    expect(await core.registry.dispatch('__proto__', {})).toMatchObject({
      ok: false,
      error: { type: 'unknown_method' },
    });
    const bad = await core.registry.dispatch('sessions.list', { limit: 100000 });
    expect(bad).toMatchObject({ ok: false, error: { type: 'invalid_input' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/limit/);
    expect(await core.registry.dispatch('settings.set', { notASetting: 1 })).toMatchObject({
      ok: false,
      error: { type: 'invalid_input' },
    });
  });

  it('returns not_found with the id for a missing session', async () => {
    expect(await core.registry.dispatch('sessions.get', { id: 'redis:missing' })).toEqual({
      ok: false,
      error: { type: 'not_found', message: 'Session redis:missing was not found.' },
    });
  });

  it('reports an empty store on first start', async () => {
    const info = await core.registry.call('app.info');
    expect(info.isEmpty).toBe(true);
    expect(info.schemaVersion).toBeGreaterThan(0);
  });

  it('refuses to register a method twice', () => {
    const r = new Registry().register('app.info', () => {
      throw new Error('x');
    });
    expect(() => r.register('app.info', () => ({}) as never)).toThrow(/twice/);
  });
});

describe('settings', () => {
  it('stores settings, applies defaults, and keeps connection strings sealed at rest', async () => {
    const home = join(temp.dir, 'settings');
    const core = createCore({ dataDir: home, secrets: testBox });
    expect((await core.registry.call('settings.get')).theme).toBe('auto');
    const saved = await core.registry.call('settings.set', {
      theme: 'dark',
      smtpUrl: 'smtp://user:hunter2@mail.example.com:587',
    });
    expect(saved.theme).toBe('dark');
    // The answer carries the password redacted; the clear value stays in core.
    expect(saved.smtpUrl).toBe('smtp://user:•••@mail.example.com:587');
    expect(JSON.stringify(saved)).not.toContain('hunter2');
    expect(core.config().smtpUrl).toBe('smtp://user:hunter2@mail.example.com:587');
    const raw = core.store.sqlite.prepare('SELECT value FROM settings').all() as {
      value: string;
    }[];
    expect(raw.map((r) => r.value).join()).not.toContain('hunter2');
    core.close();

    const reopened = createCore({ dataDir: home, secrets: testBox });
    expect((await reopened.registry.call('settings.get')).theme).toBe('dark');
    reopened.close();
  });

  it('refuses to store a secret where no keychain is available, and says what to do instead', async () => {
    const core = createCore({ dataDir: join(temp.dir, 'nobox') });
    const r = await core.registry.dispatch('settings.set', { smtpUrl: 'smtp://u:p@h:25' });
    expect(r).toMatchObject({ ok: false, error: { type: 'forbidden' } });
    if (!r.ok) expect(r.error.message).toMatch(/SMTP_URL/);
    core.close();
  });
});
