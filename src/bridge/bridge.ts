/**
 * The test bridge: serves the built renderer and core's contract over HTTP on 127.0.0.1,
 * so the real UI runs in a plain Chromium (Playwright, or a person's browser) where the
 * Electron binary cannot. A test and development tool only; the packaged app never starts it.
 *
 *   GET  /#token=<token>        the app; the shim takes the token out of the address
 *   POST /rpc/<method>          x-leadwatch-token: <token>, JSON body  ->  JSON Result
 *   POST /events/ticket         x-leadwatch-token: <token>  ->  { ticket } (one use, 30 s)
 *   GET  /events?ticket=…       Server-Sent Events: {"event": name, "payload": …} per core event
 *   GET  /bridge-shim.js        window.leadwatch for the page (no secret in it)
 *   GET  /…                     out/renderer, with the shim injected into index.html
 *
 * How the token is kept and proven: access.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Core } from '../core/core';
import type { Result } from '../shared/contract';
import { allowedHosts, createAccess, originAllowed, TICKET_TTL_MS } from './access';
import { renderShim, tokenHash } from './shim';
import { contentType, injectShim, readStaticFile, resolveStaticPath } from './static-files';

export interface BridgeOptions {
  core: Pick<Core, 'registry' | 'events'>;
  /** The built renderer (electron-vite's out/renderer). */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Open event streams at most (DEFAULT_MAX_EVENT_STREAMS); past it /events answers 429. */
  maxEventStreams?: number;
}

export interface Bridge {
  /** The server's root, e.g. http://127.0.0.1:43117/ (the page opened here has no token). */
  url: string;
  /** The same, without the trailing slash: for building /rpc and /events URLs. */
  origin: string;
  token: string;
  /** The address to open the app at, token in the fragment, e.g. pageUrl('#/sessions'). */
  pageUrl(hash?: string): string;
  close(): Promise<void>;
}

export const MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_MAX_EVENT_STREAMS = 8;
const SHIM_PATH = '/bridge-shim.js';
const TICKET_PATH = '/events/ticket';
const HEARTBEAT_MS = 15_000;

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const { core, rendererDir } = options;
  const maxStreams = options.maxEventStreams ?? DEFAULT_MAX_EVENT_STREAMS;
  const access = createAccess();
  const shim = renderShim();
  const streams = new Set<ServerResponse>();
  const indexPath = resolve(rendererDir, 'index.html');
  let port = 0;

  /** The checks every authenticated POST shares; answers and returns false when one fails. */
  const authorisedPost = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'POST') {
      sendJson(res, 405, failure('invalid_input', 'Use POST'), { allow: 'POST' });
      return false;
    }
    if (!access.tokenMatches(req.headers['x-leadwatch-token'])) {
      sendJson(res, 401, failure('forbidden', 'Missing or wrong x-leadwatch-token'));
      return false;
    }
    // Defence in depth behind the token: a browser page from elsewhere is refused outright.
    if (!originAllowed(req.headers.origin, port)) {
      sendJson(res, 403, failure('forbidden', 'Cross-origin calls are refused'));
      return false;
    }
    return true;
  };

  const rpc: Handler = async (req, res, url) => {
    if (!authorisedPost(req, res)) return;
    const body = await readBody(req);
    if (body === 'too_large') {
      return sendJson(
        res,
        413,
        failure('invalid_input', `Request body is over ${MAX_BODY_BYTES} bytes`),
        { connection: 'close' },
      );
    }
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : undefined;
    } catch {
      return sendJson(res, 400, failure('invalid_input', 'Request body is not JSON'));
    }
    const method = safeDecode(url.pathname.slice('/rpc/'.length));
    const result = await core.registry.dispatch(method, input);
    sendJson(res, 200, result);
  };

  const ticket: Handler = (req, res) => {
    if (!authorisedPost(req, res)) return;
    req.resume();
    sendJson(res, 200, { ok: true, value: { ticket: access.issueTicket(), ttlMs: TICKET_TTL_MS } });
  };

  const events: Handler = (req, res, url) => {
    if (req.method !== 'GET')
      return sendJson(res, 405, failure('invalid_input', 'Use GET'), { allow: 'GET' });
    if (!access.redeemTicket(url.searchParams.get('ticket'))) {
      return sendJson(
        res,
        401,
        failure('forbidden', `Missing, used or expired ticket: POST ${TICKET_PATH} for one`),
      );
    }
    if (!originAllowed(req.headers.origin, port)) {
      return sendJson(res, 403, failure('forbidden', 'Cross-origin streams are refused'));
    }
    if (streams.size >= maxStreams) {
      return sendJson(
        res,
        429,
        failure('forbidden', `Already ${maxStreams} event streams open: close one first`),
        { 'retry-after': '5' },
      );
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = core.events.subscribe((event, payload) => {
      res.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  };

  const shimScript: Handler = (_req, res) => {
    send(res, 200, 'text/javascript; charset=utf-8', shim);
  };

  const staticFile: Handler = async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
    }
    const pathname = url.pathname === '/' ? '/index.html' : url.pathname;
    const path = resolveStaticPath(rendererDir, pathname);
    if (!path) return sendText(res, 404, 'Not found');
    const file = await readStaticFile(rendererDir, path);
    if (!file) return sendText(res, 404, 'Not found');
    if (path === indexPath) {
      return send(
        res,
        200,
        contentType(path),
        injectShim(file.toString('utf8'), SHIM_PATH),
        req.method === 'HEAD',
      );
    }
    send(res, 200, contentType(path), file, req.method === 'HEAD');
  };

  const route = (pathname: string): Handler => {
    if (pathname.startsWith('/rpc/')) return rpc;
    if (pathname === TICKET_PATH) return ticket;
    if (pathname === '/events') return events;
    if (pathname === SHIM_PATH) return shimScript;
    return staticFile;
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bridge.invalid');
    // DNS rebinding: a page on evil.example resolving to 127.0.0.1 would send its own Host.
    if (!allowedHosts(port).includes(req.headers.host ?? '')) {
      return sendText(res, 421, 'Unknown host');
    }
    Promise.resolve(route(url.pathname)(req, res, url)).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, failure('internal', String(error)));
      else res.destroy();
    });
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/`,
    origin,
    token: access.token,
    pageUrl: (hash = '') => `${origin}/${tokenHash(access.token, hash)}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const stream of streams) stream.end();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

function failure(type: 'invalid_input' | 'forbidden' | 'internal', message: string): Result<never> {
  return { ok: false, error: { type, message } };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The body, or 'too_large' past 1 MB (the rest is drained, not buffered). */
function readBody(req: IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = declared > MAX_BODY_BYTES;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      // Someone streaming without end: stop listening rather than drain forever.
      if (size > 16 * MAX_BODY_BYTES) req.destroy();
    });
    req.on('end', () => resolveBody(tooLarge ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const baseHeaders = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headOnly = false,
  extra: Record<string, string> = {},
): void {
  const buffer = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, {
    ...baseHeaders,
    'content-type': type,
    'content-length': buffer.length,
    ...extra,
  });
  res.end(headOnly ? undefined : buffer);
}

function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  extra: Record<string, string> = {},
): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), false, extra);
}

function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  extra: Record<string, string> = {},
): void {
  send(res, status, 'text/plain; charset=utf-8', text, false, extra);
}
