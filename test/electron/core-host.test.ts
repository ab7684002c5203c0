import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../src/core/core';
import { startCoreHost } from '../../src/main/core-process/core-host';
import type { FromCore } from '../../src/main/core-process/protocol';
import { makeTempDir } from '../helpers/temp-dir';
import { attachRealHost, FakeChild } from './fake-core-child';

/** Drives the core host directly, as main would, and records what it answers. */
function hostHarness(dataDir: string, make: (options: CoreOptions) => Core) {
  const child = attachRealHost(new FakeChild(), dataDir, make);
  const answers: FromCore[] = [];
  child.onMessage((message) => answers.push(message as FromCore));
  let exited: number | null = null;
  child.onExit((code) => {
    exited = code;
  });
  return { child, answers, exitCode: () => exited };
}

const until = async (check: () => boolean) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > 5_000) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('core host', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const cores: Core[] = [];
  beforeEach(() => {
    temp = makeTempDir('leadwatch-core-host-');
  });
  afterEach(() => {
    for (const core of cores.splice(0)) {
      try {
        core.close();
      } catch {
        // closed by the host already
      }
    }
    temp.cleanup();
  });

  /** A real core whose every call takes a little while, like a report being sent. */
  const slowCore = (options: CoreOptions): Core => {
    const core = createCore(options);
    cores.push(core);
    const dispatch = core.registry.dispatch.bind(core.registry);
    core.registry.dispatch = async (name, input) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return dispatch(name, input);
    };
    return core;
  };

  it('answers calls that arrive before init with unavailable', async () => {
    const { child, answers } = hostHarness(temp.dir, slowCore);
    child.postMessage({ type: 'call', id: 7, method: 'app.info', input: undefined });
    await until(() => answers.length === 1);
    expect(answers[0]).toMatchObject({
      type: 'result',
      id: 7,
      result: { ok: false, error: { type: 'unavailable' } },
    });
  });

  it('ignores malformed messages', async () => {
    const logs: string[] = [];
    const child = new FakeChild();
    startCoreHost({
      dataDir: temp.dir,
      port: { postMessage: (m) => child.send(m), onMessage: (l) => child.onHostMessage(l) },
      exit: () => undefined,
      log: (line) => logs.push(line),
    });
    child.postMessage({ type: 'call', id: -1, method: 'app.info', input: null } as never);
    child.postMessage({ type: 'format-disk' } as never);
    await until(() => logs.length === 2);
    expect(logs).toEqual([
      'dropped a malformed message from main',
      'dropped a malformed message from main',
    ]);
  });

  it('finishes running calls before it closes the store, and refuses new ones', async () => {
    const { child, answers, exitCode } = hostHarness(temp.dir, slowCore);
    child.postMessage({ type: 'init', dataKey: null });
    await until(() => answers.some((a) => a.type === 'ready'));
    child.postMessage({ type: 'call', id: 1, method: 'settings.set', input: { botName: 'Ava' } });
    child.postMessage({ type: 'shutdown' });
    child.postMessage({ type: 'call', id: 2, method: 'app.info', input: undefined });
    await until(() => exitCode() !== null);
    expect(exitCode()).toBe(0);
    const results = answers.filter((a) => a.type === 'result');
    expect(results).toEqual([
      {
        type: 'result',
        id: 2,
        result: { ok: false, error: { type: 'unavailable', message: 'Core is shutting down.' } },
      },
      {
        type: 'result',
        id: 1,
        result: { ok: true, value: expect.objectContaining({ botName: 'Ava' }) },
      },
    ]);
    // The write landed before the store closed: a new core sees it.
    const reopened = createCore({ dataDir: temp.dir });
    cores.push(reopened);
    expect(reopened.settings.get().botName).toBe('Ava');
  });
});
