/**
 * Runs the renderer in any browser against a real core, for people working on the UI:
 *
 *   npx electron-vite build && npx tsx src/bridge/serve.ts [--port 5199]
 *
 * Data comes from LEADWATCH_HOME, or a fresh temporary folder (removed on exit). Secrets
 * cannot be saved from here (no OS keychain): Settings shows core's 'forbidden' message.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCore } from '../core/core';
import { startBridge } from './bridge';

async function main(): Promise<void> {
  const rendererDir = resolve(
    process.env.LEADWATCH_RENDERER_DIR ?? join(process.cwd(), 'out', 'renderer'),
  );
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error(`No built renderer at ${rendererDir}: run \`npx electron-vite build\` first.`);
    process.exit(1);
  }
  const portFlag = process.argv.indexOf('--port');
  const port = portFlag >= 0 ? Number(process.argv[portFlag + 1]) : 0;
  const home = process.env.LEADWATCH_HOME;
  const temp = home ? null : mkdtempSync(join(tmpdir(), 'leadwatch-bridge-'));
  const dataDir = home ?? temp ?? '';

  const core = createCore({ dataDir });
  const bridge = await startBridge({ core, rendererDir, port });
  console.log(`Leadwatch test bridge (data: ${dataDir}${temp ? ', temporary' : ''})`);
  // The fragment carries the access token: the browser keeps it, no server ever sees it.
  console.log(`Open ${bridge.pageUrl()}`);
  console.log('That address is the key to this data: do not share it.');

  const stop = async () => {
    await bridge.close();
    core.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
