import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { demoStreams } from '../demo/generate';
import { writeDemoToRedis } from '../demo/into-redis';
import { sessionKeys } from '../sources/redis/keys';
import { deleteKeysUnder } from '../sources/redis/testing';
import { openStore, type Store } from '../store/open';
import { syncRedis } from './redis-sync';
import type { PriorityRaised } from './types';

const now = new Date('2025-06-10T14:00:00.000Z');
const prefix = `lwtest:${randomUUID()}:`;
const demo = [
  ...demoStreams({ seed: 8, size: 'small', now, counts: { chatSessions: 120 } }).chatSessions(),
];

describe('hot-lead detection during sync', () => {
  let redis: Redis;
  const temp = makeTempDir();
  const path = join(temp.dir, 'alerts.db');
  let store: Store;
  const keys = (id: string) => sessionKeys(prefix, id);

  beforeAll(async () => {
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    await writeDemoToRedis(redis, {
      seed: 8,
      size: 'small',
      now,
      prefix,
      counts: { chatSessions: 120 },
    });
    store = openStore(path);
  });
  afterAll(async () => {
    store.close();
    temp.cleanup();
    await deleteKeysUnder(redis, prefix);
    redis.disconnect();
  });

  const sync = async () => {
    const heard: PriorityRaised[] = [];
    const summary = await syncRedis(store, redis, {
      prefix,
      onPriorityRaised: (e) => heard.push(e),
    });
    expect(summary.raised).toEqual(heard);
    return heard;
  };
  const alerts = (id: string) =>
    store.sqlite
      .prepare('SELECT level, announced FROM lead_alerts WHERE session_id = ? ORDER BY level')
      .all(`redis:${id}`);
  const priority = (id: string) =>
    (
      store.sqlite
        .prepare('SELECT priority FROM chat_sessions WHERE id = ?')
        .get(`redis:${id}`) as { priority: string }
    ).priority;

  const lukewarm = demo.find((s) => s.lead?.priority === 'medium' && s.session.user_name);
  const anonymous = demo.find((s) => !s.lead && s.chat.length > 0);

  it('records the hot leads of a first sync without announcing them', async () => {
    expect(await sync()).toEqual([]);
    const hot = demo.filter((s) => s.lead?.priority === 'high' || s.lead?.priority === 'critical');
    expect(hot.length).toBeGreaterThan(0);
    const recorded = store.sqlite
      .prepare('SELECT COUNT(DISTINCT session_id) AS n FROM lead_alerts')
      .get();
    expect(recorded).toEqual({ n: expect.any(Number) });
    expect((recorded as { n: number }).n).toBeGreaterThanOrEqual(hot.length);
    expect(
      store.sqlite.prepare('SELECT COUNT(*) AS n FROM lead_alerts WHERE announced = 1').get(),
    ).toEqual({ n: 0 });
  });

  it('announces a lead that rises to high exactly once, across runs and a restart', async () => {
    if (!lukewarm || !anonymous) throw new Error('expected a medium lead and a lead-less session');
    await redis.hset(keys(lukewarm.id).lead, 'priority', 'high');
    expect(await sync()).toEqual([
      {
        sessionId: `redis:${lukewarm.id}`,
        visitorName: lukewarm.session.user_name,
        from: 'medium',
        to: 'high',
      },
    ]);
    expect(await sync()).toEqual([]);
    await redis.hset(keys(lukewarm.id).lead, 'lead_score', '25');
    expect(await sync()).toEqual([]);

    // Restart: what was announced is remembered in the store, not in memory.
    store.close();
    store = openStore(path);
    await redis.hset(keys(lukewarm.id).lead, 'priority', 'medium');
    expect(await sync()).toEqual([]);
    await redis.hset(keys(lukewarm.id).lead, 'priority', 'high');
    expect(await sync()).toEqual([]);
    await redis.hset(keys(lukewarm.id).lead, 'priority', 'critical');
    expect(await sync()).toEqual([
      {
        sessionId: `redis:${lukewarm.id}`,
        visitorName: lukewarm.session.user_name,
        from: 'high',
        to: 'critical',
      },
    ]);
    expect(alerts(lukewarm.id)).toEqual([
      { level: 'critical', announced: 1 },
      { level: 'high', announced: 1 },
    ]);
    await redis.hset(keys(lukewarm.id).lead, 'priority', 'low');
    await sync();
    await redis.hset(keys(lukewarm.id).lead, 'priority', 'critical');
    expect(await sync()).toEqual([]);
  });

  it('announces a lead-less session whose transcript turns hot, from the computed score', async () => {
    if (!anonymous) throw new Error('expected a lead-less session');
    const before = priority(anonymous.id);
    expect(['low', 'medium']).toContain(before);
    await redis.rpush(
      keys(anonymous.id).chat,
      'User: We need a quote for 200 tonnes urgently, can we book a demo today? We are ready to purchase.',
      'Bot: Certainly.',
    );
    const heard = await sync();
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({
      sessionId: `redis:${anonymous.id}`,
      visitorName: null,
      from: before,
    });
    expect(['high', 'critical']).toContain(heard[0]?.to);
    const reasons = JSON.parse(
      (
        store.sqlite
          .prepare('SELECT score_reasons FROM chat_sessions WHERE id = ?')
          .get(`redis:${anonymous.id}`) as {
          score_reasons: string;
        }
      ).score_reasons,
    ) as { rule: string }[];
    expect(reasons.map((r) => r.rule)).toEqual(
      expect.arrayContaining(['pricing', 'demo', 'buying', 'urgency']),
    );
    expect(await sync()).toEqual([]);
  });

  it('announces everything hot on a first sync when asked to, once', async () => {
    const loud = openStore(join(temp.dir, 'loud.db'));
    try {
      const heard: PriorityRaised[] = [];
      await syncRedis(loud, redis, {
        prefix,
        quietFirstSync: false,
        onPriorityRaised: (e) => heard.push(e),
      });
      const hot = loud.sqlite
        .prepare("SELECT COUNT(*) AS n FROM chat_sessions WHERE priority IN ('high', 'critical')")
        .get() as { n: number };
      expect(heard).toHaveLength(hot.n);
      expect(heard.every((e) => e.from === null)).toBe(true);
      const second: PriorityRaised[] = [];
      await syncRedis(loud, redis, { prefix, full: true, onPriorityRaised: (e) => second.push(e) });
      expect(second).toEqual([]);
    } finally {
      loud.close();
    }
  });
});
