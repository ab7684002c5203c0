import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settings as settingsTable } from '../../src/core/store/schema';
import { createAesSecretBox } from '../../src/main/core-process/aes-secret-box';
import { CoreClient } from '../../src/main/core-process/core-client';
import { DATA_KEY_FILE, loadDataKey, type KeySealer } from '../../src/main/data-key';
import { makeTempDir } from '../helpers/temp-dir';
import { attachRealHost, CoreTracker, FakeChild } from './fake-core-child';

describe('AES-256-GCM secret box', () => {
  const key = randomBytes(32);

  it('round-trips text, with a fresh IV every time', () => {
    const box = createAesSecretBox(key);
    const secret = 'smtp://mailer:p@ss wörd@smtp.example.com:587';
    const a = box.encrypt(secret);
    const b = box.encrypt(secret);
    expect(a).not.toBe(b);
    expect(a).not.toContain('p@ss');
    expect(box.decrypt(a)).toBe(secret);
    expect(box.decrypt(b)).toBe(secret);
    expect(box.decrypt(box.encrypt(''))).toBe('');
  });

  it('refuses a tampered ciphertext', () => {
    const box = createAesSecretBox(key);
    const sealed = box.encrypt('postgres://app:secret@db/leads');
    const [version, body = ''] = sealed.split(':');
    const bytes = Buffer.from(body, 'base64');
    bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) ^ 0x01; // one bit of the ciphertext
    expect(() => box.decrypt(`${version}:${bytes.toString('base64')}`)).toThrow(
      /could not be read/,
    );
    const tag = Buffer.from(body, 'base64');
    tag[12] = (tag[12] ?? 0) ^ 0x80; // one bit of the auth tag
    expect(() => box.decrypt(`${version}:${tag.toString('base64')}`)).toThrow(/could not be read/);
  });

  it('refuses values sealed under another key, truncated or in an unknown format', () => {
    const sealed = createAesSecretBox(randomBytes(32)).encrypt('redis://:hunter2@cache');
    const box = createAesSecretBox(key);
    expect(() => box.decrypt(sealed)).toThrow(/another machine/);
    expect(() => box.decrypt('v1:AAAA')).toThrow(/truncated/);
    expect(() => box.decrypt('v2:whatever')).toThrow(/format/);
    expect(() => box.decrypt('plain text')).toThrow(/format/);
  });

  it('needs a 32-byte key and keeps its own copy', () => {
    expect(() => createAesSecretBox(randomBytes(16))).toThrow(/32 bytes/);
    const mine = randomBytes(32);
    const box = createAesSecretBox(mine);
    const sealed = box.encrypt('x');
    mine.fill(0);
    expect(box.decrypt(sealed)).toBe('x');
  });
});

/** A keychain stand-in: reversible, with a marker so a wrong "keychain" fails to unseal. */
function fakeSealer(options: { available?: boolean; tag?: string; reseal?: boolean } = {}) {
  const tag = options.tag ?? 'keychain-A';
  const calls = { seal: 0, unseal: 0 };
  const sealer: KeySealer = {
    available: async () => options.available ?? true,
    seal: async (plain) => {
      calls.seal++;
      return Buffer.from(`${tag}|${plain}`);
    },
    unseal: async (sealed) => {
      calls.unseal++;
      const [owner, plain] = sealed.toString().split('|');
      if (owner !== tag || plain === undefined) throw new Error('keychain refused');
      return { plain, shouldReseal: options.reseal ?? false };
    },
  };
  return { sealer, calls };
}

describe('data key', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  beforeEach(() => {
    temp = makeTempDir('leadwatch-data-key-');
    logs.length = 0;
  });
  afterEach(() => temp.cleanup());

  it('is created once, stored only sealed, and read back the same', async () => {
    const { sealer } = fakeSealer();
    const first = await loadDataKey(temp.dir, sealer, log);
    expect(first).toHaveLength(32);
    const file = join(temp.dir, DATA_KEY_FILE);
    expect(readFileSync(file).includes(first ?? Buffer.alloc(0))).toBe(false);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = await loadDataKey(temp.dir, sealer, log);
    expect(again?.equals(first ?? Buffer.alloc(0))).toBe(true);
    expect(logs.join('\n')).not.toContain(first?.toString('base64'));
  });

  it('is null without a keychain, and nothing is written', async () => {
    const { sealer } = fakeSealer({ available: false });
    expect(await loadDataKey(temp.dir, sealer, log)).toBeNull();
    expect(existsSync(join(temp.dir, DATA_KEY_FILE))).toBe(false);
    expect(logs[0]).toMatch(/environment/);
  });

  it('is re-sealed when the keychain asks for it', async () => {
    const first = await loadDataKey(temp.dir, fakeSealer().sealer, log);
    const { sealer, calls } = fakeSealer({ reseal: true });
    const again = await loadDataKey(temp.dir, sealer, log);
    expect(again?.equals(first ?? Buffer.alloc(0))).toBe(true);
    expect(calls.seal).toBe(1);
  });

  it('is set aside and replaced when the keychain cannot open it', async () => {
    const first = await loadDataKey(temp.dir, fakeSealer({ tag: 'keychain-A' }).sealer, log);
    const second = await loadDataKey(temp.dir, fakeSealer({ tag: 'keychain-B' }).sealer, log);
    expect(second).toHaveLength(32);
    expect(second?.equals(first ?? Buffer.alloc(0))).toBe(false);
    const files = readdirSync(temp.dir);
    expect(files).toContain(DATA_KEY_FILE);
    expect(files.some((name) => name.startsWith(`${DATA_KEY_FILE}.unreadable-`))).toBe(true);
    expect(logs.join('\n')).toMatch(/enter saved passwords again/);
  });

  it('treats a stored key of the wrong length as unreadable', async () => {
    writeFileSync(join(temp.dir, DATA_KEY_FILE), `keychain-A|${randomBytes(8).toString('base64')}`);
    const key = await loadDataKey(temp.dir, fakeSealer().sealer, log);
    expect(key).toHaveLength(32);
    expect(logs.join('\n')).toMatch(/wrong length/);
  });
});

describe('secrets through the core process', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let tracker: CoreTracker;
  beforeEach(() => {
    temp = makeTempDir('leadwatch-core-secrets-');
    tracker = new CoreTracker();
  });
  afterEach(() => {
    tracker.closeAll();
    temp.cleanup();
  });

  async function clientWith(dataKey: string | null) {
    const client = new CoreClient({
      spawn: () => attachRealHost(new FakeChild(), temp.dir, tracker.create),
      dataKey,
      log: () => undefined,
    });
    client.start();
    return client;
  }

  it('stores secret settings sealed with the data key main passed in', async () => {
    const client = await clientWith(randomBytes(32).toString('base64'));
    const smtpUrl = 'smtp://reports:s3cr3t-pw@mail.example.com:587';
    // Redacted over the contract; sealed at rest; clear only inside core.
    const shown = 'smtp://reports:•••@mail.example.com:587';
    expect(await client.call('settings.set', { smtpUrl })).toMatchObject({
      ok: true,
      value: { smtpUrl: shown },
    });
    expect(await client.call('settings.get', undefined)).toMatchObject({
      ok: true,
      value: { smtpUrl: shown },
    });
    expect(tracker.cores[0]?.config().smtpUrl).toBe(smtpUrl);
    const rows = tracker.cores[0]?.store.db.select().from(settingsTable).all() ?? [];
    const stored = JSON.stringify(rows);
    expect(stored).toContain('sealed');
    expect(stored).not.toContain('s3cr3t-pw');
    await client.stop();
  });

  it('refuses to store secrets when there is no keychain', async () => {
    const client = await clientWith(null);
    const result = await client.call('settings.set', { smtpUrl: 'smtp://u:p@host:25' });
    expect(result).toMatchObject({ ok: false, error: { type: 'forbidden' } });
    await client.stop();
  });
});
