import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import type { DeliveryDetail } from '../../shared/deliveries';
import { startHttpReceiver, type HttpReceiver } from './testing/http-receiver';
import { startMailSink, type MailSink } from './testing/mail-sink';
import { waitFor } from './testing/wait';
import { deliveryWorld, subscription, type World } from './testing/world';
import { TEAM_BACKENDS, teamBackend, type TeamBackend } from '../team-db/testing/backends';

let sink: MailSink;
let backend: TeamBackend;
let http: HttpReceiver;
const temps: { cleanup(): void }[] = [];
const worlds: World[] = [];

function tempDir(): string {
  const temp = makeTempDir('leadwatch-deliveries-');
  temps.push(temp);
  return temp.dir;
}

function world(options: Parameters<typeof deliveryWorld>[1] = {}): World {
  const w = deliveryWorld(tempDir(), {
    ...options,
    pool: backend.pool(),
    config: { smtpUrl: sink.url, ...options.config },
  });
  worlds.push(w);
  return w;
}

beforeAll(async () => {
  sink = await startMailSink();
  http = await startHttpReceiver();
});

afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
  await backend.reset();
  sink.inbox.length = 0;
  sink.failNext = 0;
  sink.reject.clear();
  http.requests.length = 0;
  http.failNext = 0;
});

afterAll(async () => {
  await sink.close();
  await http.close();
  for (const t of temps) t.cleanup();
});

/** Each failed try's "next try at" and the following try's start, from the log. */
function retryTimings(d: DeliveryDetail) {
  const starts = d.log.filter((l) => l.to === 'rendering').map((l) => Date.parse(l.at));
  const fails = d.log.filter((l) => l.to === 'pending' && l.from !== null);
  return fails.map((f, i) => {
    const next = Date.parse(/next try at (\S+)$/.exec(f.message ?? '')?.[1] ?? '');
    return { failedAt: Date.parse(f.at), next, startedAt: starts[i + 1] ?? NaN };
  });
}

async function deliverWithRetries(w: World, subscriptionId: number): Promise<DeliveryDetail> {
  const first = await w.deliveries.sendNow({ subscriptionId });
  expect(first.status).toBe('pending'); // the first try failed and is waiting for its retry
  // The scheduler's wake-up timer runs the retries when they fall due.
  w.scheduler.start();
  return waitFor(async () => {
    const d = await w.deliveries.get(first.id);
    return d.status === 'sent' || d.status === 'failed' ? d : undefined;
  });
}

function expectBackoff(d: DeliveryDetail, base: number) {
  const timings = retryTimings(d);
  expect(timings).toHaveLength(2);
  timings.forEach((t, i) => {
    // Exponential: 1×, 2× the base, and no try before its time.
    expect(t.next - t.failedAt).toBeGreaterThanOrEqual(base * 2 ** i - 5);
    expect(t.startedAt).toBeGreaterThanOrEqual(t.next);
  });
}

describe.each(TEAM_BACKENDS)('delivery state machine on the %s', (name) => {
  beforeAll(async () => {
    backend = await teamBackend(name, 'deliveries');
  });
  afterAll(async () => {
    await backend.drop();
  });

  it('email: the SMTP server fails twice, the third try sends exactly one mail', async () => {
    const w = world();
    sink.failNext = 2;
    const sub = await w.subscriptions.save(subscription());
    const d = await deliverWithRetries(w, sub.id);

    expect(d.status).toBe('sent');
    expect(d.attempts).toBe(3);
    expect(d.error).toBeNull();
    expect(sink.inbox).toHaveLength(1);
    const mail = sink.inbox[0]!;
    expect(mail.to).toEqual(['manager@example.com']);
    expect(mail.mail.subject).toMatch(/^Daily lead report · .+ · Gym gym-1$/);
    expect(mail.mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    expect(mail.mail.html).toContain('Daily lead report');
    expect(d.log.map((l) => `${l.from ?? '-'}>${l.to}`)).toEqual([
      '->pending',
      'pending>rendering',
      'rendering>sending',
      'sending>pending',
      'pending>rendering',
      'rendering>sending',
      'sending>pending',
      'pending>rendering',
      'rendering>sending',
      'sending>sent',
    ]);
    expect(d.log[3]?.message).toMatch(/451/);
    expectBackoff(d, 200);
    expect(d.report).toMatchObject({ report_type: 'daily', gym_id: 'gym-1' });
    expect(w.events.filter((e) => e.id === d.id).at(-1)).toEqual({ id: d.id, status: 'sent' });
  });

  it('Slack: a webhook that answers 500 twice gets the message once, with the error body kept', async () => {
    const w = world();
    http.failNext = 2;
    http.errorBody = 'invalid_payload';
    const url = http.url('/services/T000/B000/s3cr3tT0kenValue');
    const sub = await w.subscriptions.save(
      subscription({ deliveryMethod: 'slack', recipients: [url], createdBy: null }),
    );
    const d = await deliverWithRetries(w, sub.id);

    expect(d.status).toBe('sent');
    expect(d.attempts).toBe(3);
    expect(http.requests.map((r) => r.status)).toEqual([500, 500, 200]);
    const body = JSON.parse(http.requests[2]!.body) as { text: string };
    const posted = JSON.parse(http.requests[2]!.body) as { blocks: unknown[] };
    expect(body.text).toMatch(/^Daily lead report · .+Gym gym-1/);
    expect(body.text).toMatch(/Leads created/);
    expect(posted.blocks.length).toBeGreaterThan(2);
    const failure = d.log.find((l) => l.to === 'pending' && l.from === 'sending')?.message ?? '';
    expect(failure).toMatch(/answered 500: invalid_payload/);
    // The token never reaches the log, the recipients shown or the error.
    expect(JSON.stringify(d)).not.toContain('s3cr3tT0kenValue');
    expect(d.recipients[0]?.recipient).toBe(`${http.url('/services/…')}`);
    expectBackoff(d, 200);
  });

  it('webhook: the report JSON is posted once after two failures, with an idempotency key', async () => {
    const w = world();
    http.failNext = 2;
    const url = http.url('/webhook/2f1c0a77-aaaa-bbbb-cccc-0123456789ab');
    const sub = await w.subscriptions.save(
      subscription({
        deliveryMethod: 'webhook',
        recipients: [url],
        reportType: 'weekly',
        deliveryDays: ['mon'],
      }),
    );
    const d = await deliverWithRetries(w, sub.id);

    expect(d.status).toBe('sent');
    expect(http.requests).toHaveLength(3);
    const ok = http.requests[2]!;
    expect(JSON.parse(ok.body)).toEqual(d.report);
    expect(JSON.parse(ok.body)).toMatchObject({ report_type: 'weekly', gym_id: 'gym-1' });
    expect(ok.headers['idempotency-key']).toBe(`leadwatch-delivery-${d.id}`);
    expect(JSON.stringify(d)).not.toContain('2f1c0a77');
  });

  it('a recipient refused by the server is retried alone; the others are not mailed again', async () => {
    const w = world();
    sink.reject.add('gone@example.com');
    const sub = await w.subscriptions.save(
      subscription({ recipients: ['manager@example.com', 'gone@example.com'] }),
    );
    const first = await w.deliveries.sendNow({ subscriptionId: sub.id });
    expect(first.status).toBe('pending');
    expect(sink.inbox.map((m) => m.to)).toEqual([['manager@example.com']]);
    const after1 = await w.deliveries.get(first.id);
    expect(after1.recipients).toEqual([
      expect.objectContaining({ recipient: 'manager@example.com', status: 'sent', error: null }),
      expect.objectContaining({ recipient: 'gone@example.com', status: 'failed' }),
    ]);
    expect(first.error).toMatch(/1 of 2 not delivered.*gone@example\.com/);

    sink.reject.clear(); // the mailbox exists again
    w.scheduler.start();
    const done = await waitFor(async () => {
      const d = await w.deliveries.get(first.id);
      return d.status === 'sent' ? d : undefined;
    });
    expect(sink.inbox.map((m) => m.to)).toEqual([['manager@example.com'], ['gone@example.com']]);
    expect(done.recipients.every((r) => r.status === 'sent')).toBe(true);
    expect(done.attempts).toBe(2);
  });

  it('after the last failed try the delivery is failed (never sent) and its owner is mailed', async () => {
    const w = world();
    http.failNext = 99;
    const url = http.url('/webhook/owner-test-secret-path');
    const sub = await w.subscriptions.save(
      subscription({
        deliveryMethod: 'webhook',
        recipients: [url],
        createdBy: 'owner@example.com',
      }),
    );
    const d = await deliverWithRetries(w, sub.id);

    expect(d.status).toBe('failed');
    expect(d.attempts).toBe(3);
    expect(d.error).toMatch(/answered 500/);
    expect(d.log.filter((l) => l.to === 'sent')).toEqual([]);
    expect(d.recipients[0]?.status).toBe('failed');
    expect(http.requests).toHaveLength(3);
    await waitFor(
      async () => (await w.deliveries.get(d.id)).note?.startsWith('owner told'),
      5_000,
      'owner note',
    );
    expect(sink.inbox).toHaveLength(1);
    const notice = sink.inbox[0]!;
    expect(notice.to).toEqual(['owner@example.com']);
    expect(notice.mail.subject).toMatch(new RegExp(`delivery ${d.id} failed`));
    expect(notice.mail.text).toMatch(/after 3 tries/);
    expect(notice.mail.text).toMatch(new RegExp(`leadwatch deliveries retry ${d.id}`));
    expect(notice.mail.text).not.toContain('owner-test-secret-path');
    const logged = w.db.sqlite
      .prepare(`SELECT message FROM error_log WHERE scope = 'delivery' AND detail = ?`)
      .all(`delivery:${d.id}`);
    expect(logged).toHaveLength(1);

    // deliveries.retry: a fresh round of tries; this time the webhook answers.
    http.failNext = 0;
    const retried = await w.deliveries.retry(d.id);
    expect(retried.status).toBe('sent');
    expect(retried.attempts).toBe(1);
    expect(
      (await w.deliveries.get(d.id)).log.some((l) => l.message?.startsWith('retry requested')),
    ).toBe(true);
  });

  it('skip-when-empty records an empty period as sent with a note and sends nothing', async () => {
    const w = world();
    w.producer.empty = true;
    const sub = await w.subscriptions.save(subscription({ skipWhenEmpty: true }));
    const d = await w.deliveries.sendNow({ subscriptionId: sub.id });
    expect(d.status).toBe('sent');
    expect(d.note).toMatch(/^skipped: empty/);
    expect(sink.inbox).toEqual([]);
    expect((await w.deliveries.get(d.id)).log.at(-1)).toMatchObject({
      from: 'rendering',
      to: 'sent',
    });

    // Without the option an empty report still goes out.
    const other = await w.subscriptions.save(subscription({ skipWhenEmpty: false }));
    const sent = await w.deliveries.sendNow({ subscriptionId: other.id });
    expect(sent.note).toBeNull();
    expect(sink.inbox).toHaveLength(1);
  });

  it('a delivery stuck in rendering past the working timeout is taken back by another instance', async () => {
    const a = world({ runner: { workingTimeoutMs: 400 } });
    const sub = await a.subscriptions.save(subscription());
    let release!: () => void;
    a.producer.hold = new Promise<void>((resolve) => (release = resolve));
    const hung = a.deliveries.sendNow({ subscriptionId: sub.id }); // hangs in rendering
    const id = await waitFor(
      async () => (await a.deliveries.list({ offset: 0, limit: 5 })).items[0]?.id,
    );
    expect((await a.deliveries.get(id)).status).toBe('rendering');

    // A second instance (same file, or same team database from another data dir), before
    // and after the lease runs out.
    const b = deliveryWorld(
      backend.pool() ? tempDir() : a.db.path.replace(/\/leadwatch\.db$/, ''),
      {
        pool: backend.pool(),
        config: { smtpUrl: sink.url },
        runner: { workingTimeoutMs: 5_000 },
      },
    );
    worlds.push(b);
    expect(await b.runner.runDue()).toEqual([]);
    await new Promise((r) => setTimeout(r, 450));
    expect(await b.runner.runDue()).toEqual([id]);
    const d = await b.deliveries.get(id);
    expect(d.status).toBe('sent');
    expect(d.attempts).toBe(2);
    expect(
      d.log.some(
        (l) => l.from === 'rendering' && l.to === 'pending' && /taken back/.test(l.message ?? ''),
      ),
    ).toBe(true);

    // The hung worker wakes up: it lost its lease, so it sends nothing and changes nothing.
    release();
    await hung;
    expect(sink.inbox).toHaveLength(1);
    expect((await a.deliveries.get(id)).status).toBe('sent');
  });

  it('no recipients and no default: the error says so, and the send is never shown as sent', async () => {
    const w = world({ config: { reportRecipients: [] }, maxAttempts: 1 });
    const sub = await w.subscriptions.save(subscription({ recipients: [], createdBy: null }));
    const d = await w.deliveries.sendNow({ subscriptionId: sub.id });
    expect(d.status).toBe('failed');
    expect(d.error).toMatch(/no recipients/);
    expect(d.note).toMatch(/owner not told/);
  });

  it('an ad-hoc send that fails tells nobody else: whoever sent it sees the failure', async () => {
    const w = world({ maxAttempts: 1 });
    http.failNext = 99;
    const d = await w.deliveries.sendNow({
      params: { type: 'daily', date: '2026-11-22', gymId: 'gym-1', branchId: null },
      method: 'webhook',
      recipients: [http.url('/adhoc')],
      templateId: null,
    });
    expect(d.status).toBe('failed');
    expect(d.note).toBeNull();
    expect(sink.inbox).toEqual([]); // REPORT_RECIPIENTS is set, but not mailed about it
  });
});
