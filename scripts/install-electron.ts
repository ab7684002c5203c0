/**
 * `npm run app`'s first step: makes sure Electron's binary is there, downloading it once
 * (npm ci does not: package.json's allowScripts keeps electron's postinstall off). It runs
 * electron's own install.js and, when that fails, says what happened and what to do
 * instead of @electron/get's stack trace. Run from the project folder:
 *
 *   npx tsx scripts/install-electron.ts
 *
 * Exit 0: Electron is installed. Exit 1: it is not, and the message says why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What Electron 45's install tooling (@electron/get) declares in its engines field. */
export const SUPPORTED_NODE = '22.12.0';
/** Below this, electron's install.js cannot load @electron/get (an ES module) at all. */
export const MINIMUM_NODE = '20.19.0';

export type NodeVerdict = { ok: true; note?: string } | { ok: false; message: string };

function atLeast(version: string, minimum: string): boolean {
  const a = version.replace(/^v/, '').split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff > 0;
  }
  return true;
}

/**
 * Node 22.12+ is what the desktop app is supported on. 20.19 to 22.11 load the install
 * tooling (npm warns about its engines field) and are let through with a note; older
 * versions cannot load it and are refused before anything is downloaded.
 */
export function nodeVerdict(version: string): NodeVerdict {
  if (atLeast(version, SUPPORTED_NODE)) return { ok: true };
  const needs = `the desktop app (npm run app) needs Node ${SUPPORTED_NODE} or newer for Electron's install tooling`;
  if (!atLeast(version, MINIMUM_NODE)) {
    return {
      ok: false,
      message: `This is Node ${version}: ${needs}. Install Node ${SUPPORTED_NODE}+ (the CLI and the tests run on Node 20).`,
    };
  }
  return {
    ok: true,
    note: `Note: this is Node ${version}; ${needs} (npm's EBADENGINE warning). Trying anyway; if it fails, use Node ${SUPPORTED_NODE}+.`,
  };
}

/** The error's own first line from install.js's output (its stack trace dropped). */
export function reasonOf(stderr: string): string {
  const line = stderr
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('at '));
  return line ?? 'no reason given';
}

export function downloadFailedMessage(version: string, reason: string, mirror?: string): string {
  const from = mirror ? ` from ${mirror}` : '';
  return [
    `The Electron ${version} download${from} failed (${reason}), so the desktop app cannot start.`,
    '  - Check the network connection, then run `npm run app` again.',
    '  - Behind a proxy: set HTTPS_PROXY=http://proxy:port and ELECTRON_GET_USE_PROXY=true.',
    '  - Without access to github.com: set ELECTRON_MIRROR to a mirror of the Electron releases.',
    'The CLI (npx leadwatch --help) and the test bridge (npm run bridge) work without Electron.',
  ].join('\n');
}

function installedVersion(electronDir: string): string | null {
  try {
    const version = readFileSync(join(electronDir, 'dist', 'version'), 'utf8').trim();
    return existsSync(join(electronDir, 'path.txt')) ? version.replace(/^v/, '') : null;
  } catch {
    return null;
  }
}

function main(): number {
  const verdict = nodeVerdict(process.versions.node);
  if (!verdict.ok) {
    console.error(verdict.message);
    return 1;
  }
  if (verdict.note) console.error(verdict.note);

  const electronDir = join(process.cwd(), 'node_modules', 'electron');
  const installScript = join(electronDir, 'install.js');
  if (!existsSync(installScript)) {
    console.error(`No Electron package at ${electronDir}: run \`npm ci\` first.`);
    return 1;
  }
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  if (installedVersion(electronDir) === version) return 0;

  console.log(`Downloading Electron ${version} (about 100 MB, once)…`);
  const run = spawnSync(process.execPath, [installScript], {
    cwd: electronDir,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (run.status === 0) return 0;
  const reason = run.error ? String(run.error) : reasonOf(run.stderr ?? '');
  console.error(downloadFailedMessage(version, reason, process.env.ELECTRON_MIRROR));
  return 1;
}

if (require.main === module) process.exitCode = main();
