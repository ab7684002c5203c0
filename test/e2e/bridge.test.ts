import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  DEFAULT_MAX_EVENT_STREAMS,
  MAX_BODY_BYTES,
  startBridge,
  type Bridge,
} from '../../src/bridge/bridge';
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

  const eventTicket = async (): Promise<string> => {
    const response = await fetch(`${bridge.origin}/events/ticket`, {
      method: 'POST',
      headers: { 'x-leadwatch-token': bridge.token },
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { value: { ticket: string } };
    return result.value.ticket;
  };

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

  it('takes calls from its own page as 127.0.0.1 or localhost, from no other origin', async () => {
    const { port } = new URL(bridge.origin);
    const from = (origin: string) =>
      rpc('app.info', undefined, bridge.token, {
        headers: {
          'content-type': 'application/json',
          'x-leadwatch-token': bridge.token,
          origin,
        },
      });
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const response = await from(origin);
      expect(response.status, origin).toBe(200);
      expect(await response.json(), origin).toMatchObject({ ok: true });
    }
    for (const origin of [
      'http://localhost:1',
      `https://localhost:${port}`,
      `http://127.0.0.1.evil.example:${port}`,
      `http://localhost.evil.example:${port}`,
      'null',
    ]) {
      expect((await from(origin)).status, origin).toBe(403);
    }
  });

  it('cuts an unknown method name short in its error', async () => {
    const name = `nope.${'x'.repeat(5000)}`;
    const result = (await (await rpc(name, {})).json()) as {
      ok: false;
      error: { type: string; message: string };
    };
    expect(result.error.type).toBe('unknown_method');
    expect(result.error.message.length).toBeLessThan(120);
    expect(result.error.message).toContain('nope.xxx');
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

  it('serves a shim with one function per contract method and no token, to anyone', async () => {
    // A plain local process, no Sec-Fetch-Site or any other header: it learns nothing.
    const response = await fetch(`${bridge.origin}/bridge-shim.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const script = await response.text();
    for (const method of methodNames) expect(script).toContain(JSON.stringify(method));
    expect(script).not.toContain(bridge.token);
    const page = await (await fetch(bridge.url)).text();
    expect(page).not.toContain(bridge.token);
  });

  it('refuses /rpc, a ticket and /events to a request with no proof of the token', async () => {
    expect((await fetch(`${bridge.origin}/rpc/app.info`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${bridge.origin}/events/ticket`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${bridge.origin}/events`)).status).toBe(401);
    // The token itself is no longer taken in a URL, where logs and history keep it.
    expect((await fetch(`${bridge.origin}/events?token=${bridge.token}`)).status).toBe(401);
    expect((await fetch(`${bridge.origin}/events?ticket=${'0'.repeat(48)}`)).status).toBe(401);
  });

  it('takes a ticket once only', async () => {
    const ticket = await eventTicket();
    const controller = new AbortController();
    const first = await fetch(`${bridge.origin}/events?ticket=${ticket}`, {
      signal: controller.signal,
    });
    expect(first.status).toBe(200);
    const again = await fetch(`${bridge.origin}/events?ticket=${ticket}`);
    expect(again.status).toBe(401);
    controller.abort();
  });

  it('streams core events over SSE to holders of the token', async () => {
    const controller = new AbortController();
    const response = await fetch(`${bridge.origin}/events?ticket=${await eventTicket()}`, {
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

describe('test bridge event streams', () => {
  const temp = makeTempDir('leadwatch-bridge-cap-');
  let core: Core;
  let bridge: Bridge;

  beforeAll(async () => {
    core = createCore({ dataDir: temp.dir });
    bridge = await startBridge({ core, rendererDir: RENDERER_DIR });
  });

  afterAll(async () => {
    await bridge.close();
    core.close();
    temp.cleanup();
  });

  const openStream = async (controller: AbortController): Promise<Response> => {
    const ticket = await fetch(`${bridge.origin}/events/ticket`, {
      method: 'POST',
      headers: { 'x-leadwatch-token': bridge.token },
    });
    const { value } = (await ticket.json()) as { value: { ticket: string } };
    return fetch(`${bridge.origin}/events?ticket=${value.ticket}`, { signal: controller.signal });
  };

  it(`keeps at most ${DEFAULT_MAX_EVENT_STREAMS} open and refuses more with 429`, async () => {
    const controllers = Array.from(
      { length: DEFAULT_MAX_EVENT_STREAMS },
      () => new AbortController(),
    );
    for (const controller of controllers) expect((await openStream(controller)).status).toBe(200);
    const extra = new AbortController();
    const refused = await openStream(extra);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ ok: false, error: { type: 'forbidden' } });

    // A closed stream frees its place.
    controllers.pop()!.abort();
    await expect
      .poll(async () => {
        const response = await openStream(extra);
        if (response.status === 200) controllers.push(extra);
        return response.status;
      })
      .toBe(200);
    for (const controller of controllers) controller.abort();
  });
});

describe('test bridge page', () => {
  const temp = makeTempDir('leadwatch-bridge-page-');
  let core: Core;
  let bridge: Bridge;
  let browser: Browser;

  beforeAll(async () => {
    core = createCore({ dataDir: temp.dir });
    bridge = await startBridge({ core, rendererDir: RENDERER_DIR });
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
  });

  afterAll(async () => {
    await browser.close();
    await bridge.close();
    core.close();
    temp.cleanup();
  });

  const appInfo = (page: Page) =>
    page.evaluate(async () => {
      const result = await window.leadwatch['app.info']();
      return result.ok ? 'ok' : `${result.error.type}: ${result.error.message}`;
    });

  it('takes the token out of the address, keeps it across a reload, streams events', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(bridge.pageUrl('#/sessions'));
    await page.getByRole('main').waitFor();
    expect(page.url()).toBe(`${bridge.origin}/#/sessions`);
    expect(await appInfo(page)).toBe('ok');
    await page.locator('html[data-leadwatch-events="open"]').waitFor();

    await page.reload();
    await page.getByRole('main').waitFor();
    expect(page.url()).toBe(`${bridge.origin}/#/sessions`);
    expect(await appInfo(page)).toBe('ok');
    await context.close();
  });

  it('gives a page opened without the token nothing, and says what to open', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${bridge.url}#/sessions`);
    expect(await appInfo(page)).toMatch(/^forbidden: .*#token=/);
    await context.close();
  });
});
