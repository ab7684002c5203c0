/**
 * Issue 3: "a monitor killed after claiming is recovered by another". A real
 * `leadwatch monitor --once` process claims a session, renders its PDF and is stuck
 * sending it (the SMTP server never answers the data); it is SIGKILLed there. Another
 * instance must leave the session alone while the lease lives, and send it exactly once
 * when the lease has run out. MONITOR_LEASE_SECONDS is shortened so this takes seconds.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/core';
import { writeDemoToRedis } from '../../src/core/demo/into-redis';
import { redisTestPrefix, TEST_REDIS_URL } from '../helpers/redis-prefix';
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

// The child gets LEASE_KEPT_MS less than this to launch Chromium, render and reach DATA
// (seconds when idle); waiting the lease out is most of the test's time.
const LEASE_SECONDS = 20;
const temp = makeTempDir('leadwatch-monitor-crash-');
const keys = redisTestPrefix();
let stalling: StallingSmtp;
let smtp: SmtpSink;
let child: MonitorChild | null = null;
const cores: Core[] = [];

const env = (smtpUrl: string): Record<string, string> => ({
  REDIS_URL: TEST_REDIS_URL,
  REDIS_KEY_PREFIX: keys.prefix,
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

/** The Redis id a mail reports on, from its attachment `session_{id}.pdf`. */
const mailedId = (mail: ParsedMail) =>
  /^session_(.+)\.pdf$/.exec(mail.attachments[0]?.filename ?? '')?.[1];

async function leases(): Promise<{ key: string; value: string }[]> {
  const found: { key: string; value: string }[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await keys.redis.scan(
      cursor,
      'MATCH',
      `${keys.prefix}session:*:finalized`,
      'COUNT',
      500,
    );
    for (const key of batch) {
      const value = await keys.redis.get(key);
      if (value?.startsWith('lease:')) found.push({ key, value });
    }
    cursor = next;
  } while (cursor !== '0');
  return found;
}

beforeAll(async () => {
  [stalling, smtp] = await Promise.all([startStallingSmtp(), startSmtpSink()]);
  // A handful of sessions: enough that the survivor has others to send besides the claimed one.
  await writeDemoToRedis(keys.redis, {
    seed: 11,
    size: 'small',
    counts: { chatSessions: 8 },
    now: new Date(),
    prefix: keys.prefix,
  });
});

afterAll(async () => {
  await child?.kill();
  for (const core of cores) core.close();
  await Promise.all([stalling.close(), smtp.close()]);
  await keys.cleanup();
  temp.cleanup();
});

describe('a monitor killed after claiming (Redis)', () => {
  // ~25 s on an idle machine, most of it waiting out the lease; the limit is for loaded CI.
  it(
    'is recovered by another instance once its lease expired, with exactly one mail per session',
    { timeout: 120_000 },
    async () => {
      // The survivor mirrors the source first, so once the child is dead its sweep reaches the
      // claimed session (the oldest idle one: both take them in the same order) in a moment.
      const survivor = instance('survivor');
      await survivor.registry.call('sync.run', { source: 'redis' });
      child = startMonitorProcess({
        ...env(stalling.url),
        LEADWATCH_HOME: join(temp.dir, 'crashing'),
      });
      const [claimed] = await until(
        async () => {
          const found = await leases();
          return found.length > 0 ? found : null;
        },
        60_000,
        () => `the monitor process claiming (output: ${child?.output()})`,
      );
      if (!claimed) throw new Error('unreachable');
      // The lease names its holder: this host and the child's pid.
      expect(claimed.value.startsWith(`lease:${hostname()}:${child.pid}:`)).toBe(true);
      // Rendered and mid-send (the SMTP server holds the message unanswered), as a rule.
      await waitForMidSend(stalling, () => keys.redis.pttl(claimed.key));
      await child.kill();
      expect(await leases()).toHaveLength(1); // it worked one session at a time
      const claimedId = claimed.key.slice(keys.prefix.length).split(':')[1];

      // While the lease lives, the survivor sends everything else but not that session.
      expect(await keys.redis.pttl(claimed.key)).toBeGreaterThan(2_000);
      const during = await survivor.registry.call('monitor.runOnce');
      expect(during.failed).toEqual([]);
      expect(during.finalized).not.toContain(`redis:${claimedId}`);
      // Untouched: still the dead claimer's lease, or gone if it ran out during the sweep
      // (a session found busy waits for the next sweep); never taken or marked sent.
      expect([claimed.value, null]).toContain(await keys.redis.get(claimed.key));
      expect(smtp.inbox.map(mailedId)).not.toContain(claimedId);
      expect(during.finalized.length).toBeGreaterThan(0); // the demo has other idle sessions
      const sentDuring = smtp.inbox.length;
      expect(sentDuring).toBe(during.finalized.length);

      // The dead claimer's lease runs out by itself (nobody released it)…
      await until(
        async () => (await keys.redis.exists(claimed.key)) === 0,
        LEASE_SECONDS * 1000 + 1000,
      );
      // …and of two instances sweeping at once, exactly one sends it, and nothing else is resent.
      const after = await Promise.all([
        survivor.registry.call('monitor.runOnce'),
        instance('late').registry.call('monitor.runOnce'),
      ]);
      expect(after.flatMap((r) => r.finalized)).toEqual([`redis:${claimedId}`]);
      expect(smtp.inbox).toHaveLength(sentDuring + 1);
      expect(await keys.redis.get(claimed.key)).toBe('true');
      expect(await keys.redis.ttl(claimed.key)).toBeGreaterThan(6 * 86_400);

      // Exactly one mail per inactive session, each with its PDF, none twice.
      const ids = smtp.inbox.map(mailedId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.filter((id) => id === claimedId)).toHaveLength(1);
      for (const mail of smtp.inbox) {
        expect(mail.attachments[0]?.content.subarray(0, 5).toString()).toBe('%PDF-');
      }
      const listed = await survivor.registry.call('sessions.list', { limit: 500 });
      const inactive = listed.items.filter(
        (s) =>
          s.lastInteractionAt !== null &&
          Date.parse(s.lastInteractionAt) < Date.now() - 5 * 60_000 &&
          (s.messageCount > 0 || s.visitorName !== null),
      );
      expect(ids.sort()).toEqual(inactive.map((s) => s.id.replace(/^redis:/, '')).sort());
      // The killed process got no further than its one unanswered send (none if killed mid-render).
      expect(stalling.held).toBeLessThanOrEqual(1);
    },
  );
});
