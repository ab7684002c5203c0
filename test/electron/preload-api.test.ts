import { describe, expect, it, vi } from 'vitest';
import { eventNames, methodNames, type Result } from '../../src/shared/contract';
import { buildLeadwatchApi, type Invoke } from '../../src/preload/build-api';

function setup(invokeImpl?: Invoke) {
  const invoke = vi.fn<Invoke>(invokeImpl ?? (async () => ({ ok: true, value: 'pong' })));
  let raw: ((event: unknown, payload: unknown) => void) | null = null;
  const listenRaw = vi.fn((listener: (event: unknown, payload: unknown) => void) => {
    raw = listener;
  });
  const api = buildLeadwatchApi(invoke, listenRaw);
  const push = (event: unknown, payload: unknown) => raw?.(event, payload);
  return { api, invoke, listenRaw, push };
}

describe('window.leadwatch', () => {
  it('has one function per contract method and `on`, nothing else', () => {
    const { api } = setup();
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'on'].sort());
    for (const key of Object.keys(api))
      expect(typeof (api as Record<string, unknown>)[key]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('calls through the single channel with the method name and input', async () => {
    const { api, invoke } = setup();
    expect(await api['sessions.list']({ query: 'demo' })).toEqual({ ok: true, value: 'pong' });
    expect(await api['app.info']()).toEqual({ ok: true, value: 'pong' });
    expect(invoke.mock.calls).toEqual([
      ['sessions.list', { query: 'demo' }],
      ['app.info', undefined],
    ]);
  });

  it('turns a transport failure into an unavailable Result', async () => {
    const { api } = setup(async () => {
      throw new Error('Error invoking remote method: reply was never sent');
    });
    const result: Result<unknown> = await api['settings.get']();
    expect(result).toEqual({
      ok: false,
      error: { type: 'unavailable', message: expect.stringContaining('reply was never sent') },
    });
  });

  it('delivers contract events to subscribers until they unsubscribe', () => {
    const { api, push, listenRaw } = setup();
    const progress = vi.fn();
    const changed = vi.fn();
    const off = api.on('demo.progress', progress);
    api.on('store.changed', changed);
    expect(listenRaw).toHaveBeenCalledTimes(1);
    push('demo.progress', { step: 'sessions', done: 1, total: 3 });
    push('store.changed', { tables: ['sessions'] });
    push('not.an.event', { x: 1 });
    off();
    push('demo.progress', { step: 'sessions', done: 2, total: 3 });
    expect(progress).toHaveBeenCalledTimes(1);
    expect(progress).toHaveBeenCalledWith({ step: 'sessions', done: 1, total: 3 });
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('keeps delivering when one listener throws', () => {
    const { api, push } = setup();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const after = vi.fn();
    api.on('store.changed', () => {
      throw new Error('listener bug');
    });
    api.on('store.changed', after);
    push('store.changed', { tables: [] });
    expect(after).toHaveBeenCalledTimes(1);
    quiet.mockRestore();
  });

  it('accepts only the contract event names', () => {
    const { api } = setup();
    const on = api.on as (event: string, listener: unknown) => () => void;
    expect(() => on('leadwatch:call', () => undefined)).toThrow(/unknown event/);
    expect(() => on('__proto__', () => undefined)).toThrow(/unknown event/);
    expect(() => on(eventNames[0] ?? 'store.changed', 'not a function')).toThrow(/function/);
  });
});
