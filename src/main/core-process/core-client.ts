/**
 * Main's handle on the core utilityProcess: correlates calls with results by id, times
 * calls out, forwards core's events, and restarts the process when it dies.
 *
 * Free of Electron (the process is created by an injected `spawn`, see fork.ts) so the
 * restart and correlation logic is tested under plain Node against the real core host.
 */
import type { PdfOptions } from '../../core/render/pdf-engine';
import type { EventName, MethodName, Result } from '../../shared/contract';
import { answerPrint, type ShellPrinter } from './print-answer';
import { fromCoreSchema, unavailable, type FromCore, type ToCore } from './protocol';

export type { ShellPrinter } from './print-answer';

/** The little of a utilityProcess this client needs. */
export interface CoreChild {
  postMessage(message: ToCore): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

export type CoreEventListener = (event: EventName, payload: unknown) => void;

export interface CoreClientOptions {
  spawn: () => CoreChild;
  /** base64 data key for the core's SecretBox, or null (no keychain: secrets from env only). */
  dataKey: string | null;
  /** Long enough for a standard demo seed or a PDF render on a slow laptop. */
  callTimeoutMs?: number;
  /** Opening the store and migrating; a core silent for this long is killed and restarted. */
  startTimeoutMs?: number;
  restartDelayMs?: { initial: number; max: number };
  /** A core that ran this long before dying restarts without accumulated backoff. */
  stableAfterMs?: number;
  log?: (message: string) => void;
  /** Absent: core's print requests are answered "unavailable" (it then reports no browser). */
  printPdf?: ShellPrinter;
}

export type CoreState =
  'idle' | 'starting' | 'ready' | 'waiting' | 'failed' | 'stopping' | 'stopped';

interface Pending {
  method: MethodName;
  input: unknown;
  resolve: (result: Result<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
  /** The process the call went to; null while queued for a process that is starting. */
  sentTo: CoreChild | null;
}

/** Exponential backoff: initial, 2×, 4× … capped at max. */
export function restartDelay(attempt: number, initial: number, max: number): number {
  return Math.min(initial * 2 ** Math.max(0, attempt), max);
}

export class CoreClient {
  private readonly opts: Required<Omit<CoreClientOptions, 'dataKey' | 'printPdf'>> &
    Pick<CoreClientOptions, 'dataKey' | 'printPdf'>;
  private child: CoreChild | null = null;
  private stateValue: CoreState = 'idle';
  private failure: string | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<CoreEventListener>();
  private attempts = 0;
  private readyAt = 0;
  private startTimer: ReturnType<typeof setTimeout> | null = null;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private stopping: Promise<void> | null = null;
  private onChildExit: (() => void) | null = null;

  constructor(options: CoreClientOptions) {
    this.opts = {
      callTimeoutMs: 120_000,
      startTimeoutMs: 30_000,
      restartDelayMs: { initial: 500, max: 30_000 },
      stableAfterMs: 60_000,
      log: (message) => console.error(`[core-client] ${message}`),
      ...options,
    };
  }

  get state(): CoreState {
    return this.stateValue;
  }

  start(): void {
    if (this.stateValue === 'idle') this.spawnChild();
  }

  onEvent(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Relays one call; always resolves with a Result, never rejects. */
  call(method: MethodName, input: unknown): Promise<Result<unknown>> {
    if (
      this.stateValue === 'failed' ||
      this.stateValue === 'stopping' ||
      this.stateValue === 'stopped'
    ) {
      return Promise.resolve(unavailable(this.failure ?? 'Leadwatch is shutting down.'));
    }
    return new Promise((resolve) => {
      const id = this.nextId++;
      const seconds = Math.round(this.opts.callTimeoutMs / 1000);
      const timer = setTimeout(
        () =>
          this.settle(id, unavailable(`${method} got no answer from core within ${seconds} s.`)),
        this.opts.callTimeoutMs,
      );
      const entry: Pending = { method, input, resolve, timer, sentTo: null };
      this.pending.set(id, entry);
      // Calls made while core starts or restarts wait for it (bounded by their timeout).
      if (this.stateValue === 'ready') this.send(id, entry);
    });
  }

  /** Asks core to close its store and exit; kills it if it does not within graceMs. */
  stop(graceMs = 3000): Promise<void> {
    this.stopping ??= this.shutdown(graceMs);
    return this.stopping;
  }

  private async shutdown(graceMs: number): Promise<void> {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.clearStartTimer();
    this.stateValue = 'stopping';
    this.failAll('Leadwatch is shutting down.');
    const child = this.child;
    if (child) {
      await new Promise<void>((resolve) => {
        const kill = setTimeout(() => {
          this.opts.log(`core did not exit within ${graceMs} ms; killing it`);
          child.kill();
          // Electron reports a killed process's exit; this bounds the wait if it does not.
          setTimeout(resolve, graceMs).unref?.();
        }, graceMs);
        this.onChildExit = () => {
          clearTimeout(kill);
          resolve();
        };
        try {
          child.postMessage({ type: 'shutdown' });
        } catch {
          child.kill();
        }
      });
    }
    this.child = null;
    this.stateValue = 'stopped';
  }

  private spawnChild(): void {
    this.stateValue = 'starting';
    let child: CoreChild;
    try {
      child = this.opts.spawn();
    } catch (error) {
      this.opts.log(
        `could not start core: ${error instanceof Error ? error.message : String(error)}`,
      );
      this.scheduleRestart();
      return;
    }
    this.child = child;
    child.onMessage((raw) => this.handleMessage(child, raw));
    child.onExit((code) => this.handleExit(child, code));
    child.postMessage({ type: 'init', dataKey: this.opts.dataKey });
    this.startTimer = setTimeout(() => {
      this.opts.log(`core did not start within ${this.opts.startTimeoutMs} ms; restarting it`);
      child.kill();
    }, this.opts.startTimeoutMs);
  }

  private handleMessage(child: CoreChild, raw: unknown): void {
    if (child !== this.child) return; // a late word from a process already replaced
    const parsed = fromCoreSchema.safeParse(raw);
    if (!parsed.success) {
      this.opts.log('dropped a malformed message from core');
      return;
    }
    const message: FromCore = parsed.data;
    switch (message.type) {
      case 'ready':
        this.clearStartTimer();
        this.stateValue = 'ready';
        this.readyAt = Date.now();
        for (const [id, entry] of this.pending) if (!entry.sentTo) this.send(id, entry);
        break;
      case 'startFailed':
        // Restarting would fail the same way (e.g. a database from a newer version).
        this.clearStartTimer();
        this.stateValue = 'failed';
        this.failure = `Leadwatch could not open its data: ${message.message}`;
        this.opts.log(this.failure);
        this.failAll(this.failure);
        break;
      case 'result':
        this.settle(message.id, message.result); // no entry: it timed out, drop the answer
        break;
      case 'event':
        for (const listener of this.listeners) {
          try {
            listener(message.event, message.payload);
          } catch (error) {
            this.opts.log(`event listener for ${message.event} failed: ${String(error)}`);
          }
        }
        break;
      case 'printPdf':
        void this.print(child, message.id, message.html, message.options);
        break;
    }
  }

  /** Answers to the process that asked, and only while it is still the current one. */
  private async print(child: CoreChild, id: number, html: string, options: PdfOptions) {
    const answer = await answerPrint(this.opts.printPdf, id, html, options);
    if (child !== this.child) return; // that process died; its report is retried later
    try {
      child.postMessage(answer);
    } catch (error) {
      this.opts.log(`could not send a printed PDF to core: ${String(error)}`);
    }
  }

  private handleExit(child: CoreChild, code: number): void {
    if (child !== this.child) return;
    this.child = null;
    this.clearStartTimer();
    // Calls the dead process held are failed, not retried: a method like settings.set may
    // have taken effect. Calls still queued go to the next process.
    for (const [id, entry] of this.pending) {
      if (entry.sentTo === child) {
        this.settle(
          id,
          unavailable(
            `Core stopped (exit code ${code}) while answering ${entry.method}; it is restarting. Try again.`,
          ),
        );
      }
    }
    if (this.stateValue === 'stopping') {
      this.onChildExit?.();
      return;
    }
    if (this.stateValue === 'failed') return;
    if (this.readyAt && Date.now() - this.readyAt >= this.opts.stableAfterMs) this.attempts = 0;
    this.readyAt = 0;
    this.opts.log(`core exited with code ${code}`);
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    const { initial, max } = this.opts.restartDelayMs;
    const delay = restartDelay(this.attempts++, initial, max);
    this.stateValue = 'waiting';
    this.opts.log(`restarting core in ${delay} ms`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.stateValue === 'waiting') this.spawnChild();
    }, delay);
  }

  private send(id: number, entry: Pending): void {
    const child = this.child;
    if (!child) return;
    try {
      child.postMessage({ type: 'call', id, method: entry.method, input: entry.input });
      entry.sentTo = child;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.settle(id, {
        ok: false,
        error: { type: 'invalid_input', message: `${entry.method}: ${message}` },
      });
    }
  }

  private settle(id: number, result: Result<unknown>): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(id);
    entry.resolve(result);
  }

  private failAll(message: string): void {
    for (const id of [...this.pending.keys()]) this.settle(id, unavailable(message));
  }

  private clearStartTimer(): void {
    if (this.startTimer) clearTimeout(this.startTimer);
    this.startTimer = null;
  }
}
