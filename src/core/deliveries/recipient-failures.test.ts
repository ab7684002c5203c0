import { createServer, type AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../../test/helpers/smtp-sink';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { EmailNotifier } from '../delivery/email-notifier';
import type { ChannelConfig } from './channels';
import { deliveryWorld, subscription, type World } from './testing/world';

let sink: SmtpSink;
const temps: { cleanup(): void }[] = [];
const worlds: World[] = [];

function world(config: Partial<ChannelConfig> = {}): World {
  const temp = makeTempDir('leadwatch-recipient-failures-');
  temps.push(temp);
  const w = deliveryWorld(temp.dir, { config: { smtpUrl: sink.url, ...config } });
  worlds.push(w);
  return w;
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  sink = await startSmtpSink();
});

afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
  sink.inbox.length = 0;
  sink.rcptTo.length = 0;
});

afterAll(async () => {
  await sink.close();
  for (const t of temps) t.cleanup();
});

describe('a delivery with a malformed recipient fails for good', () => {
  it('a scheduled report to a hostile REPORT_RECIPIENTS: the good address gets it, the bad one fails at once and is never retried', async () => {
    const hostile = '"Victim" <injected@evil.test>';
    const w = world({ reportRecipients: ['sales@example.com', hostile] });
    const sub = await w.subscriptions.save(subscription({ recipients: [] }));
    const fire = DateTime.fromISO('2026-03-02T07:00', { zone: sub.timezone });
    const { id } = await w.deliveries.claimScheduled(sub, fire);
    await w.runner.runOne(id!);

    const d = await w.deliveries.get(id!);
    expect(d.status).toBe('failed'); // not pending: a retry could only fail the same way
    expect(d.attempts).toBe(1);
    expect(d.nextAttemptAt).toBeNull();
    expect(d.error).toContain(`Recipient ${JSON.stringify(hostile)} is not an email address`);
    expect(d.log.at(-1)?.message).toMatch(/not retried \(another try cannot help\)/);
    // The good recipient got the report once, and the owner (a plain address) is told.
    expect(sink.rcptTo).toEqual(['sales@example.com', 'owner@example.com']);
    expect(sink.inbox).toHaveLength(2);
    expect(d.recipients.map((r) => [r.recipient, r.status])).toEqual([
      ['sales@example.com', 'sent'],
      [hostile, 'failed'],
    ]);
  });

  it('the mail notifier itself never hands a hostile address to the server', async () => {
    const mailer = new EmailNotifier({ smtpUrl: sink.url, from: 'leadwatch@example.com' });
    const message = { subject: 's', text: 't', html: '<p>t</p>', attachments: [] };
    for (const entry of [
      'victim@example.test\r\nBcc: injected@evil.test',
      'victim@example.test, injected@evil.test',
      '"Victim" <injected@evil.test>',
    ]) {
      await expect(mailer.send(message, [entry])).rejects.toMatchObject({
        type: 'invalid_input',
        message: expect.stringContaining(JSON.stringify(entry)) as string,
      });
    }
    await expect(
      mailer.send(message, ['sales@example.com'], { from: 'a@example.com\r\nBcc: b@evil.test' }),
    ).rejects.toMatchObject({ type: 'invalid_input' });
    await mailer.close();
    expect(sink.rcptTo).toEqual([]);
  });
});

describe('a failed webhook says what happened in words', () => {
  it.each([
    ['/hook', ''],
    ['/hook/s3cr3t-T0ken-Value', '/…'],
  ])('a receiver that is not running (%s)', async (path, hidden) => {
    const port = await closedPort();
    const w = world();
    const d = await w.deliveries.sendNow({
      params: { type: 'daily', gymId: 'gym-1', branchId: null, date: '2026-03-02' },
      method: 'webhook',
      recipients: [`http://127.0.0.1:${port}${path}`],
      templateId: null,
    });
    const sentence = `Webhook http://127.0.0.1:${port}/hook${hidden} could not be reached (connection refused): check the receiver is running`;
    expect(d.status).toBe('pending'); // a receiver may come back: this one is retried
    expect(d.error).toBe(sentence);
    const detail = await w.deliveries.get(d.id);
    expect(detail.recipients[0]).toMatchObject({
      recipient: `http://127.0.0.1:${port}/hook${hidden}`,
      error: sentence,
    });
    expect(JSON.stringify(detail)).not.toContain('s3cr3t');
  });

  it('Slack the same way', async () => {
    const port = await closedPort();
    const w = world();
    const d = await w.deliveries.sendNow({
      params: { type: 'daily', gymId: 'gym-1', branchId: null, date: '2026-03-02' },
      method: 'slack',
      recipients: [`http://127.0.0.1:${port}/services/T0/B0/s3cr3tValue`],
      templateId: null,
    });
    expect(d.error).toBe(
      `Slack webhook http://127.0.0.1:${port}/services/… could not be reached (connection refused): check the receiver is running`,
    );
  });
});
