import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startBridge, type Bridge } from '../../src/bridge/bridge';
import { createCore, type Core } from '../../src/core/core';
import { methodNames } from '../../src/shared/contract';
import { makeTempDir } from '../helpers/temp-dir';
import { RENDERER_DIR } from './helpers/harness';

/** A raw request: fetch() would normalise `..` and forbid setting Host. */
function raw(
  bridge: Bridge,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  const { port } = new URL(bridge.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('test bridge', () => {
  const temp = makeTempDir('leadwatch-bridge-');
  let core: Core;
  let bridge: Bridge;

  const rpc = (method: string, body: unknown, token = bridge.token, init: RequestInit = {}) =>
    fetch(`${bridge.origin}/rpc/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-leadwatch-token': token },
      body: body === undefined ? undefined : JSON.stringify(body),
      ...init,
    });

  beforeAll(async () => {
    core = createCore({ dataDir: temp.dir });
    bridge = await startBridge({ core, rendererDir: RENDERER_DIR });
  });

  afterAll(async () => {
    await bridge.close();
    core.close();
    temp.cleanup();
  });

  it('listens on 127.0.0.1 with a long random token', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(bridge.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('dispatches a contract call and returns its Result', async () => {
    const response = await rpc('app.info', undefined);
    expect(response.status).toBe(200);
    const result = (await response.json()) as { ok: boolean; value: { name: string } };
    expect(result).toMatchObject({ ok: true, value: { name: 'Leadwatch' } });
  });

  it('refuses a missing or wrong token with 401', async () => {
    const missing = await fetch(`${bridge.origin}/rpc/app.info`, { method: 'POST' });
    expect(missing.status).toBe(401);
    const wrong = await rpc('app.info', undefined, 'f'.repeat(64));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ ok: false, error: { type: 'forbidden' } });
  });

  it('refuses anything but POST on /rpc with 405', async () => {
    const response = await fetch(`${bridge.origin}/rpc/app.info`, {
      headers: { 'x-leadwatch-token': bridge.token },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('answers an unknown method with the unknown_method Result', async () => {
    const response = await rpc('sessions.drop', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: false, error: { type: 'unknown_method' } });
  });

  it('answers invalid input with the invalid_input Result', async () => {
    const response = await rpc('sessions.list', { limit: 0 });
    expect(await response.json()).toMatchObject({ ok: false, error: { type: 'invalid_input' } });
    const notJson = await rpc('sessions.list', undefined, bridge.token, { body: '{nope' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { type: 'invalid_input' } });
  });

  it('refuses bodies over 1 MB with 413', async () => {
    const big = { query: 'x'.repeat(MAX_BODY_BYTES + 10) };
    const response = await rpc('sessions.list', big);
    expect(response.status).toBe(413);
  });

  it('refuses calls from another origin and requests for another host', async () => {
    const foreign = await rpc('app.info', undefined, bridge.token, {
      headers: {
        'content-type': 'application/json',
        'x-leadwatch-token': bridge.token,
        origin: 'https://evil.example',
      },
    });
    expect(foreign.status).toBe(403);
    const rebound = await raw(bridge, '/', { headers: { host: 'evil.example' } });
    expect(rebound.status).toBe(421);
  });

  it('serves index.html with the shim injected before the app script', async () => {
    const response = await fetch(bridge.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    const shim = html.indexOf('<script src="/bridge-shim.js"></script>');
    const app = html.search(/<script type="module"[^>]*src="\.\/assets\//);
    expect(shim).toBeGreaterThan(0);
    expect(app).toBeGreaterThan(shim);
    expect(html).toContain("script-src 'self'");
  });

  it('serves assets with their content types', async () => {
    const html = await (await fetch(bridge.url)).text();
    const js = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    const css = /href="\.\/(assets\/[^"]+\.css)"/.exec(html)?.[1];
    expect(js && css).toBeTruthy();
    expect((await fetch(`${bridge.origin}/${js}`)).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await fetch(`${bridge.origin}/${css}`)).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    expect((await fetch(`${bridge.origin}/icon.svg`)).headers.get('content-type')).toBe(
      'image/svg+xml',
    );
    expect((await fetch(`${bridge.origin}/nope.js`)).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of [
      '/../package.json',
      '/../../package.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/..%5c..%5cpackage.json',
      '/%00index.html',
    ]) {
      const response = await raw(bridge, path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('"name"');
    }
  });

  it('serves a shim with one function per contract method and the token', async () => {
    const response = await fetch(`${bridge.origin}/bridge-shim.js`);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const script = await response.text();
    for (const method of methodNames) expect(script).toContain(JSON.stringify(method));
    expect(script).toContain(bridge.token);
    const crossSite = await raw(bridge, '/bridge-shim.js', {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
  });

  it('streams core events over SSE to holders of the token', async () => {
    const refused = await fetch(`${bridge.origin}/events?token=wrong`);
    expect(refused.status).toBe(401);

    const controller = new AbortController();
    const response = await fetch(`${bridge.origin}/events?token=${bridge.token}`, {
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    await reader.read(); // ': connected'
    core.events.emit('store.changed', { tables: ['chat_sessions'] });
    let text = '';
    while (!text.includes('\n\n') || !text.includes('store.changed')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    const line = text.split('\n').find((l) => l.startsWith('data: '));
    expect(JSON.parse(line!.slice('data: '.length))).toEqual({
      event: 'store.changed',
      payload: { tables: ['chat_sessions'] },
    });
    controller.abort();
  });
});
