import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startBridge, type Bridge } from '../../../src/bridge/bridge';
import { createCore, type Core } from '../../../src/core/core';
import type { Handler } from '../../../src/core/rpc/registry';
import type { SecretBox } from '../../../src/core/secrets/secret-box';
import type { MethodName } from '../../../src/shared/contract';
import { makeTempDir } from '../../helpers/temp-dir';
import { AppPage } from '../page-models/app';
import { StubbingRegistry } from './stub-registry';

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
  /**
   * Answers a method with `handler` instead of core, for the page only (core.registry stays
   * real). The stub is held to the contract's schemas, like a real handler.
   */
  stub<M extends MethodName>(method: M, handler: Handler<M>): void;
  /** Puts core's handler back (all of them without a name). */
  unstub(method?: MethodName): void;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /**
   * Core's environment. By default the test process's, without the source and mail URLs:
   * the page sees a machine with nothing configured ("Local store only"), whatever the
   * CI machine exports for the Redis and PostgreSQL tests.
   */
  env?: NodeJS.ProcessEnv;
  /** Core's keychain (the desktop app's AES box, say); without one, secrets cannot be saved. */
  secrets?: SecretBox;
}

const SOURCE_VARIABLES = ['REDIS_URL', 'DATABASE_URL', 'SMTP_URL', 'REPORT_RECIPIENTS'];

function hermeticEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of SOURCE_VARIABLES) delete env[key];
  return env;
}

export interface OpenOptions {
  hash?: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Runs on the new page before the app loads (e.g. to install Playwright's fake clock). */
  beforeLoad?: (page: Page) => Promise<void>;
}

/**
 * One test file's world: its own LEADWATCH_HOME and core, a bridge serving the built
 * renderer against that core, and one Chromium. Nothing is shared between files.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`No built renderer at ${RENDERER_DIR}: run \`npx electron-vite build\` first.`);
  }
  const temp = makeTempDir('leadwatch-e2e-');
  const core = createCore({
    dataDir: temp.dir,
    env: options.env ?? hermeticEnv(),
    secrets: options.secrets,
  });
  const registry = new StubbingRegistry(core.registry);
  const bridge = await startBridge({
    core: { registry, events: core.events },
    rendererDir: RENDERER_DIR,
    // Every page a test file opens keeps its event stream until the file ends.
    maxEventStreams: 64,
  });
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
      await options.beforeLoad?.(app.page);
      // The first load hands the page the token in the fragment; the tab keeps it after.
      await app.page.goto(bridge.pageUrl(options.hash ?? '#/dashboard'));
      await app.ready();
      return app;
    },
    stub: (method, handler) => registry.stub(method, handler),
    unstub: (method) => registry.unstub(method),
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
export async function startSeededHarness(options: HarnessOptions = {}): Promise<Harness> {
  const harness = await startHarness(options);
  const result = await harness.core.registry.dispatch('demo.seed', { size: 'small' });
  if (!result.ok) {
    await harness.close();
    throw new Error(`demo.seed failed: ${result.error.type}: ${result.error.message}`);
  }
  return harness;
}
