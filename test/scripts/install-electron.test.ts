/**
 * `npm run app`'s Electron step, run as npm runs it (a child process in the project
 * folder) against a copy of the electron package with no binary, downloading from a port
 * where nothing listens: what a machine without network sees.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeVerdict } from '../../scripts/install-electron';
import { makeTempDir } from '../helpers/temp-dir';

const repo = resolve(__dirname, '../..');
const script = join(repo, 'scripts', 'install-electron.ts');
const tsx = join(repo, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** A project folder whose electron package has never downloaded its binary. */
function projectWithoutElectronBinary(dir: string): string {
  const electron = join(dir, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  for (const file of ['install.js', 'package.json', 'checksums.json']) {
    copyFileSync(join(repo, 'node_modules', 'electron', file), join(electron, file));
  }
  // install.js's own dependency, resolved from the real install.
  symlinkSync(join(repo, 'node_modules', '@electron'), join(dir, 'node_modules', '@electron'));
  return dir;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('scripts/install-electron.ts', () => {
  const temp = makeTempDir('leadwatch-electron-install-');
  afterAll(() => temp.cleanup());

  it('says the download failed and what to do, exit 1, no stack trace', async () => {
    const project = projectWithoutElectronBinary(join(temp.dir, 'project'));
    const mirror = `http://127.0.0.1:${await closedPort()}/`;
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(env)) {
      if (/proxy|electron/i.test(key)) delete env[key];
    }
    const run = spawnSync(process.execPath, [tsx, script], {
      cwd: project,
      env: { ...env, ELECTRON_MIRROR: mirror, electron_config_cache: join(temp.dir, 'cache') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).toBe(1);
    expect(run.stderr).toMatch(
      /^The Electron \d+\.\d+\.\d+ download from http:\/\/127\.0\.0\.1:\d+\/ failed \(.+\), so the desktop app cannot start\.$/m,
    );
    expect(run.stderr).toContain('Check the network connection');
    expect(run.stderr).toContain('ELECTRON_MIRROR');
    expect(run.stderr).toContain('HTTPS_PROXY');
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toContain('@electron/get');
  });

  it('says which Node the desktop app needs', () => {
    expect(nodeVerdict('22.12.0')).toEqual({ ok: true });
    expect(nodeVerdict('24.1.0')).toEqual({ ok: true });
    const lenient = nodeVerdict('20.19.2');
    expect(lenient.ok && lenient.note).toMatch(/Node 20\.19\.2.*needs Node 22\.12\.0 or newer/);
    const refused = nodeVerdict('20.11.1');
    expect(refused).toMatchObject({ ok: false });
    expect(refused.ok ? '' : refused.message).toMatch(
      /This is Node 20\.11\.1: the desktop app \(npm run app\) needs Node 22\.12\.0 or newer/,
    );
    expect(nodeVerdict('18.20.0').ok).toBe(false);
  });
});
