import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { SkipCase, type Mode } from './types';

export const ROOT = resolve(__dirname, '../..');
export const RENDERER_DIR = join(ROOT, 'out/renderer');

// The same flags as the e2e harness: a headless Chromium in a container, nothing phoning home.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The built renderer, built first if missing. Quick mode (CI, under a minute) skips
 * instead: a build takes longer than the whole budget.
 */
export function ensureRenderer(mode: Mode, log: (message: string) => void): string {
  const index = join(RENDERER_DIR, 'index.html');
  if (!existsSync(index)) {
    if (mode === 'quick') {
      throw new SkipCase(
        `no built renderer at ${RENDERER_DIR}: run \`npx electron-vite build\` first`,
      );
    }
    log('no built renderer: running `npx electron-vite build`…');
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`electron-vite build failed (${build.status})`);
  }
  // The bench measures whatever is built: say how old it is, so a stale build is noticed.
  log(`renderer built ${statSync(index).mtime.toISOString()}`);
  return RENDERER_DIR;
}

const SNAPSHOT_TRIES = 5;
const SNAPSHOT_WAIT_MS = 2_000;

/**
 * Copies the built renderer to `to`, so a rebuild of out/renderer while the case runs (other
 * work on this machine, a watcher) cannot pull the page's files away mid-measurement. A copy
 * taken in the middle of a build is missing the assets index.html names: wait and copy again.
 */
export async function snapshotRenderer(from: string, to: string): Promise<string> {
  for (let attempt = 1; attempt <= SNAPSHOT_TRIES; attempt++) {
    rmSync(to, { recursive: true, force: true });
    cpSync(from, to, { recursive: true });
    if (referencedAssetsExist(to)) return to;
    await new Promise((resolve) => setTimeout(resolve, SNAPSHOT_WAIT_MS));
  }
  throw new Error(`${from} keeps changing (a build in progress?): no complete copy`);
}

function referencedAssetsExist(dir: string): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const html = readFileSync(index, 'utf8');
  const local = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1] ?? '');
  return local.every((path) => existsSync(join(dir, path)));
}

export function chromiumPath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`No Chromium at ${path}: install it or set CHROME_PATH`);
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}
