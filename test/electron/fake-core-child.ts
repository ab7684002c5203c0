/**
 * A stand-in for the core utilityProcess: an in-memory port with the same asynchrony and
 * structured cloning as the real one. `attachRealHost` runs the real core host (real core,
 * real SQLite) behind it; tests that need a misbehaving core drive the host side by hand.
 */
import type { Core, CoreOptions } from '../../src/core/core';
import { createCore } from '../../src/core/core';
import type { CoreChild } from '../../src/main/core-process/core-client';
import { startCoreHost } from '../../src/main/core-process/core-host';
import type { ToCore } from '../../src/main/core-process/protocol';

export class FakeChild implements CoreChild {
  readonly received: ToCore[] = [];
  exitCode: number | null = null;
  killed = false;
  /** What kill() does; a hung process can be modelled by not exiting. */
  onKill: () => void = () => this.exit(-15);
  private readonly toClient: ((message: unknown) => void)[] = [];
  private readonly toHost: ((message: unknown) => void)[] = [];
  private readonly exitListeners: ((code: number) => void)[] = [];

  // --- the client's side (CoreChild) -----------------------------------------------------
  postMessage(message: ToCore): void {
    if (this.exitCode !== null) return; // like a dead process: nobody reads it
    const copy = structuredClone(message);
    this.received.push(copy);
    setImmediate(() => this.toHost.forEach((listener) => listener(copy)));
  }
  onMessage(listener: (message: unknown) => void): void {
    this.toClient.push(listener);
  }
  onExit(listener: (code: number) => void): void {
    this.exitListeners.push(listener);
  }
  kill(): void {
    this.killed = true;
    this.onKill();
  }

  // --- the core's side --------------------------------------------------------------------
  send(message: unknown): void {
    if (this.exitCode !== null) return;
    const copy = structuredClone(message);
    setImmediate(() => this.toClient.forEach((listener) => listener(copy)));
  }
  onHostMessage(listener: (message: unknown) => void): void {
    this.toHost.push(listener);
  }
  exit(code: number): void {
    if (this.exitCode !== null) return;
    this.exitCode = code;
    setImmediate(() => this.exitListeners.forEach((listener) => listener(code)));
  }
  /** Answers init with ready and otherwise stays silent: a core that hangs on calls. */
  static silentButReady(): FakeChild {
    const child = new FakeChild();
    child.onHostMessage((message) => {
      if ((message as ToCore).type === 'init') child.send({ type: 'ready' });
    });
    return child;
  }
}

/** Real cores opened behind fake children, so tests can reach in and close them. */
export class CoreTracker {
  readonly cores: Core[] = [];
  create = (options: CoreOptions): Core => {
    const core = createCore(options);
    this.cores.push(core);
    return core;
  };
  closeAll(): void {
    for (const core of this.cores.splice(0)) {
      try {
        core.close();
      } catch {
        // already closed by a shutdown
      }
    }
  }
}

export function attachRealHost(
  child: FakeChild,
  dataDir: string,
  make: (options: CoreOptions) => Core,
): FakeChild {
  startCoreHost({
    dataDir,
    port: {
      postMessage: (message) => child.send(message),
      onMessage: (l) => child.onHostMessage(l),
    },
    exit: (code) => child.exit(code),
    createCore: make,
    log: () => undefined,
  });
  return child;
}
