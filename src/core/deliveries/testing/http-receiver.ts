import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HttpReceiver {
  /** The base URL; `url(path)` for a webhook URL with a secret-looking path. */
  url(path?: string): string;
  /** Every request, answered or not. */
  requests: { at: number; body: string; headers: IncomingHttpHeaders; status: number }[];
  /** Answered 500 with `errorBody` this many more times. */
  failNext: number;
  errorBody: string;
  /** Never answer (a hung receiver). */
  hang: boolean;
  close(): Promise<void>;
}

/** A local node:http receiver standing in for Slack or an n8n webhook. */
export async function startHttpReceiver(): Promise<HttpReceiver> {
  const state = {
    requests: [] as HttpReceiver['requests'],
    failNext: 0,
    errorBody: 'internal_error',
    hang: false,
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const failing = state.failNext > 0;
      const status = state.hang ? 0 : failing ? 500 : 200;
      state.requests.push({
        at: Date.now(),
        body: Buffer.concat(chunks).toString('utf8'),
        headers: req.headers,
        status,
      });
      if (state.hang) return;
      if (failing) {
        state.failNext -= 1;
        res.writeHead(500, { 'content-type': 'text/plain' }).end(state.errorBody);
      } else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(state, {
    url: (path = '') => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
