/**
 * The core side of the main <-> core protocol, kept free of Electron so it runs (and is
 * tested) under plain Node: entry.ts only adapts `process.parentPort` to `HostPort`.
 */
import { effectiveConfigNotices } from '../../core/config/effective';
import { createCore, type Core, type CoreOptions } from '../../core/core';
import { toErrorData } from '../../core/rpc/errors';
import { noSecretBox } from '../../core/secrets/secret-box';
import { createAesSecretBox } from './aes-secret-box';
import { PrintRelay } from './print-relay';
import { toCoreSchema, unavailable, type FromCore, type ToCore } from './protocol';

export interface HostPort {
  postMessage(message: FromCore): void;
  onMessage(listener: (message: unknown) => void): void;
}

export interface CoreHostOptions {
  dataDir: string;
  port: HostPort;
  /** Ends the process; in tests, a spy. */
  exit(code: number): void;
  createCore?: (options: CoreOptions) => Core;
  log?: (message: string) => void;
}

export function startCoreHost(options: CoreHostOptions): void {
  const { port, dataDir } = options;
  const log = options.log ?? ((message: string) => console.error(`[core] ${message}`));
  const makeCore = options.createCore ?? createCore;
  let core: Core | null = null;
  let unsubscribe: (() => void) | null = null;
  let closing = false;
  const inFlight = new Set<Promise<void>>();

  const post = (message: FromCore) => port.postMessage(message);
  // Under the desktop shell main can print with Electron when no browser is installed.
  const printer = new PrintRelay(post);

  const init = (dataKey: string | null) => {
    if (core) return; // a second init is a main-side bug; the first one wins
    try {
      const secrets = dataKey ? createAesSecretBox(Buffer.from(dataKey, 'base64')) : noSecretBox;
      core = makeCore({ dataDir, secrets, desktopPdf: printer });
    } catch (error) {
      // E.g. a database from a newer Leadwatch: restarting would fail the same way, so main
      // is told why and stops trying.
      post({ type: 'startFailed', message: toErrorData(error).message });
      options.exit(1);
      return;
    }
    // An unusable INACTIVITY_MINUTES and the like run on their fallback: said at start-up
    // (the Settings page lists them too).
    for (const notice of effectiveConfigNotices(core.config(), process.env))
      log(`warning: ${notice}`);
    unsubscribe = core.events.subscribe((event, payload) => {
      // A failed relay must not throw into the core code that emitted the event.
      try {
        post({ type: 'event', event, payload });
      } catch (error) {
        log(`could not relay ${event}: ${toErrorData(error).message}`);
      }
    });
    // The desktop app delivers subscriptions while it runs, like `leadwatch daemon`; the
    // delivery row is the claim, so an app and a daemon on the same data never send twice.
    core.deliveries.scheduler.start();
    post({ type: 'ready' });
  };

  const call = async (id: number, method: string, input: unknown) => {
    if (!core) {
      post({ type: 'result', id, result: unavailable('Core is still starting.') });
      return;
    }
    // dispatch turns every handler failure into data; the catch is for the post itself
    // (a value the structured clone cannot carry), so the caller still gets an answer.
    const result = await core.registry.dispatch(method, input);
    try {
      post({ type: 'result', id, result });
    } catch (error) {
      try {
        post({ type: 'result', id, result: { ok: false, error: toErrorData(error) } });
      } catch {
        log(`could not answer ${method}: the port is closed`);
      }
    }
  };

  const shutdown = async () => {
    if (closing) return;
    closing = true;
    // Calls already running (a settings write, a report send) finish before the store
    // closes; main kills the process if this takes longer than its grace period.
    await Promise.allSettled(inFlight);
    unsubscribe?.();
    try {
      core?.close();
    } catch (error) {
      log(`closing the store failed: ${toErrorData(error).message}`);
    }
    core = null;
    options.exit(0);
  };

  port.onMessage((raw) => {
    const parsed = toCoreSchema.safeParse(raw);
    if (!parsed.success) {
      log('dropped a malformed message from main');
      return;
    }
    const message: ToCore = parsed.data;
    switch (message.type) {
      case 'init':
        init(message.dataKey);
        break;
      case 'call': {
        if (closing) {
          post({ type: 'result', id: message.id, result: unavailable('Core is shutting down.') });
          break;
        }
        const running = call(message.id, message.method, message.input);
        inFlight.add(running);
        void running.finally(() => inFlight.delete(running));
        break;
      }
      case 'shutdown':
        void shutdown();
        break;
      case 'printed':
        printer.settle(message.id, message.result);
        break;
    }
  });
}
