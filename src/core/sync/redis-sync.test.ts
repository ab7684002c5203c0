import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { demoStreams } from '../demo/generate';
import { writeDemoToRedis } from '../demo/into-redis';
import { redisChatRows } from '../demo/local-rows';
import type { RedisChatSession } from '../demo/types';
import { sessionKeys } from '../sources/redis/keys';
import { deleteKeysUnder } from '../sources/redis/testing';
import { SessionRepository } from '../sessions/session-repository';
import { openStore, type Store } from '../store/open';
import { REDIS_STEPS, syncRedis } from './redis-sync';
import type { SyncProgress } from './types';

const now = new Date('2025-06-10T14:00:00.000Z');
const prefix = `lwtest:${randomUUID()}:`;
const SESSIONS = 300;

describe('syncRedis', () => {
  let redis: Redis;
  const temp = makeTempDir();
  const stores: Store[] = [];
  const open = (name: string) => {
    const store = openStore(join(temp.dir, `${name}.db`));
    stores.push(store);
    return store;
  };
  const demo: RedisChatSession[] = [
    ...demoStreams({
      seed: 21,
      size: 'small',
      now,
      counts: { chatSessions: SESSIONS },
    }).chatSessions(),
  ];
  const keys = (id: string) => sessionKeys(prefix, id);

  beforeAll(async () => {
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    await writeDemoToRedis(redis, {
      seed: 21,
      size: 'small',
      now,
      prefix,
      counts: { chatSessions: SESSIONS },
    });
  });
  afterAll(async () => {
    for (const s of stores) s.close();
    temp.cleanup();
    await deleteKeysUnder(redis, prefix);
    redis.disconnect();
  });

  const count = (store: Store, sql: string, ...params: unknown[]) =>
    (store.sqlite.prepare(sql).get(...params) as { n: number }).n;
  const snapshot = (store: Store) => ({
    sessions: store.sqlite.prepare('SELECT * FROM chat_sessions ORDER BY id').all(),
    messages: store.sqlite
      .prepare(
        'SELECT COUNT(*) AS n, MAX(id) AS maxId, SUM(LENGTH(text)) AS chars FROM chat_messages',
      )
      .get(),
  });
  const transcript = (store: Store, id: string) =>
    store.sqlite
      .prepare('SELECT id, seq, sender, text FROM chat_messages WHERE session_id = ? ORDER BY seq')
      .all(`redis:${id}`) as { id: number; seq: number; sender: string; text: string }[];
  const row = (store: Store, id: string) =>
    store.sqlite.prepare('SELECT * FROM chat_sessions WHERE id = ?').get(`redis:${id}`) as
      Record<string, unknown> | undefined;

  describe('a fresh store, then changes upstream', () => {
    let store: Store;
    beforeAll(() => {
      store = open('main');
    });

    it('syncs a few hundred sessions exactly as the shared mapping maps them', async () => {
      const progress: SyncProgress[] = [];
      const summary = await syncRedis(store, redis, {
        prefix,
        onProgress: (p) => progress.push(p),
      });
      expect(summary).toMatchObject({
        source: 'redis',
        scanned: SESSIONS,
        inserted: SESSIONS,
        updated: 0,
        unchanged: 0,
        vanished: 0,
        failed: [],
        raised: [],
      });
      expect(count(store, 'SELECT COUNT(*) AS n FROM chat_sessions')).toBe(SESSIONS);
      expect(count(store, 'SELECT COUNT(*) AS n FROM chat_messages')).toBe(
        demo.reduce((n, s) => n + s.chat.length, 0),
      );

      for (const s of demo) {
        const expected = redisChatRows(s, now.getTime());
        const { source_hash, ...mapped } = expected.session;
        expect(source_hash).toBeNull();
        expect(row(store, s.id)).toMatchObject(mapped);
        expect(row(store, s.id)?.source_hash).toEqual(expect.any(String));
        expect(
          transcript(store, s.id).map(({ seq, sender, text }) => ({ seq, sender, text })),
        ).toEqual(expected.messages.map(({ seq, sender, text }) => ({ seq, sender, text })));
      }
      // Lead-less sessions were scored; every session carries its reasons.
      const unscored = count(
        store,
        "SELECT COUNT(*) AS n FROM chat_sessions WHERE priority IS NULL OR (message_count > 0 AND score_reasons = '[]')",
      );
      expect(unscored).toBe(0);

      const last = progress.filter((p) => p.step === REDIS_STEPS.sessions).at(-1);
      expect(last).toEqual({ step: REDIS_STEPS.sessions, done: SESSIONS, total: SESSIONS });
      const job = store.sqlite
        .prepare(
          "SELECT status, summary, error FROM job_runs WHERE job = 'sync.redis' ORDER BY id DESC",
        )
        .get() as { status: string; summary: string; error: string | null };
      expect(job.status).toBe('succeeded');
      expect(JSON.parse(job.summary)).toMatchObject({ inserted: SESSIONS, failedCount: 0 });
      const state = store.sqlite.prepare("SELECT * FROM sync_state WHERE source = 'redis'").get();
      expect(state).toMatchObject({ last_error: null, last_synced_at: expect.any(String) });
    });

    it('reports everything unchanged on a second run and writes nothing', async () => {
      const before = snapshot(store);
      const summary = await syncRedis(store, redis, { prefix });
      expect(summary).toMatchObject({
        scanned: SESSIONS,
        inserted: 0,
        updated: 0,
        unchanged: SESSIONS,
        vanished: 0,
        failed: [],
      });
      expect(snapshot(store)).toEqual(before);
    });

    it('applies exactly the upstream changes, and marks a deleted session vanished', async () => {
      const withChat = demo.filter((s) => s.chat.length >= 4 && s.lead);
      const [appended, edited, deleted, finalized, rewritten, shrunk] = withChat;
      if (!appended || !edited || !deleted || !finalized || !rewritten || !shrunk) {
        throw new Error('expected six sessions with transcripts');
      }
      const added = `added-${randomUUID()}`;
      const oldRows = transcript(store, appended.id);

      await redis.rpush(keys(appended.id).chat, 'User: can I get a quote?', 'Bot: Of course.');
      await redis.hset(keys(edited.id).session, 'user_name', 'Edited Name');
      await redis.del(keys(deleted.id).session, keys(deleted.id).lead, keys(deleted.id).chat);
      await redis.set(keys(finalized.id).finalized, 'true', 'EX', 7 * 86_400);
      const rewrittenChat = rewritten.chat.map((_, i) =>
        i % 2 ? `Bot: answer ${i}` : `User: q ${i}`,
      );
      await redis.del(keys(rewritten.id).chat);
      await redis.rpush(keys(rewritten.id).chat, ...rewrittenChat);
      await redis.ltrim(keys(shrunk.id).chat, 0, 1);
      await redis.hset(keys(added).session, {
        user_data_collected: 'false',
        last_interaction: '2025-06-10T13:59:00',
      });
      await redis.rpush(keys(added).chat, 'User: hello', 'Bot: Hi!');

      const summary = await syncRedis(store, redis, { prefix });
      expect(summary).toMatchObject({
        scanned: SESSIONS,
        inserted: 1,
        updated: 5,
        unchanged: SESSIONS - 6,
        vanished: 1,
        failed: [],
      });

      // Appended: the old rows kept (same ids), the new lines after them.
      const now2 = transcript(store, appended.id);
      expect(now2.slice(0, oldRows.length)).toEqual(oldRows);
      expect(now2.slice(oldRows.length).map((m) => [m.sender, m.text])).toEqual([
        ['user', 'can I get a quote?'],
        ['bot', 'Of course.'],
      ]);
      expect(row(store, appended.id)?.message_count).toBe(appended.chat.length + 2);
      expect(row(store, edited.id)?.visitor_name).toBe('Edited Name');
      expect(row(store, deleted.id)).toMatchObject({ vanished_at: expect.any(String) });
      expect(transcript(store, deleted.id)).toHaveLength(deleted.chat.length);
      expect(row(store, finalized.id)?.finalized_at).toEqual(expect.any(String));
      expect(transcript(store, rewritten.id).map((m) => m.text)).toEqual(
        rewrittenChat.map((l) => l.replace(/^(User|Bot): /, '')),
      );
      expect(transcript(store, shrunk.id).map((m) => m.seq)).toEqual([0, 1]);
      expect(row(store, added)).toMatchObject({ message_count: 2, priority: 'low' });

      // The search index holds exactly the mirror's messages: appended, reloaded, kept.
      const check =
        "INSERT INTO chat_messages_fts(chat_messages_fts, rank) VALUES ('integrity-check', 1)";
      expect(() => store.sqlite.prepare(check).run()).not.toThrow();
      expect(count(store, 'SELECT COUNT(*) AS n FROM chat_messages_fts_deferred')).toBe(0);
      const repo = new SessionRepository(store);
      const hits = (q: string) =>
        repo.list({ query: q, offset: 0, limit: 500 }).items.map((i) => i.id);
      expect(hits('"can I get a quote"')).toEqual([`redis:${appended.id}`]);
      expect(hits('"answer 3"')).toContain(`redis:${rewritten.id}`);

      // Nothing else changed, so nothing else moves on the next run.
      const again = await syncRedis(store, redis, { prefix });
      expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: SESSIONS, vanished: 0 });

      // A vanished session that comes back is un-marked.
      await redis.hset(keys(deleted.id).session, { ...deleted.session });
      await redis.rpush(keys(deleted.id).chat, ...deleted.chat);
      const back = await syncRedis(store, redis, { prefix });
      expect(back).toMatchObject({ inserted: 0, updated: 1, vanished: 0 });
      expect(row(store, deleted.id)?.vanished_at).toBeNull();
      // The finalized flag's expiry does not un-finalize: the report went out.
      await redis.del(keys(finalized.id).finalized);
      await syncRedis(store, redis, { prefix });
      expect(row(store, finalized.id)?.finalized_at).toEqual(expect.any(String));
    });
  });

  it('resumes an interrupted sync from the batches it committed', async () => {
    const store = open('resume');
    const total = (await syncRedis(open('count'), redis, { prefix })).scanned;
    const stopAt = (done: number) => (p: SyncProgress) => {
      if (p.step === REDIS_STEPS.sessions && p.done === done) throw new Error(`stopped at ${done}`);
    };
    await expect(
      syncRedis(store, redis, { prefix, batchSize: 50, onProgress: stopAt(100) }),
    ).rejects.toThrow('stopped at 100');
    expect(count(store, 'SELECT COUNT(*) AS n FROM chat_sessions')).toBe(100);
    const failedJob = store.sqlite
      .prepare("SELECT status, error FROM job_runs WHERE job = 'sync.redis' ORDER BY id DESC")
      .get();
    expect(failedJob).toEqual({ status: 'failed', error: 'stopped at 100' });
    expect(
      store.sqlite.prepare("SELECT last_error FROM sync_state WHERE source = 'redis'").get(),
    ).toEqual({
      last_error: 'stopped at 100',
    });

    // Cancelled between batches: the first two are unchanged, the third is new and kept.
    const abort = new AbortController();
    const cancelled = syncRedis(store, redis, {
      prefix,
      batchSize: 50,
      signal: abort.signal,
      onProgress: (p) => {
        if (p.step === REDIS_STEPS.sessions && p.done === 150) abort.abort();
      },
    });
    await expect(cancelled).rejects.toThrow(/abort/i);
    expect(count(store, 'SELECT COUNT(*) AS n FROM chat_sessions')).toBe(150);

    const resumed = await syncRedis(store, redis, { prefix, batchSize: 50 });
    expect(resumed).toMatchObject({
      inserted: total - 150,
      unchanged: 150,
      updated: 0,
      failed: [],
    });
    expect(count(store, 'SELECT COUNT(*) AS n FROM chat_sessions')).toBe(total);
  });
});
