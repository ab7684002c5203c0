/**
 * `leadwatch report leads … --send [--to LIST]` as a user runs it: the app's Send now through
 * the delivery ledger, mailed to a real SMTP server, from the local store and from PostgreSQL.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempPostgres, type TempPostgres } from '../../src/core/reports/leads/testing/databases';
import { runCli } from '../helpers/run-cli';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { makeTempDir } from '../helpers/temp-dir';

const temp = makeTempDir('leadwatch-cli-send-');
const home = join(temp.dir, 'home');
let sink: SmtpSink;
let gymId: string;

const env = (extra: Record<string, string> = {}) => ({
  LEADWATCH_HOME: home,
  SMTP_URL: sink.url,
  MAIL_FROM: 'leadwatch@example.com',
  REPORT_TIMEZONE: 'UTC',
  CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  ...extra,
});
const leadwatch = (args: string[], extra: Record<string, string> = {}) => runCli(args, env(extra));

// Yesterday in London: the demo's data runs up to the current hour.
const date = () => DateTime.now().setZone('Europe/London').minus({ days: 1 }).toISODate() ?? '';
const weekly = () => [
  'report',
  'leads',
  '--type',
  'weekly',
  '--date',
  date(),
  '--gym',
  gymId,
  '--timezone',
  'Europe/London',
];

interface Delivery {
  id: number;
  status: string;
  trigger: string;
  method: string;
  gymId: string;
  error: string | null;
  recipients: { recipient: string; status: string }[];
}

beforeAll(async () => {
  sink = await startSmtpSink();
  expect((await leadwatch(['demo', '--size', 'small', '--seed', '5'])).code).toBe(0);
  const db = new Database(join(home, 'leadwatch.db'), { readonly: true });
  gymId = (
    db.prepare('SELECT gym_id FROM leads GROUP BY gym_id ORDER BY count(*) DESC').get() as {
      gym_id: string;
    }
  ).gym_id;
  db.close();
}, 120_000);
beforeEach(() => {
  sink.inbox.length = 0;
  sink.failing = false;
});
afterAll(async () => {
  await sink?.close();
  temp.cleanup();
});

describe('leadwatch report leads --send', () => {
  it('mails the PDF once to --to and records a sent delivery; a retry names the command for another copy', async () => {
    const r = await leadwatch([...weekly(), '--send', '--to', 'boss@example.com, ops@example.com']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const id = Number(/^delivery (\d+): sent to /.exec(r.stdout)?.[1]);
    expect(r.stdout.trim()).toBe(`delivery ${id}: sent to boss@example.com, ops@example.com`);

    expect(sink.inbox).toHaveLength(1);
    const mail = sink.inbox[0]!;
    const to = [mail.to].flat().flatMap((a) => a?.value.map((v) => v.address));
    expect(to).toEqual(['boss@example.com', 'ops@example.com']);
    expect(mail.subject).toMatch(/^Weekly lead report/);
    expect(mail.attachments[0]?.content.subarray(0, 5).toString()).toBe('%PDF-');

    // The same ledger as the app's Send now: in the history, manual, sent.
    const list = await leadwatch(['deliveries', '--json']);
    const { items } = JSON.parse(list.stdout) as { items: Delivery[] };
    expect(items.find((d) => d.id === id)).toMatchObject({
      status: 'sent',
      trigger: 'manual',
      method: 'email',
      gymId,
    });

    const again = await leadwatch(['deliveries', 'retry', String(id)]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      `leadwatch report leads --type weekly --date ${date()} --gym ${gymId} --timezone Europe/London --send`,
    );
    expect(again.stderr).not.toMatch(/use send now/i);
    expect(sink.inbox).toHaveLength(1);
  }, 180_000);

  it('without --to, mails the configured recipients, as the app’s Send now does; --json gives the delivery', async () => {
    const r = await leadwatch([...weekly(), '--send', '--json'], {
      REPORT_RECIPIENTS: 'team@example.com',
    });
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as Delivery & { report?: unknown };
    expect(d).toMatchObject({ status: 'sent', recipients: [{ recipient: 'team@example.com' }] });
    expect(d.report).toBeUndefined();
    expect(sink.inbox.map((m) => m.to && [m.to].flat()[0]?.text)).toEqual(['team@example.com']);
  }, 180_000);

  it('exits 1 with the reason when the mail is refused, and the delivery is failed', async () => {
    sink.failing = true;
    const r = await leadwatch([...weekly(), '--send', '--to', 'boss@example.com'], {
      DELIVERY_MAX_ATTEMPTS: '1',
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^delivery \d+: failed: .*451 try again later/);
    expect(sink.inbox).toHaveLength(0);
  }, 180_000);

  it('refuses what cannot be sent as usage errors (exit 2), nothing mailed', async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [[...weekly(), '--to', 'a@example.com'], {}, /--to goes with --send/],
      [[...weekly(), '--send', '--out', join(temp.dir, 'r.pdf')], {}, /leave out --out/],
      [[...weekly(), '--send', '--format', 'pdf'], {}, /--format/],
      [[...weekly(), '--send', '--to', ' , '], {}, /--to needs at least one address/],
      [[...weekly(), '--send'], {}, /--send needs recipients: pass --to .* REPORT_RECIPIENTS/],
      // Core checks every recipient; the CLI shows its refusal in one line, no contract path.
      [
        [...weekly(), '--send', '--to', 'ok@example.com,not-an-address'],
        {},
        /^leadwatch: --to: [^\n]*"not-an-address"[^\n]*not an email address[^\n]*\n$/,
      ],
    ];
    const runs = await Promise.all(cases.map(([args, extra]) => leadwatch(args, extra)));
    runs.forEach((r, i) => {
      expect({ i, code: r.code }).toEqual({ i, code: 2 });
      expect(r.stderr).toMatch(cases[i]![2]);
    });
    expect(sink.inbox).toHaveLength(0);
  }, 180_000);
});

describe('leadwatch report leads --send with PostgreSQL', () => {
  let team: TempPostgres;
  const pgHome = join(temp.dir, 'pg-home');
  const pgEnv = () => ({ LEADWATCH_HOME: pgHome, DATABASE_URL: team.url });
  beforeAll(async () => {
    team = await tempPostgres('cli_send');
    const demo = await leadwatch(['demo', '--into', 'postgres', '--size', 'small'], pgEnv());
    expect(demo.code, demo.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await team?.drop();
  });

  it('reports from PostgreSQL and records the delivery in the team ledger', async () => {
    const gym = (
      await team.pool.query<{ gym_id: string }>(
        'SELECT gym_id::text FROM leads GROUP BY 1 ORDER BY count(*) DESC LIMIT 1',
      )
    ).rows[0]!.gym_id;
    const args = weekly().map((a) => (a === gymId ? gym : a));
    const r = await leadwatch([...args, '--send', '--to', 'pg@example.com'], pgEnv());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(sink.inbox).toHaveLength(1);
    expect(sink.inbox[0]!.subject).toMatch(/^Weekly lead report/);
    // Another machine on the same team database sees the delivery.
    const other = await leadwatch(['deliveries', '--json'], {
      ...pgEnv(),
      LEADWATCH_HOME: join(temp.dir, 'other'),
    });
    expect((JSON.parse(other.stdout) as { items: Delivery[] }).items).toEqual([
      expect.objectContaining({ status: 'sent', gymId: gym }),
    ]);
  }, 180_000);
});
