/**
 * Tools for "a monitor killed after claiming is recovered by another": an SMTP server that
 * takes a message and never answers it (so the sender is stuck mid-send, after its claim),
 * and a `leadwatch monitor --once` child process that can be SIGKILLed there, like a laptop
 * losing power or an OOM kill.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

const ROOT = join(__dirname, '..', '..');

export interface StallingSmtp {
  url: string;
  /** Messages whose DATA arrived and was never answered: each is a sender stuck mid-send. */
  held: number;
  close(): Promise<void>;
}

/** Accepts the connection, the envelope and the data, then never says 250 (nor anything). */
export async function startStallingSmtp(): Promise<StallingSmtp> {
  const state = { held: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Its connections belong to a process the test kills: do not wait 30 s for them.
    closeTimeout: 100,
    onData(stream) {
      state.held += 1;
      stream.resume(); // read it all, answer nothing: the callback is never called
    },
  });
  server.on('error', () => undefined); // the killed client's reset is expected
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return Object.assign(state, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

export interface MonitorChild {
  process: ChildProcess;
  pid: number;
  output(): string;
  /** SIGKILL: no finally blocks, no release of the claim, exactly like a crash. */
  kill(): Promise<void>;
}

/** `node bin/leadwatch.js monitor --once --json`, the way an operator or cron runs it. */
export function startMonitorProcess(env: Record<string, string>): MonitorChild {
  const child = spawn(process.execPath, ['bin/leadwatch.js', 'monitor', '--once', '--json'], {
    cwd: ROOT,
    // The test's own connections must not leak in (e.g. a DATABASE_URL in the shell).
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the monitor process');
  return {
    process: child,
    pid,
    output: () => out,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return; // already gone
      // Its Chromium (puppeteer starts it in a process group of its own) would outlive it.
      const browsers = childPids(pid);
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await exited;
      // Chromium quits when its DevTools pipe closes; any that lingers is ours to end.
      await until(() => browsers.every((p) => !alive(p)), 3_000).catch(() => {
        for (const p of browsers) if (alive(p)) process.kill(p, 'SIGKILL');
      });
    },
  };
}

function childPids(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when there are none
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function until<T>(
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs: number,
  what: () => string = () => 'condition',
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`${what()} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** How much of the lease must be left at the kill for the survivor's sweep to meet it live. */
export const LEASE_KEPT_MS = 12_000;

/**
 * After the claim: waits for the child to reach DATA (mid-send, the SMTP server holding its
 * mail), but kills earlier if rendering is so slow (a loaded CI machine launching Chromium)
 * that too little of the lease would be left. Either way the child dies holding its claim,
 * having sent nothing: the stalling server never accepts a mail.
 */
export async function waitForMidSend(
  smtp: StallingSmtp,
  leaseLeftMs: () => Promise<number>,
): Promise<'mid-send' | 'rendering'> {
  for (;;) {
    if (smtp.held > 0) return 'mid-send';
    if ((await leaseLeftMs()) < LEASE_KEPT_MS) return 'rendering';
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
