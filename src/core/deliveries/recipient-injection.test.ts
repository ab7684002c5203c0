import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../../test/helpers/smtp-sink';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { createCore, type Core } from '../core';

/**
 * Hostile recipient lists against a real SMTP server, through the contract every entry point
 * uses (the page, the bridge, and the CLI's `report leads --send --to`, which calls
 * reports.leads.sendNow). Before the shared check, nodemailer read each of these as more
 * addresses and the server got RCPT TO for ones nobody typed.
 */
const INJECTED = [
  { entry: 'victim@example.test\r\nBcc: injected@evil.test', injected: 'injected@evil.test' },
  { entry: 'victim@example.test, injected@evil.test', injected: 'injected@evil.test' },
  { entry: '"Victim" <injected@evil.test>', injected: 'injected@evil.test' },
];

const temps: { cleanup(): void }[] = [];
const cores: Core[] = [];
let sink: SmtpSink;

function core(env: Record<string, string> = {}): Core {
  const temp = makeTempDir('leadwatch-recipients-');
  temps.push(temp);
  const c = createCore({
    dataDir: temp.dir,
    env: {
      SMTP_URL: sink.url,
      MAIL_FROM: 'Leadwatch <leadwatch@example.com>',
      REPORT_TIMEZONE: 'UTC',
      CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      ...env,
    },
  });
  cores.push(c);
  return c;
}

const adHoc = (recipients: string[]) => ({
  params: { type: 'daily' as const, gymId: 'gym-1', date: '2026-03-02' },
  method: 'email' as const,
  recipients,
});

/** The entry as the refusal quotes it (line breaks escaped, so the message stays one line). */
const quoted = (entry: string) => JSON.stringify(entry);

beforeAll(async () => {
  sink = await startSmtpSink();
});

afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  sink.inbox.length = 0;
  sink.rcptTo.length = 0;
});

afterAll(async () => {
  await sink.close();
  for (const t of temps) t.cleanup();
});

describe('recipients are one plain address each, at every entry point', () => {
  it.each(INJECTED)(
    'reports.leads.sendNow refuses $entry: no RCPT TO, nothing recorded',
    async ({ entry, injected }) => {
      const c = core();
      const r = await c.registry.dispatch('reports.leads.sendNow', adHoc([entry]));
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.type).toBe('invalid_input');
      expect(r.error.message).toContain(`Recipient ${quoted(entry)} is not an email address`);
      expect(sink.rcptTo).not.toContain(injected);
      expect(sink.rcptTo).toEqual([]);
      expect(sink.inbox).toEqual([]);
      // Nothing left pending to be sent again later.
      expect((await c.registry.call('deliveries.list', {})).total).toBe(0);
    },
    60_000,
  );

  it('a clean list beside a hostile one is refused whole: nothing goes to anyone', async () => {
    const c = core();
    const r = await c.registry.dispatch(
      'reports.leads.sendNow',
      adHoc(['manager@example.com', INJECTED[0]!.entry]),
    );
    expect(r).toMatchObject({ ok: false, error: { type: 'invalid_input' } });
    expect(sink.rcptTo).toEqual([]);
    expect((await c.registry.call('deliveries.list', {})).total).toBe(0);
  });

  it.each(INJECTED)('subscriptions.save refuses $entry, naming it', async ({ entry }) => {
    const c = core();
    const r = await c.registry.dispatch('subscriptions.save', {
      gymId: 'gym-1',
      reportType: 'daily',
      deliveryMethod: 'email',
      recipients: [entry],
      deliveryTime: '07:00',
      timezone: 'UTC',
    });
    expect(r).toMatchObject({ ok: false, error: { type: 'invalid_input' } });
    if (!r.ok) expect(r.error.message).toContain(quoted(entry));
    expect((await c.registry.call('subscriptions.list')).items).toEqual([]);
  });

  it('settings.set refuses a hostile REPORT_RECIPIENTS entry or MAIL_FROM and keeps what was saved', async () => {
    const c = core();
    await c.registry.call('settings.set', {
      reportRecipients: ['sales@example.com'],
      mailFrom: 'Reports <reports@example.com>',
    });
    for (const entry of INJECTED.map((i) => i.entry)) {
      const r = await c.registry.dispatch('settings.set', { reportRecipients: [entry] });
      expect(r).toMatchObject({ ok: false, error: { type: 'invalid_input' } });
      if (!r.ok) expect(r.error.message).toContain(quoted(entry));
    }
    for (const from of ['reports@example.com\r\nBcc: injected@evil.test', 'a@x.test, b@y.test']) {
      const r = await c.registry.dispatch('settings.set', { mailFrom: from });
      expect(r).toMatchObject({ ok: false, error: { type: 'invalid_input' } });
      if (!r.ok) expect(r.error.message).toContain(`Sender ${quoted(from)} is not valid`);
    }
    expect(await c.registry.call('settings.get')).toMatchObject({
      reportRecipients: ['sales@example.com'],
      mailFrom: 'Reports <reports@example.com>',
    });
  });

  it('a hostile REPORT_RECIPIENTS from the environment is refused at send time, naming it', async () => {
    // The environment is read as it is; its comma list splits, so only the other two survive whole.
    for (const { entry, injected } of [INJECTED[0]!, INJECTED[2]!]) {
      const c = core({ REPORT_RECIPIENTS: entry });
      const r = await c.registry.dispatch('reports.leads.sendNow', adHoc([]));
      expect(r).toMatchObject({ ok: false, error: { type: 'invalid_input' } });
      if (!r.ok) {
        expect(r.error.message).toContain(quoted(entry));
        expect(r.error.message).toContain('REPORT_RECIPIENTS');
      }
      expect(sink.rcptTo).not.toContain(injected);
      expect((await c.registry.call('deliveries.list', {})).total).toBe(0);
      c.close();
      cores.splice(cores.indexOf(c), 1);
    }
  });

  it('Slack and webhook recipients are http(s) URLs, with no line break hidden in them', async () => {
    const c = core();
    for (const [method, entry] of [
      ['slack', 'ftp://hooks.example.test/x'],
      ['webhook', 'http://127.0.0.1:9/hook\r\nX-Injected: 1'],
      ['webhook', 'manager@example.com'],
    ] as const) {
      const r = await c.registry.dispatch('reports.leads.sendNow', {
        ...adHoc([entry]),
        method,
      });
      expect(r).toMatchObject({ ok: false, error: { type: 'invalid_input' } });
      if (!r.ok) expect(r.error.message).toMatch(/is not an http\(s\) URL/);
    }
    expect((await c.registry.call('deliveries.list', {})).total).toBe(0);
  });
});
