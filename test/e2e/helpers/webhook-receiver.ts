import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local webhook receiver a test controls: it answers `status` and keeps what it was sent. */
export interface WebhookReceiver {
  url: string;
  status: number;
  bodies: unknown[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(status = 200): Promise<WebhookReceiver> {
  const bodies: unknown[] = [];
  const state = { status };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      try {
        bodies.push(raw ? (JSON.parse(raw) as unknown) : null);
      } catch {
        bodies.push(raw);
      }
      res.writeHead(state.status, { 'content-type': 'application/json' });
      res.end(state.status < 300 ? '{"ok":true}' : '{"error":"receiver down"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/leads`,
    get status() {
      return state.status;
    },
    set status(next: number) {
      state.status = next;
    },
    bodies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
