import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/core';
import { writeDemoToRedis } from '../../src/core/demo/into-redis';
import { redisTestPrefix, TEST_REDIS_URL } from '../helpers/redis-prefix';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { makeTempDir } from '../helpers/temp-dir';

const temp = makeTempDir('leadwatch-monitor-');
const keys = redisTestPrefix();
let smtp: SmtpSink;
const cores: Core[] = [];

function instance(name: string): Core {
  const core = createCore({
    dataDir: join(temp.dir, name),
    env: {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: keys.prefix,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'leadwatch@example.com',
      REPORT_RECIPIENTS: 'sales@example.com',
      INACTIVITY_MINUTES: '5',
      REPORT_TIMEZONE: 'UTC',
      CHROME_PATH: '/usr/bin/chromium',
    },
  });
  cores.push(core);
  return core;
}

let written: { chatSessions: number };

beforeAll(async () => {
  smtp = await startSmtpSink();
  // `now` is the real clock, so the demo's few just-active sessions stay under the threshold.
  written = await writeDemoToRedis(keys.redis, {
    seed: 7,
    size: 'small',
    now: new Date(),
    prefix: keys.prefix,
  });
});

afterAll(async () => {
  for (const core of cores) core.close();
  await smtp.close();
  await keys.cleanup();
  temp.cleanup();
});

describe('inactivity monitor, end to end (Redis, Chromium, SMTP)', () => {
  it('four instances racing send exactly one mail with a PDF per inactive session', async () => {
    smtp.failing = true;
    const first = instance('a');
    const failedRun = await first.registry.call('monitor.runOnce');
    // SMTP refuses: nothing is lost, nothing is marked sent, every report is retried later.
    expect(failedRun.finalized).toEqual([]);
    expect(failedRun.failed.length).toBeGreaterThan(0);
    expect(failedRun.failed[0]?.error).toMatch(/mail|SMTP|smtp/);
    expect(await keys.redis.keys(`${keys.prefix}session:*:finalized`)).toEqual([]);

    smtp.failing = false;
    const racers = [first, instance('b'), instance('c'), instance('d')];
    const runs = await Promise.all(racers.map((core) => core.registry.call('monitor.runOnce')));
    const sent = runs.flatMap((r) => r.finalized);
    expect(new Set(sent).size).toBe(sent.length); // no session twice
    expect(sent.length).toBe(failedRun.failed.length);
    expect(smtp.inbox).toHaveLength(sent.length);

    const info = await first.registry.call('sessions.list', { limit: 500 });
    const inactiveWithContent = info.items.filter(
      (s) =>
        s.source === 'redis' &&
        s.lastInteractionAt !== null &&
        Date.parse(s.lastInteractionAt) < Date.now() - 5 * 60_000 &&
        (s.messageCount > 0 || s.visitorName !== null),
    );
    expect(sent.length).toBe(inactiveWithContent.length);
    expect(sent.length).toBeLessThan(written.chatSessions); // the active ones wait

    for (const mail of smtp.inbox) {
      expect(mail.subject).toMatch(/ Session Report - /);
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]?.contentType).toBe('application/pdf');
      expect(mail.attachments[0]?.content.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const finalizedKey = `${keys.prefix}session:${sent[0]?.replace(/^redis:/, '')}:finalized`;
    expect(await keys.redis.get(finalizedKey)).toBe('true');
    expect(await keys.redis.ttl(finalizedKey)).toBeGreaterThan(6 * 86_400);

    // A second round finds nothing left to send.
    const again = await Promise.all(racers.map((core) => core.registry.call('monitor.runOnce')));
    expect(again.flatMap((r) => r.finalized)).toEqual([]);
    expect(smtp.inbox).toHaveLength(sent.length);
  });

  it('"end session now" reports an active session at once, and only once', async () => {
    const core = cores[0] ?? instance('a');
    const active = (await core.registry.call('sessions.list', { limit: 500 })).items.find(
      (s) => s.source === 'redis' && !s.finalized && s.messageCount > 0,
    );
    expect(active).toBeDefined();
    const before = smtp.inbox.length;
    const r = await core.registry.call('sessions.endNow', { id: active!.id });
    expect(r.outcome).toBe('sent');
    expect(smtp.inbox.length).toBe(before + 1);
    const other = cores[1] ?? instance('b');
    expect((await other.registry.call('sessions.endNow', { id: active!.id })).outcome).toBe(
      'already_finalized',
    );
    expect(smtp.inbox.length).toBe(before + 1);
  });
});
