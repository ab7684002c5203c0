/**
 * Launches the built app in real Electron: window, preload API, sandboxing. Runs only where
 * the Electron binary exists (our build machines cannot download it; CI with network can)
 * and says so when it is skipped. Needs `electron-vite build` first (npm test does it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../src/shared/contract';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * The binary's path, or null. Not `require('electron')`: when the binary is missing, the
 * package's index.js starts downloading it, which must not happen in a test.
 */
function electronBinary(): string | null {
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const relative = readFileSync(pathFile, 'utf8').trim();
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const binary = override ? join(override, relative) : join(packageDir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) console.log('Electron binary not present: smoke test skipped');

const mainEntry = resolve(import.meta.dirname, '../../out/main/index.js');

type PageGlobals = {
  leadwatch: Record<string, unknown> & { on: (e: string, l: () => void) => () => void };
};

describe('Electron smoke', () => {
  it.skipIf(!binary)('opens the window with the contract API and no Node in the page', async () => {
    expect(existsSync(mainEntry), 'run `npx electron-vite build` first').toBe(true);
    const home = makeTempDir('leadwatch-smoke-');
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [mainEntry],
      env: { ...process.env, LEADWATCH_HOME: home.dir, ELECTRON_RENDERER_URL: '' },
      timeout: 60_000,
    });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(await page.title()).toContain('Leadwatch');

      const keys = await page.evaluate(() =>
        Object.keys((globalThis as unknown as PageGlobals).leadwatch).sort(),
      );
      expect(keys).toEqual([...methodNames, 'on'].sort());

      // Sandboxed and context-isolated: no Node, no ipcRenderer, in the page.
      const exposure = await page.evaluate(() => ({
        require: typeof (globalThis as Record<string, unknown>).require,
        process: typeof (globalThis as Record<string, unknown>).process,
        ipc: 'ipcRenderer' in (globalThis as unknown as PageGlobals).leadwatch,
      }));
      expect(exposure).toEqual({ require: 'undefined', process: 'undefined', ipc: false });

      const unknownEvent = await page.evaluate(() => {
        try {
          (globalThis as unknown as PageGlobals).leadwatch.on('leadwatch:call', () => undefined);
          return 'accepted';
        } catch {
          return 'refused';
        }
      });
      expect(unknownEvent).toBe('refused');

      // The whole path answers with a Result: page -> preload -> main -> core. (Whether it is
      // ok depends on better-sqlite3 being built for Electron's ABI on this machine.)
      const info = await page.evaluate(() =>
        (
          (globalThis as unknown as PageGlobals).leadwatch['app.info'] as () => Promise<{
            ok: boolean;
          }>
        )(),
      );
      expect(typeof info.ok).toBe('boolean');
    } finally {
      await app.close();
      home.cleanup();
    }
  });
});
