import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CoreClient,
  restartDelay,
  type CoreClientOptions,
} from '../../src/main/core-process/core-client';
import { makeTempDir } from '../helpers/temp-dir';
import { attachRealHost, CoreTracker, FakeChild } from './fake-core-child';

const until = async (check: () => boolean, timeoutMs = 5_000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('CoreClient', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let tracker: CoreTracker;
  let client: CoreClient | null;
  const logs: string[] = [];

  beforeEach(() => {
    temp = makeTempDir('leadwatch-core-client-');
    tracker = new CoreTracker();
    logs.length = 0;
    client = null;
  });
  afterEach(async () => {
    await client?.stop(50);
    tracker.closeAll();
    temp.cleanup();
  });

  function makeClient(spawns: (() => FakeChild)[], options: Partial<CoreClientOptions> = {}) {
    const children: FakeChild[] = [];
    client = new CoreClient({
      spawn: () => {
        const next = spawns[Math.min(children.length, spawns.length - 1)];
        if (!next) throw new Error('no child factory');
        const child = next();
        children.push(child);
        return child;
      },
      dataKey: null,
      restartDelayMs: { initial: 10, max: 40 },
      log: (message) => logs.push(message),
      ...options,
    });
    client.start();
    return { client, children };
  }
  const realCore = () => attachRealHost(new FakeChild(), temp.dir, tracker.create);

  it('relays concurrent calls to a real core and matches each answer to its call', async () => {
    const { client, children } = makeClient([realCore]);
    const [info, settings, sessions, unknown] = await Promise.all([
      client.call('app.info', undefined),
      client.call('settings.get', undefined),
      client.call('sessions.list', { limit: 5 }),
      client.call('sessions.get', { id: 'no-such-session' }),
    ]);
    expect(info).toMatchObject({ ok: true, value: { dataDir: temp.dir } });
    expect(settings).toMatchObject({ ok: true, value: { theme: 'auto' } });
    expect(sessions).toMatchObject({ ok: true, value: { items: [], offset: 0 } });
    expect(unknown).toMatchObject({ ok: false, error: { type: 'not_found' } });
    expect(children[0]?.received[0]).toEqual({ type: 'init', dataKey: null });
    const ids = children[0]?.received.flatMap((m) => (m.type === 'call' ? [m.id] : []));
    expect(new Set(ids).size).toBe(4);
    expect(client.state).toBe('ready');
  });

  it("forwards core's events to listeners", async () => {
    const { client } = makeClient([realCore]);
    const seen: unknown[] = [];
    client.onEvent((event, payload) => seen.push({ event, payload }));
    await client.call('app.info', undefined);
    tracker.cores[0]?.events.emit('store.changed', { tables: ['sessions'] });
    await until(() => seen.length === 1);
    expect(seen).toEqual([{ event: 'store.changed', payload: { tables: ['sessions'] } }]);
  });

  it('fails in-flight calls with unavailable when core dies, restarts it, and serves new calls', async () => {
    const { client, children } = makeClient([FakeChild.silentButReady, realCore]);
    await until(() => client.state === 'ready');
    const inFlight = client.call('settings.set', { theme: 'dark' });
    await until(() => children[0]?.received.some((m) => m.type === 'call') ?? false);
    children[0]?.exit(1);
    expect(await inFlight).toMatchObject({
      ok: false,
      error: { type: 'unavailable', message: expect.stringMatching(/exit code 1.*settings\.set/) },
    });
    // A call made while core restarts waits for the new process instead of failing.
    const queued = client.call('app.info', undefined);
    expect(client.state).toBe('waiting');
    expect(await queued).toMatchObject({ ok: true });
    expect(children).toHaveLength(2);
    expect(logs.some((line) => line.includes('restarting core in 10 ms'))).toBe(true);
  });

  it('times a call out with unavailable and ignores the late answer', async () => {
    const { client, children } = makeClient([FakeChild.silentButReady], { callTimeoutMs: 40 });
    const result = await client.call('app.info', undefined);
    expect(result).toMatchObject({
      ok: false,
      error: { type: 'unavailable', message: expect.stringContaining('within') },
    });
    const call = children[0]?.received.find((m) => m.type === 'call');
    children[0]?.send({
      type: 'result',
      id: call?.type === 'call' ? call.id : -1,
      result: { ok: true, value: 1 },
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(client.state).toBe('ready');
  });

  it('stops restarting when core reports it cannot open its data', async () => {
    const refuse = () =>
      attachRealHost(new FakeChild(), temp.dir, () => {
        throw new Error('This database was written by a newer Leadwatch (schema 9).');
      });
    const { client, children } = makeClient([refuse]);
    const result = await client.call('app.info', undefined);
    expect(result).toMatchObject({
      ok: false,
      error: { type: 'unavailable', message: expect.stringContaining('newer Leadwatch') },
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(children).toHaveLength(1);
    expect(children[0]?.exitCode).toBe(1);
    expect(client.state).toBe('failed');
    expect(await client.call('app.info', undefined)).toMatchObject({
      ok: false,
      error: { type: 'unavailable' },
    });
  });

  it('kills and restarts a core that never becomes ready', async () => {
    // The replacement answers "ready" at once: a real core's start time under load would
    // race the deliberately tiny timeout.
    const mute = () => new FakeChild();
    const { client, children } = makeClient([mute, FakeChild.silentButReady], {
      startTimeoutMs: 30,
    });
    await until(() => client.state === 'ready');
    expect(children[0]?.killed).toBe(true);
    expect(children).toHaveLength(2);
    expect(logs.some((l) => l.includes('did not start within 30 ms'))).toBe(true);
  });

  it('drops malformed messages from core', async () => {
    const { client, children } = makeClient([FakeChild.silentButReady]);
    await until(() => client.state === 'ready');
    children[0]?.send({ type: 'result', id: 'not-a-number' });
    children[0]?.send('garbage');
    await until(() => logs.filter((l) => l.includes('malformed')).length === 2);
    expect(client.state).toBe('ready');
  });

  it('shuts core down on stop and refuses calls afterwards', async () => {
    const { client, children } = makeClient([realCore]);
    await client.call('app.info', undefined);
    await client.stop();
    expect(children[0]?.received.at(-1)).toEqual({ type: 'shutdown' });
    expect(children[0]?.exitCode).toBe(0);
    expect(children[0]?.killed).toBe(false);
    expect(client.state).toBe('stopped');
    expect(await client.call('app.info', undefined)).toMatchObject({
      ok: false,
      error: { type: 'unavailable', message: expect.stringContaining('shutting down') },
    });
  });

  it('kills a core that ignores shutdown', async () => {
    const { client, children } = makeClient([FakeChild.silentButReady]);
    await until(() => client.state === 'ready');
    await client.stop(20);
    expect(children[0]?.killed).toBe(true);
    expect(client.state).toBe('stopped');
  });

  it('does not restart a core that exits during stop', async () => {
    const spawn = vi.fn(realCore);
    const { client } = makeClient([spawn]);
    await client.call('app.info', undefined);
    await client.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(spawn).toHaveBeenCalledTimes(1);
  });
});

describe('restartDelay', () => {
  it('doubles from the initial delay up to the cap', () => {
    expect([0, 1, 2, 3, 4, 10].map((n) => restartDelay(n, 500, 30_000))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 30_000,
    ]);
  });
});
