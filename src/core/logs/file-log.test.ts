import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { openFileLog } from './file-log';

const temp = makeTempDir('leadwatch-file-log-');
afterEach(() => temp.cleanup());

describe('openFileLog', () => {
  it('creates logs/ for this user only and appends lines', async () => {
    const dir = join(temp.dir, 'logs');
    const log = openFileLog(dir, 'daemon.log');
    log.write('first');
    log.write('second\n');
    await log.close();
    expect(readFileSync(join(dir, 'daemon.log'), 'utf8')).toBe('first\nsecond\n');
    if (process.platform !== 'win32') {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, 'daemon.log')).mode & 0o777).toBe(0o600);
    }
  });

  it('rotates by size and keeps a bounded number of files', async () => {
    const dir = join(temp.dir, 'logs');
    const log = openFileLog(dir, 'daemon.log', { size: '1K', maxFiles: 2 });
    const line = 'x'.repeat(99);
    for (let i = 0; i < 100; i++) {
      log.write(line);
      // Rotation happens between writes; give the stream its turn as a long-running daemon would.
      if (i % 5 === 4) await new Promise((r) => setTimeout(r, 5));
    }
    await log.close();
    // The library keeps its rotation history in daemon.log.txt beside the logs.
    const files = readdirSync(dir).filter((f) => f.endsWith('daemon.log'));
    // 10 KB written with a 1 KB limit: the current file and at most two rotated ones remain.
    expect(files.length).toBeGreaterThan(1);
    expect(files.length).toBeLessThanOrEqual(3);
    const total = files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
    expect(total).toBeLessThan(5_000);
  });
});
