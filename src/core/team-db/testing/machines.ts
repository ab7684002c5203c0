import { afterAll, afterEach } from 'vitest';
import { makeTempDir } from '../../../../test/helpers/temp-dir';
import { createCore, type Core } from '../../core';

/**
 * Leadwatch instances for a test file, each with a data dir of its own (another laptop, or
 * the server's daemon): closed after each test, their dirs removed after the file.
 */
export function useMachines(prefix: string) {
  const temps: { dir: string; cleanup(): void }[] = [];
  const cores: Core[] = [];
  afterEach(() => {
    for (const c of cores.splice(0)) c.close();
  });
  afterAll(() => {
    for (const t of temps) t.cleanup();
  });
  /** A new data dir, removed after the file. */
  const dir = (): string => {
    const temp = makeTempDir(prefix);
    temps.push(temp);
    return temp.dir;
  };
  /** A core on `dataDir` (default: a new one), closed after the test. */
  const machine = (env: NodeJS.ProcessEnv, dataDir = dir()): Core => {
    const core = createCore({ dataDir, env: { REPORT_TIMEZONE: 'UTC', ...env } });
    cores.push(core);
    return core;
  };
  return { dir, machine };
}
