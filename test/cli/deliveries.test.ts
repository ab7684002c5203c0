import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/core';
import { startMailSink, type MailSink } from '../../src/core/deliveries/testing/mail-sink';
import { waitFor } from '../../src/core/deliveries/testing/wait';
import { tempPostgres } from '../../src/core/reports/leads/testing/databases';
import { makeTempDir } from '../helpers/temp-dir';

const bin = join(__dirname, '..', '..', 'bin', 'leadwatch.js');
const temp = makeTempDir('leadwatch-cli-deliveries-');
const home = join(temp.dir, 'home');
let sink: MailSink;
const daemons: ChildProcess[] = [];

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const clean = { ...process.env };
  for (const key of ['REDIS_URL', 'DATABASE_URL', 'REPORT_RECIPIENTS']) delete clean[key];
  return {
    ...clean,
    LEADWATCH_HOME: home,
    SMTP_URL: sink.url,
    MAIL_FROM: 'leadwatch@example.com',
    REPORT_TIMEZONE: 'UTC',
    CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    ...extra,
  };
}

/** Async, not spawnSync: the SMTP sink lives in this process and must keep answering. */
function leadwatch(
  args: string[],
  extra: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: env(extra) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function core(extra: Record<string, string> = {}) {
  return createCore({ dataDir: home, env: env(extra) });
}

const leadMails = () => sink.inbox.filter((m) => /lead report/i.test(m.mail.subject ?? ''));

beforeAll(async () => {
  sink = await startMailSink();
  expect((await leadwatch(['demo', '--size', 'small'])).code).toBe(0);
});

afterAll(async () => {
  for (const d of daemons) if (d.exitCode === null) d.kill('SIGKILL');
  await sink.close();
  temp.cleanup();
});

describe('scheduled deliveries through the CLI', () => {
  it('two `leadwatch daemon`s deliver a subscription due in seconds exactly once, PDF attached', async () => {
    // Both daemons first (start-up under load can take long), polling every second so a
    // subscription saved by another process is planned at once.
    const logs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const d = spawn(process.execPath, [bin, 'daemon'], {
        env: env({ DELIVERY_POLL_SECONDS: '1' }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      d.stdout!.on('data', (b: Buffer) => logs.push(`${i}: ${b.toString().trim()}`));
      d.stderr!.on('data', (b: Buffer) => logs.push(`${i} err: ${b.toString().trim()}`));
      daemons.push(d);
    }
    await waitFor(
      () => logs.filter((l) => /scheduler started/.test(l)).length === 2,
      120_000,
      'daemons',
    );

    const c = core();
    const gym = (
      c.store.sqlite.prepare('SELECT gym_id FROM leads LIMIT 1').get() as { gym_id: string }
    ).gym_id;
    // The demo names its gyms: the mail says the name, not the id.
    const gymName = (await c.registry.call('gymNames.list', undefined)).items.find(
      (g) => g.gymId === gym && g.branchId === null,
    )?.name;
    expect(gymName).toBeTruthy();
    const due = DateTime.now().setZone('Europe/Berlin').plus({ seconds: 5 }).startOf('second');
    const sub = await c.registry.call('subscriptions.save', {
      gymId: gym,
      reportType: 'daily',
      deliveryMethod: 'email',
      recipients: ['manager@example.com'],
      deliveryTime: due.toFormat('HH:mm:ss'),
      timezone: 'Europe/Berlin',
      createdBy: 'owner@example.com',
    });
    c.close();

    await waitFor(() => leadMails().length > 0, 90_000, 'the report mail');
    await new Promise((r) => setTimeout(r, 3_000)); // time for a duplicate to show up
    expect(leadMails()).toHaveLength(1);
    const mail = leadMails()[0]!;
    expect(mail.to).toEqual(['manager@example.com']);
    expect(mail.mail.subject).toContain(gymName);
    expect(mail.mail.attachments[0]?.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(logs.filter((l) => /delivery \d+: sent/.test(l))).toHaveLength(1);

    for (const d of daemons) d.kill('SIGTERM');
    await waitFor(() => daemons.every((d) => d.exitCode !== null), 60_000, 'daemons to stop');
    expect(daemons.map((d) => d.exitCode)).toEqual([0, 0]);
    // Both daemons wrote their lines to the data dir's log too, started to stopped.
    const fileLog = readFileSync(join(home, 'logs', 'daemon.log'), 'utf8');
    expect(fileLog.match(/daemon started/g)).toHaveLength(2);
    expect(fileLog.match(/daemon stopped/g)).toHaveLength(2);
    expect(fileLog.match(/delivery \d+: sent/g)).toHaveLength(1);

    const list = await leadwatch(['deliveries', '--json']);
    expect(list.code).toBe(0);
    const parsed = JSON.parse(list.stdout) as {
      items: { id: number; status: string; subscriptionId: number }[];
    };
    expect(parsed.items).toEqual([
      expect.objectContaining({ status: 'sent', subscriptionId: sub.id }),
    ]);
    const human = await leadwatch(['deliveries']);
    expect(human.stdout).toMatch(/^id\s+status\s+method/);
    expect(human.stdout).toMatch(/sent\s+email\s+daily/);
    // Retrying a sent delivery is refused (exit 1), not sent again.
    const again = await leadwatch(['deliveries', 'retry', String(parsed.items[0]!.id)]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already sent/);
  }, 300_000);

  it('`deliveries --status failed` and `deliveries retry <id>`: exit 0 once it is sent', async () => {
    const c = core({ DELIVERY_MAX_ATTEMPTS: '1' });
    const sub = await c.registry.call('subscriptions.save', {
      gymId: 'gym-none',
      reportType: 'daily',
      deliveryMethod: 'email',
      recipients: ['late@example.com'],
      deliveryTime: '07:00',
      timezone: 'UTC',
    });
    sink.failNext = 1;
    const failed = await c.registry.call('reports.leads.sendNow', { subscriptionId: sub.id });
    c.close();
    expect(failed.status).toBe('failed');

    const list = await leadwatch(['deliveries', '--status', 'failed', '--json']);
    expect(JSON.parse(list.stdout)).toMatchObject({
      items: [{ id: failed.id, status: 'failed' }],
      total: 1,
    });
    const [badStatus, badId, unknownId] = await Promise.all([
      leadwatch(['deliveries', '--status', 'lost']),
      leadwatch(['deliveries', 'retry', 'abc']),
      leadwatch(['deliveries', 'retry', '99999']),
    ]);
    expect([badStatus.code, badId.code, unknownId.code]).toEqual([2, 2, 1]);
    expect(unknownId.stderr).toMatch(/Delivery 99999 was not found/);

    const before = sink.inbox.filter((m) => m.to.includes('late@example.com')).length;
    const retry = await leadwatch(['deliveries', 'retry', String(failed.id)]);
    expect({ code: retry.code, stdout: retry.stdout, stderr: retry.stderr }).toMatchObject({
      code: 0,
      stderr: '',
    });
    expect(retry.stdout).toMatch(new RegExp(`delivery ${failed.id}: sent`));
    expect(sink.inbox.filter((m) => m.to.includes('late@example.com')).length).toBe(before + 1);
  }, 300_000);

  it('two daemons on different machines sharing the team PostgreSQL deliver the demo gym’s report once', async () => {
    const team = await tempPostgres('cli_team');
    const teamEnv = (dir: string) => ({
      LEADWATCH_HOME: dir,
      DATABASE_URL: team.url,
      DELIVERY_POLL_SECONDS: '1',
    });
    const machines = [join(temp.dir, 'laptop'), join(temp.dir, 'server')];
    try {
      const demo = await leadwatch(['demo', '--into', 'postgres', '--size', 'small'], {
        DATABASE_URL: team.url,
      });
      expect(demo.code, demo.stderr).toBe(0);
      const logs: string[] = [];
      const pair = machines.map((dir, i) => {
        const d = spawn(process.execPath, [bin, 'daemon'], {
          env: env(teamEnv(dir)),
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        d.stdout!.on('data', (b: Buffer) => logs.push(`${i}: ${b.toString().trim()}`));
        d.stderr!.on('data', (b: Buffer) => logs.push(`${i} err: ${b.toString().trim()}`));
        daemons.push(d);
        return d;
      });
      await waitFor(
        () =>
          logs.filter((l) =>
            /scheduler started: \d+ active subscriptions in the team database/.test(l),
          ).length === 2,
        120_000,
        'daemons',
      );

      // The subscription is made on a third machine: only the database is shared.
      const gym = (
        await team.pool.query<{ gym_id: string }>(
          'SELECT gym_id::text FROM leads GROUP BY 1 ORDER BY count(*) DESC LIMIT 1',
        )
      ).rows[0]!.gym_id;
      const c = createCore({
        dataDir: join(temp.dir, 'desk'),
        env: env(teamEnv(join(temp.dir, 'desk'))),
      });
      const due = DateTime.now().setZone('Asia/Tokyo').plus({ seconds: 6 }).startOf('second');
      const sub = await c.registry.call('subscriptions.save', {
        gymId: gym,
        reportType: 'daily',
        deliveryMethod: 'email',
        recipients: ['team@example.com'],
        deliveryTime: due.toFormat('HH:mm:ss'),
        timezone: 'Asia/Tokyo',
        createdBy: 'owner@example.com',
      });

      const teamMails = () => sink.inbox.filter((m) => m.to.includes('team@example.com'));
      await waitFor(() => teamMails().length > 0, 90_000, 'the report mail');
      await new Promise((r) => setTimeout(r, 3_000)); // time for a duplicate to show up
      expect(teamMails()).toHaveLength(1);
      expect(teamMails()[0]!.mail.attachments[0]?.content.subarray(0, 5).toString()).toBe('%PDF-');
      expect(logs.filter((l) => /delivery \d+: sent/.test(l))).toHaveLength(1);

      // Every machine sees the one delivery, computed from PostgreSQL's rows.
      const { items } = await c.registry.call('deliveries.list', {});
      expect(items).toEqual([expect.objectContaining({ status: 'sent', subscriptionId: sub.id })]);
      const detail = await c.registry.call('deliveries.get', { id: items[0]!.id });
      expect(detail.report).toMatchObject({ gym_id: gym, report_type: 'daily' });
      c.close();

      for (const d of pair) d.kill('SIGTERM');
      await waitFor(() => pair.every((d) => d.exitCode !== null), 60_000, 'daemons to stop');
    } finally {
      for (const d of daemons) if (d.exitCode === null) d.kill('SIGKILL');
      await team.drop();
    }
  }, 300_000);
});
