/**
 * The same crash as monitor-crash.test.ts for PostgreSQL web chat sessions, whose claim is
 * a row in `leadwatch.session_claims` (a token and `lease_until`) instead of a Redis key.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/core';
import { writeDemoToPostgres } from '../../src/core/demo/into-postgres';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { makeTempDir } from '../helpers/temp-dir';
import {
  startMonitorProcess,
  startStallingSmtp,
  until,
  waitForMidSend,
  type MonitorChild,
  type StallingSmtp,
} from './crashed-monitor';

const LEASE_SECONDS = 20; // see monitor-crash.test.ts
const ADMIN_URL = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `lwtest_crash_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const url = new URL(ADMIN_URL);
url.pathname = `/${database}`;
const DATABASE_URL = url.toString();

const temp = makeTempDir('leadwatch-monitor-crash-pg-');
let pool: pg.Pool;
let stalling: StallingSmtp;
let smtp: SmtpSink;
let child: MonitorChild | null = null;
const cores: Core[] = [];

const env = (smtpUrl: string): Record<string, string> => ({
  DATABASE_URL,
  SMTP_URL: smtpUrl,
  MAIL_FROM: 'leadwatch@example.com',
  REPORT_RECIPIENTS: 'sales@example.com',
  INACTIVITY_MINUTES: '5',
  REPORT_TIMEZONE: 'UTC',
  CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  MONITOR_LEASE_SECONDS: String(LEASE_SECONDS),
});

function instance(name: string): Core {
  const core = createCore({ dataDir: join(temp.dir, name), env: env(smtp.url) });
  cores.push(core);
  return core;
}

/** The web chat id a mail reports on, from its attachment `session_postgres_{id}.pdf`. */
const mailedId = (mail: ParsedMail) =>
  /^session_postgres_(.+)\.pdf$/.exec(mail.attachments[0]?.filename ?? '')?.[1];

interface ClaimRow {
  session_id: string;
  token: string | null;
  live: boolean;
  finalized: boolean;
}

async function claimRows(): Promise<ClaimRow[]> {
  // The table appears with the first claim; before that there is nothing to read.
  const exists = await pool.query("SELECT to_regclass('leadwatch.session_claims') AS t");
  if (!exists.rows[0]?.t) return [];
  const r = await pool.query<ClaimRow>(
    `SELECT session_id, token, lease_until > now() AS live, finalized_at IS NOT NULL AS finalized
     FROM leadwatch.session_claims`,
  );
  return r.rows;
}

async function leaseLeftMs(sessionId: string): Promise<number> {
  const r = await pool.query<{ ms: number }>(
    `SELECT extract(epoch FROM lease_until - now())::float * 1000 AS ms
     FROM leadwatch.session_claims WHERE session_id = $1`,
    [sessionId],
  );
  return r.rows[0]?.ms ?? 0;
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
  [stalling, smtp] = await Promise.all([startStallingSmtp(), startSmtpSink()]);
  await writeDemoToPostgres(pool, {
    seed: 5,
    size: 'small',
    now: new Date(),
    counts: { webChatSessions: 8, gymLeads: 0, callLogs: 0, shopUsers: 0, shopEvents: 0 },
  });
});

afterAll(async () => {
  await child?.kill();
  for (const core of cores) core.close();
  await Promise.all([stalling.close(), smtp.close()]);
  await pool.end();
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
  temp.cleanup();
});

describe('a monitor killed after claiming (PostgreSQL web chat)', () => {
  // ~25 s on an idle machine, most of it waiting out the lease; the limit is for loaded CI.
  it(
    'is recovered by another instance once its lease expired, with exactly one mail per session',
    { timeout: 120_000 },
    async () => {
      // The survivor mirrors the source first, so once the child is dead its sweep reaches the
      // claimed session (the oldest idle one: both take them in the same order) in a moment.
      const survivor = instance('survivor');
      await survivor.registry.call('sync.run', { source: 'postgres' });
      child = startMonitorProcess({ ...env(stalling.url), LEADWATCH_HOME: join(temp.dir, 'dead') });
      const claimed = await until(
        async () => (await claimRows()).find((r) => r.live && !r.finalized),
        60_000,
        () => `the monitor process claiming (output: ${child?.output()})`,
      );
      expect(claimed.token?.startsWith(`lease:${hostname()}:${child.pid}:`)).toBe(true);
      await waitForMidSend(stalling, () => leaseLeftMs(claimed.session_id));
      await child.kill();
      expect((await claimRows()).filter((r) => r.live)).toHaveLength(1);

      // The next sweep runs while the lease lives.
      expect(await leaseLeftMs(claimed.session_id)).toBeGreaterThan(2_000);
      const during = await survivor.registry.call('monitor.runOnce');
      expect(during.failed).toEqual([]);
      expect(during.finalized).not.toContain(`postgres:${claimed.session_id}`);
      expect(during.finalized.length).toBeGreaterThan(0);
      const row = (await claimRows()).find((r) => r.session_id === claimed.session_id);
      expect(row).toMatchObject({ token: claimed.token, finalized: false }); // untouched
      expect(smtp.inbox.map(mailedId)).not.toContain(claimed.session_id);
      const sentDuring = smtp.inbox.length;

      await until(
        async () =>
          !(await claimRows()).find((r) => r.session_id === claimed.session_id)?.live || null,
        LEASE_SECONDS * 1000 + 1000,
      );
      const after = await Promise.all([
        survivor.registry.call('monitor.runOnce'),
        instance('late').registry.call('monitor.runOnce'),
      ]);
      expect(after.flatMap((r) => r.finalized)).toEqual([`postgres:${claimed.session_id}`]);
      expect(smtp.inbox).toHaveLength(sentDuring + 1);
      const done = (await claimRows()).find((r) => r.session_id === claimed.session_id);
      expect(done).toMatchObject({ finalized: true, token: null });

      const ids = smtp.inbox.map(mailedId);
      expect(new Set(ids).size).toBe(ids.length);
      const rows = await claimRows();
      expect(rows.every((r) => r.finalized)).toBe(true); // every claim ended in a sent report
      expect(ids.sort()).toEqual(rows.map((r) => r.session_id).sort());
      // The killed process got no further than its one unanswered send (none if killed mid-render).
      expect(stalling.held).toBeLessThanOrEqual(1);
    },
  );
});
