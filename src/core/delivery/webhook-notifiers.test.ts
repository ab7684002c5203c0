import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHttpReceiver, type HttpReceiver } from '../deliveries/testing/http-receiver';
import { redactWebhookUrl } from './http-post';
import { SlackNotifier } from './slack-notifier';
import { WebhookNotifier } from './webhook-notifier';

let http: HttpReceiver;
const SECRET = 'XyZ123SecretTokenValue';

beforeAll(async () => {
  http = await startHttpReceiver();
});
afterEach(() => {
  http.requests.length = 0;
  http.failNext = 0;
  http.hang = false;
});
afterAll(async () => {
  await http.close();
});

describe('Slack and webhook notifiers', () => {
  it('Slack posts {text, blocks} as JSON', async () => {
    const url = http.url(`/services/T1/B2/${SECRET}`);
    await new SlackNotifier().post(url, { text: '*Daily*', blocks: [{ type: 'divider' }] });
    expect(http.requests).toHaveLength(1);
    expect(http.requests[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(http.requests[0]!.body)).toEqual({
      text: '*Daily*',
      blocks: [{ type: 'divider' }],
    });
  });

  it('a non-2xx answer fails with the status and the body, the token redacted', async () => {
    http.failNext = 1;
    // A receiver that echoes the URL back must not leak it through our error either.
    http.errorBody = `invalid_token for /services/T1/B2/${SECRET}`;
    const url = http.url(`/services/T1/B2/${SECRET}`);
    const error = await new SlackNotifier().post(url, { text: 'x' }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(
      /^Slack webhook http:\/\/127\.0\.0\.1:\d+\/services\/… answered 500: invalid_token/,
    );
    expect(message).not.toContain(SECRET);
  });

  it('a receiver that never answers fails after the timeout', async () => {
    http.hang = true;
    const started = Date.now();
    const error = await new WebhookNotifier({ timeoutMs: 300 })
      .post(http.url(`/webhook/${SECRET}`), { a: 1 })
      .catch((e: Error) => e);
    expect((error as Error).message).toBe(
      `Webhook ${http.url('/webhook')}/… did not answer within 300 ms`,
    );
    expect((error as Error).message).not.toContain(SECRET);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('an unreachable receiver fails with a sentence a person can act on, the secret hidden', async () => {
    const closed = await freePort();
    const post = (path: string) =>
      new WebhookNotifier({ timeoutMs: 2_000 })
        .post(`http://127.0.0.1:${closed}${path}`, {})
        .catch((e: Error) => e.message);
    expect(await post(`/webhook/${SECRET}`)).toBe(
      `Webhook http://127.0.0.1:${closed}/webhook/… could not be reached (connection refused): check the receiver is running`,
    );
    // A URL with nothing secret in it is shown whole, its words intact.
    expect(await post('/hook')).toBe(
      `Webhook http://127.0.0.1:${closed}/hook could not be reached (connection refused): check the receiver is running`,
    );
    const slack = await new SlackNotifier({ timeoutMs: 2_000 })
      .post(`http://127.0.0.1:${closed}/services/T1/B2/${SECRET}`, { text: 'x' })
      .catch((e: Error) => e.message);
    expect(slack).toBe(
      `Slack webhook http://127.0.0.1:${closed}/services/… could not be reached (connection refused): check the receiver is running`,
    );
  });

  it('a host name that does not resolve says so', async () => {
    const error = await new WebhookNotifier({ timeoutMs: 5_000 })
      .post(`http://leadwatch-no-such-host.invalid/hook/${SECRET}`, {})
      .catch((e: Error) => e.message);
    expect(error).toMatch(
      /^Webhook http:\/\/leadwatch-no-such-host\.invalid\/hook\/… could not be reached \(host name (not found|lookup failed)\)/,
    );
    expect(error).not.toContain(SECRET);
  });

  it('the generic webhook posts the body as is, with the delivery id and an idempotency key', async () => {
    await new WebhookNotifier().post(http.url('/hook'), { leads: { created: 3 } }, { id: 42 });
    const r = http.requests[0]!;
    expect(JSON.parse(r.body)).toEqual({ leads: { created: 3 } });
    expect(r.headers['x-leadwatch-delivery']).toBe('42');
    expect(r.headers['idempotency-key']).toBe('leadwatch-delivery-42');
  });

  it('redacts everything after the first path segment, and the query', () => {
    expect(redactWebhookUrl('https://hooks.slack.com/services/T0/B0/abc?x=1')).toBe(
      'https://hooks.slack.com/services/…',
    );
    expect(redactWebhookUrl('https://n8n.example.com/webhook/uuid')).toBe(
      'https://n8n.example.com/webhook/…',
    );
    expect(redactWebhookUrl('https://n8n.example.com/webhook?token=abc')).toBe(
      'https://n8n.example.com/webhook/…',
    );
    expect(redactWebhookUrl('http://127.0.0.1:5999/hook')).toBe('http://127.0.0.1:5999/hook');
    expect(redactWebhookUrl('https://user:pw@example.com/')).toBe('https://example.com');
    expect(redactWebhookUrl('nonsense')).toBe('(unparseable URL)');
  });
});

/** A port nothing listens on: bound, then released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
