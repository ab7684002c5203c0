import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { AppError } from '../rpc/errors';
import { sessionKeys } from '../sources/redis/keys';
import { deleteKeysUnder } from '../sources/redis/testing';
import { openStore, type Store } from '../store/open';
import { syncRedis } from './redis-sync';

const prefix = `lwtest:${randomUUID()}:`;
const ok = {
  user_data_collected: 'true',
  user_name: 'Asha',
  last_interaction: '2025-06-10T12:00:00',
};
const lead = { lead_score: '12', priority: 'medium', engagement_score: '4', total_queries: '3' };

/** Each broken session, what is wrong with it, and the error the sync must give. */
const broken: Record<
  string,
  {
    session?: Record<string, string>;
    lead?: Record<string, string>;
    chat?: string[];
    error: RegExp;
  }
> = {
  'no-time': {
    session: { user_data_collected: 'true', user_name: 'A' },
    error: /last_interaction is missing/,
  },
  'garbage-time': {
    session: { ...ok, last_interaction: 'yesterday at noon' },
    error: /last_interaction "yesterday at noon" is not an ISO 8601/,
  },
  'feb-30': {
    session: { ...ok, last_interaction: '2025-02-30T10:00:00' },
    error: /day 30 of a 28-day month/,
  },
  epoch: { session: { ...ok, last_interaction: '1749556800.25' }, error: /not an ISO 8601/ },
  future: {
    session: { ...ok, last_interaction: '2999-01-01T00:00:00' },
    error: /more than a day in the future/,
  },
  'bad-flag': {
    session: { ...ok, user_data_collected: 'yes please' },
    error: /user_data_collected "yes please"/,
  },
  'bad-priority': {
    session: ok,
    lead: { ...lead, priority: 'urgent' },
    error: /priority "urgent" is not one of/,
  },
  'bad-score': {
    session: ok,
    lead: { ...lead, lead_score: 'lots' },
    error: /lead_score "lots" is not a number/,
  },
  'bad-lead-time': {
    session: ok,
    lead: { ...lead, first_interaction: 'Tuesday' },
    error: /first_interaction "Tuesday"/,
  },
  'bad-line': {
    session: ok,
    chat: ['User: hi', 'Bot: hello', 'garbage line'],
    error: /chat line 3 starts with neither/,
  },
};

describe('syncRedis with malformed sessions', () => {
  let redis: Redis;
  const temp = makeTempDir();
  let store: Store;
  const keys = (id: string) => sessionKeys(prefix, id);

  beforeAll(async () => {
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    store = openStore(join(temp.dir, 'errors.db'));
    for (const [id, b] of Object.entries(broken)) {
      if (b.session) await redis.hset(keys(id).session, b.session);
      if (b.lead) await redis.hset(keys(id).lead, b.lead);
      if (b.chat) await redis.rpush(keys(id).chat, ...b.chat);
    }
    // Keys of the wrong Redis type.
    await redis.set(keys('wrong-type').session, 'not a hash');
    await redis.hset(keys('lead-wrong-type').session, ok);
    await redis.rpush(keys('lead-wrong-type').lead, 'not', 'a', 'hash');
    // Good sessions beside them, with the timestamp styles the chatbot writes.
    await redis.hset(keys('good-naive').session, ok);
    await redis.rpush(keys('good-naive').chat, 'User: what does it cost?', 'Bot: It depends.');
    await redis.hset(keys('good-offset').session, {
      ...ok,
      last_interaction: '2025-06-10T12:00:00.123456+05:30',
    });
    await redis.hset(keys('good-offset').lead, lead);
  });
  afterAll(async () => {
    store.close();
    temp.cleanup();
    await deleteKeysUnder(redis, prefix);
    redis.disconnect();
  });

  const errorLogCount = () =>
    (
      store.sqlite
        .prepare("SELECT COUNT(*) AS n FROM error_log WHERE scope = 'sync.redis'")
        .get() as { n: number }
    ).n;
  const row = (id: string) =>
    store.sqlite.prepare('SELECT * FROM chat_sessions WHERE id = ?').get(`redis:${id}`) as
      Record<string, unknown> | undefined;

  it('fails each malformed session with a clear error and syncs the rest', async () => {
    const summary = await syncRedis(store, redis, { prefix });
    const failed = new Map(summary.failed.map((f) => [f.id, f.error]));
    expect([...failed.keys()].sort()).toEqual(
      [...Object.keys(broken), 'lead-wrong-type', 'wrong-type'].sort(),
    );
    for (const [id, b] of Object.entries(broken)) expect(failed.get(id)).toMatch(b.error);
    expect(failed.get('wrong-type')).toMatch(/^Redis: WRONGTYPE/);
    expect(failed.get('lead-wrong-type')).toMatch(/^Redis: WRONGTYPE/);
    expect(summary).toMatchObject({ inserted: 2, scanned: 14 });

    expect(row('good-naive')).toMatchObject({
      last_interaction_at: '2025-06-10T12:00:00.000Z',
      message_count: 2,
    });
    expect(row('good-offset')).toMatchObject({
      last_interaction_at: '2025-06-10T06:30:00.123Z',
      priority: 'medium',
    });
    for (const id of Object.keys(broken)) expect(row(id)).toBeUndefined();

    const logged = store.sqlite
      .prepare(
        "SELECT detail, message FROM error_log WHERE scope = 'sync.redis' AND detail = 'feb-30'",
      )
      .all();
    expect(logged).toEqual([{ detail: 'feb-30', message: expect.stringMatching(/day 30/) }]);
    const job = store.sqlite.prepare("SELECT status FROM job_runs WHERE job = 'sync.redis'").get();
    expect(job).toEqual({ status: 'succeeded' });
  });

  it('reports them again on the next run without logging them twice, and takes a fixed one', async () => {
    const logged = errorLogCount();
    const again = await syncRedis(store, redis, { prefix });
    expect(again.failed).toHaveLength(12);
    expect(again).toMatchObject({ inserted: 0, unchanged: 2 });
    expect(errorLogCount()).toBe(logged);

    await redis.hset(keys('garbage-time').session, 'last_interaction', '2025-06-10T11:00:00Z');
    await redis.hset(keys('bad-priority').lead, 'priority', 'nonsense');
    const fixed = await syncRedis(store, redis, { prefix });
    expect(fixed.inserted).toBe(1);
    expect(fixed.failed.map((f) => f.id)).not.toContain('garbage-time');
    expect(fixed.failed.find((f) => f.id === 'bad-priority')?.error).toMatch(/"nonsense"/);
    // A changed error is logged; unchanged ones are not.
    expect(errorLogCount()).toBe(logged + 1);
  });

  it('fails a session whose write the store refuses, and still writes the rest of its batch', async () => {
    const strict = openStore(join(temp.dir, 'strict.db'));
    try {
      strict.sqlite.exec(
        "CREATE TRIGGER refuse BEFORE INSERT ON chat_sessions WHEN new.source_id = 'good-naive' BEGIN SELECT RAISE(ABORT, 'refused by the store'); END",
      );
      const summary = await syncRedis(strict, redis, { prefix });
      expect(summary.failed.find((f) => f.id === 'good-naive')?.error).toBe('refused by the store');
      expect(summary.inserted).toBe(2);
      const ids = strict.sqlite.prepare('SELECT source_id FROM chat_sessions ORDER BY 1').all();
      expect(ids).toEqual([{ source_id: 'garbage-time' }, { source_id: 'good-offset' }]);
      expect(strict.sqlite.prepare('SELECT COUNT(*) AS n FROM chat_messages').get()).toEqual({
        n: 0,
      });
    } finally {
      strict.close();
    }
  });

  it('reads zoneless times in SOURCE_TIMEZONE, re-mapping every session when it changes', async () => {
    const summary = await syncRedis(store, redis, { prefix, sourceTimezone: 'Asia/Kolkata' });
    expect(summary.updated).toBe(3);
    expect(row('good-naive')?.last_interaction_at).toBe('2025-06-10T06:30:00.000Z');
    expect(row('good-offset')?.last_interaction_at).toBe('2025-06-10T06:30:00.123Z');
    await expect(syncRedis(store, redis, { prefix, sourceTimezone: 'Mars/Base' })).rejects.toThrow(
      AppError,
    );
  });
});
