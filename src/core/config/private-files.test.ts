import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { openStore } from '../store/open';
import { resolveDataDir } from './paths';
import { ensurePrivateDir, writePrivateFile } from './private-files';

const temp = makeTempDir('leadwatch-private-');
afterAll(() => temp.cleanup());

const mode = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('file modes of the data dir', () => {
  it('creates the data dir 0700 and the store with its -wal and -shm 0600, whatever the umask', () => {
    const before = process.umask(0o000);
    try {
      const dir = join(temp.dir, 'fresh', 'Leadwatch');
      const store = openStore(join(dir, 'leadwatch.db'));
      store.sqlite.exec('CREATE TABLE IF NOT EXISTS t (x); INSERT INTO t VALUES (1)');
      expect(mode(join(temp.dir, 'fresh'))).toBe(0o700);
      expect(mode(dir)).toBe(0o700);
      for (const file of ['leadwatch.db', 'leadwatch.db-wal', 'leadwatch.db-shm']) {
        expect([file, mode(join(dir, file))]).toEqual([file, 0o600]);
      }
      store.close();
    } finally {
      process.umask(before);
    }
  });

  it('narrows a data dir and a store an older version left readable by others', () => {
    const dir = join(temp.dir, 'old');
    openStore(join(dir, 'leadwatch.db')).close();
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'leadwatch.db'), 0o644);
    openStore(join(dir, 'leadwatch.db')).close();
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'leadwatch.db'))).toBe(0o600);
  });

  it('writes report files 0600, new or overwritten', async () => {
    const before = process.umask(0o000);
    try {
      const reports = join(temp.dir, 'home', 'reports');
      ensurePrivateDir(reports);
      const pdf = join(reports, 'session_x.pdf');
      await writePrivateFile(pdf, 'one');
      expect(mode(reports)).toBe(0o700);
      expect(mode(pdf)).toBe(0o600);
      chmodSync(pdf, 0o644);
      await writePrivateFile(pdf, 'two');
      expect(mode(pdf)).toBe(0o600);
    } finally {
      process.umask(before);
    }
  });
});

describe('a data dir that cannot be made', () => {
  it.skipIf(process.platform !== 'linux')(
    'fails at once under /proc with our sentence (Node’s recursive mkdir loops forever there)',
    () => {
      const started = Date.now();
      expect(() => ensurePrivateDir('/proc/x/y')).toThrow(
        "Leadwatch's data folder /proc/x/y cannot be created there (its parent does not accept new folders). Set LEADWATCH_HOME to a folder you can write to, or fix that folder's permissions. [ENOENT]",
      );
      expect(Date.now() - started).toBeLessThan(1000);
    },
  );

  it.skipIf(process.platform !== 'linux')(
    'says a folder is not writable where the kernel refuses it, even to root (/sys)',
    () => {
      expect(() => openStore('/sys/leadwatch-test/leadwatch.db')).toThrow(
        /^Leadwatch's data folder \/sys\/leadwatch-test is not writable \(permission denied\)\. Set LEADWATCH_HOME to a folder you can write to, or fix that folder's permissions\. \[E(PERM|ACCES)\]$/,
      );
    },
  );

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)(
    'says a folder is not writable instead of EACCES … mkdir',
    () => {
      const locked = join(temp.dir, 'locked');
      mkdirSync(locked, { mode: 0o500 });
      expect(() => ensurePrivateDir(join(locked, 'Leadwatch'))).toThrow(
        /data folder .*locked\/Leadwatch is not writable \(permission denied\)\. Set LEADWATCH_HOME/,
      );
      expect(() => openStore(join(locked, 'leadwatch.db'))).toThrow(/is not writable/);
    },
  );
});

describe('where the data dir is', () => {
  it('treats an empty or relative XDG_CONFIG_HOME as unset, as the XDG spec says', () => {
    const fallback = join(homedir(), '.config', 'Leadwatch');
    expect(resolveDataDir({ XDG_CONFIG_HOME: '' }, undefined, 'linux')).toBe(fallback);
    expect(resolveDataDir({ XDG_CONFIG_HOME: 'relative/dir' }, undefined, 'linux')).toBe(fallback);
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/x/config' }, undefined, 'linux')).toBe(
      '/x/config/Leadwatch',
    );
  });
});
