import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { startBridge, type Bridge } from '../../../src/bridge/bridge';
import { createCore, type Core } from '../../../src/core/core';
import { makeTempDir } from '../../helpers/temp-dir';
import { AppPage } from '../page-models/app';

export const RENDERER_DIR = resolve(__dirname, '../../../out/renderer');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Harness {
  core: Core;
  bridge: Bridge;
  browser: Browser;
  /** A fresh browser context (no storage shared with other pages) with the app loaded. */
  open(options?: OpenOptions): Promise<AppPage>;
  close(): Promise<void>;
}

export interface OpenOptions {
  hash?: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

/**
 * One test file's world: its own LEADWATCH_HOME and core, a bridge serving the built
 * renderer against that core, and one Chromium. Nothing is shared between files.
 */
export async function startHarness(): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`No built renderer at ${RENDERER_DIR}: run \`npx electron-vite build\` first.`);
  }
  const temp = makeTempDir('leadwatch-e2e-');
  const core = createCore({ dataDir: temp.dir });
  const bridge = await startBridge({ core, rendererDir: RENDERER_DIR });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const contexts: BrowserContext[] = [];

  return {
    core,
    bridge,
    browser,
    async open(options = {}) {
      const context = await browser.newContext({
        viewport: options.viewport ?? { width: 1280, height: 800 },
        colorScheme: options.colorScheme ?? 'light',
        reducedMotion: 'reduce',
      });
      contexts.push(context);
      const app = await AppPage.create(context, bridge.url);
      await app.goto(options.hash ?? '#/dashboard');
      return app;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await bridge.close();
      core.close();
      temp.cleanup();
    },
  };
}

/** A harness whose store holds the small demo data set, loaded through the contract. */
export async function startSeededHarness(): Promise<Harness> {
  const harness = await startHarness();
  const result = await harness.core.registry.dispatch('demo.seed', { size: 'small' });
  if (!result.ok) {
    await harness.close();
    throw new Error(`demo.seed failed: ${result.error.type}: ${result.error.message}`);
  }
  return harness;
}
