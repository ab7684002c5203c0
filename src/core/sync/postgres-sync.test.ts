import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { demoStreams } from '../demo/generate';
import { writeDemoToPostgres } from '../demo/into-postgres';
import { webChatRows } from '../demo/local-rows';
import { AppError } from '../rpc/errors';
import { connectPostgres } from '../sources/postgres/connect';
import { connectRedis } from '../sources/redis/connect';
import { openStore, type Store } from '../store/open';
import { POSTGRES_STEPS, syncPostgres } from './postgres-sync';
import { syncAll } from './sync-all';
import type { PriorityRaised, SyncProgress } from './types';

const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `lwtest_sync_${randomUUID().replace(/-/g, '')}`;
const now = new Date('2025-06-10T14:00:00.000Z');
const CHATS = 150;
const demoOptions = { seed: 9, size: 'small' as const, now, counts: { webChatSessions: CHATS } };

function urlFor(db: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${db}`;
  return url.toString();
}

describe('syncPostgres', () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  let pool: pg.Pool;
  const temp = makeTempDir();
  const stores: Store[] = [];
  const open = (name: string) => {
    const store = openStore(join(temp.dir, `${name}.db`));
    stores.push(store);
    return store;
  };
  const chats = [...demoStreams(demoOptions).webChats()];

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    pool = await connectPostgres(urlFor(database));
    await writeDemoToPostgres(pool, demoOptions);
  });
  afterAll(async () => {
    for (const s of stores) s.close();
    temp.cleanup();
    await pool?.end();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  const row = (store: Store, id: string) =>
    store.sqlite.prepare('SELECT * FROM chat_sessions WHERE id = ?').get(`postgres:${id}`) as
      Record<string, unknown> | undefined;
  const transcript = (store: Store, id: string) =>
    store.sqlite
      .prepare(
        'SELECT id, seq, sender, text, sent_at FROM chat_messages WHERE session_id = ? ORDER BY seq',
      )
      .all(`postgres:${id}`) as {
      id: number;
      seq: number;
      sender: string;
      text: string;
      sent_at: string;
    }[];
  const snapshot = (store: Store) => ({
    sessions: store.sqlite.prepare('SELECT * FROM chat_sessions ORDER BY id').all(),
    messages: store.sqlite
      .prepare('SELECT COUNT(*) AS n, MAX(id) AS maxId FROM chat_messages')
      .get(),
  });
  const count = (store: Store) =>
    (store.sqlite.prepare('SELECT COUNT(*) AS n FROM chat_sessions').get() as { n: number }).n;

  describe('a fresh store, then changes upstream', () => {
    let store: Store;
    beforeAll(() => {
      store = open('main');
    });

    it('syncs every web chat exactly as the shared mapping maps it', async () => {
      const summary = await syncPostgres(store, pool);
      expect(summary).toMatchObject({
        source: 'postgres',
        scanned: CHATS,
        inserted: CHATS,
        failed: [],
      });
      const { rows } = await pool.query<{ session_id: string; max: string }>(
        'SELECT session_id, max(id)::text AS max FROM web_chat_messages GROUP BY session_id',
      );
      const maxIds = new Map(rows.map((r) => [r.session_id, r.max]));
      for (const w of chats) {
        const expected = webChatRows(w);
        const { source_hash, source_cursor, ...mapped } = expected.session;
        expect([source_hash, source_cursor]).toEqual([null, null]);
        const id = w.session.session_id;
        const { answers, ...rest } = mapped;
        const mirrored = row(store, id);
        expect(mirrored).toMatchObject({ ...rest, source_cursor: maxIds.get(id) ?? null });
        // jsonb keeps its own key order; the answers are the same.
        expect(JSON.parse(String(mirrored?.answers))).toEqual(answers && JSON.parse(answers));
        expect(
          transcript(store, id).map(({ seq, sender, text, sent_at }) => ({
            seq,
            sender,
            text,
            sent_at,
          })),
        ).toEqual(
          expected.messages.map(({ seq, sender, text, sent_at }) => ({
            seq,
            sender,
            text,
            sent_at,
          })),
        );
      }
      // Web chats have no upstream score: every one was scored, with its reasons.
      const scored = store.sqlite
        .prepare(
          'SELECT COUNT(*) AS n FROM chat_sessions WHERE priority IS NOT NULL AND lead_score IS NOT NULL',
        )
        .get();
      expect(scored).toEqual({ n: CHATS });
    });

    it('reads nothing on a second run when nothing changed', async () => {
      const before = snapshot(store);
      const summary = await syncPostgres(store, pool);
      expect(summary).toMatchObject({
        scanned: 0,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        vanished: 0,
      });
      expect(snapshot(store)).toEqual(before);
    });

    it('applies exactly the upstream changes: messages, rows, leads, new and deleted sessions', async () => {
      const mild = store.sqlite
        .prepare(
          "SELECT source_id, priority, visitor_name FROM chat_sessions WHERE source = 'postgres' AND priority IN ('low', 'medium') AND visitor_name IS NOT NULL ORDER BY source_id",
        )
        .all() as { source_id: string; priority: string; visitor_name: string }[];
      const withoutLead = chats.filter((w) => !w.lead).map((w) => w.session.session_id);
      const taken = new Set<string>();
      const pick = (ids: string[]) => {
        const id = ids.find((i) => !taken.has(i));
        if (!id) throw new Error('ran out of sessions');
        taken.add(id);
        return id;
      };
      const warmed = mild[0];
      if (!warmed) throw new Error('expected a low or medium web chat lead');
      taken.add(warmed.source_id);
      const all = chats.map((w) => w.session.session_id);
      const leadAdded = pick(withoutLead);
      const statusChanged = pick(all);
      const quietMessage = pick(all);
      const deleted = pick(all);
      const added = `session_new_${randomUUID()}`;
      const oldRows = transcript(store, warmed.source_id);

      await pool.query(
        `INSERT INTO web_chat_messages (session_id, sender, message, created_at) VALUES
           ($1, 'user', 'We need a quote urgently, can we book a demo this week? Ready to sign the contract.', now() - interval '5 seconds'),
           ($1, 'ai', 'Wonderful, I will set that up.', now())`,
        [warmed.source_id],
      );
      await pool.query(
        'UPDATE web_chat_sessions SET last_message_at = now(), updated_at = now() WHERE session_id = $1',
        [warmed.source_id],
      );
      await pool.query(
        `INSERT INTO web_chat_leads (session_id, name, email, phone, company, answers, created_at, updated_at)
         VALUES ($1, 'Dana Lee', 'dana@example.com', NULL, 'Lee Co', '{"Goal": "More leads"}', now(), now())`,
        [leadAdded],
      );
      await pool.query(
        "UPDATE web_chat_sessions SET completion_status = 'complete', archive_status = 'archived', updated_at = now() WHERE session_id = $1",
        [statusChanged],
      );
      // A message whose writer did not touch the session row: found by its id.
      await pool.query(
        "INSERT INTO web_chat_messages (session_id, sender, message, created_at) VALUES ($1, 'user', 'one more thing', now())",
        [quietMessage],
      );
      await pool.query('DELETE FROM web_chat_messages WHERE session_id = $1', [deleted]);
      await pool.query('DELETE FROM web_chat_leads WHERE session_id = $1', [deleted]);
      await pool.query('DELETE FROM web_chat_sessions WHERE session_id = $1', [deleted]);
      await pool.query(
        `INSERT INTO web_chat_sessions VALUES ($1, now() - interval '1 minute', now(), 'partial', 'active', true, now())`,
        [added],
      );
      await pool.query(
        `INSERT INTO web_chat_messages (session_id, sender, message, created_at)
         VALUES ($1, 'ai', 'Hi there!', now() - interval '1 minute'), ($1, 'user', 'hello', now())`,
        [added],
      );

      const heard: PriorityRaised[] = [];
      const summary = await syncPostgres(store, pool, { onPriorityRaised: (e) => heard.push(e) });
      expect(summary).toMatchObject({
        scanned: 5,
        inserted: 1,
        updated: 4,
        unchanged: 0,
        vanished: 1,
        failed: [],
      });

      const grown = transcript(store, warmed.source_id);
      expect(grown.slice(0, oldRows.length)).toEqual(oldRows);
      expect(grown.slice(oldRows.length).map((m) => [m.seq, m.sender])).toEqual([
        [oldRows.length, 'user'],
        [oldRows.length + 1, 'bot'],
      ]);
      expect(grown.at(-1)?.sent_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      const { rows: maxRows } = await pool.query<{ max: string }>(
        'SELECT max(id)::text AS max FROM web_chat_messages WHERE session_id = $1',
        [warmed.source_id],
      );
      expect(row(store, warmed.source_id)?.source_cursor).toBe(maxRows[0]?.max);
      const reasons = JSON.parse(String(row(store, warmed.source_id)?.score_reasons)) as {
        rule: string;
      }[];
      expect(reasons.map((r) => r.rule)).toEqual(
        expect.arrayContaining(['pricing', 'demo', 'buying', 'urgency']),
      );
      expect(heard).toEqual([
        {
          sessionId: `postgres:${warmed.source_id}`,
          visitorName: warmed.visitor_name,
          from: warmed.priority,
          to: row(store, warmed.source_id)?.priority,
        },
      ]);
      expect(['high', 'critical']).toContain(heard[0]?.to);

      expect(row(store, leadAdded)).toMatchObject({
        visitor_name: 'Dana Lee',
        company: 'Lee Co',
        user_data_collected: 1,
        answers: '{"Goal":"More leads"}',
      });
      expect(row(store, statusChanged)).toMatchObject({
        completion_status: 'complete',
        archive_status: 'archived',
      });
      expect(transcript(store, quietMessage).at(-1)?.text).toBe('one more thing');
      expect(row(store, deleted)?.vanished_at).toEqual(expect.any(String));
      expect(transcript(store, added).map((m) => m.sender)).toEqual(['bot', 'user']);

      // The overlap re-reads the sessions whose timestamps just moved (not the one found by
      // its message id alone), finds them unchanged, and writes nothing.
      const before = snapshot(store);
      const again = await syncPostgres(store, pool);
      expect(again).toMatchObject({
        scanned: 4,
        inserted: 0,
        updated: 0,
        unchanged: 4,
        vanished: 0,
      });
      expect(snapshot(store)).toEqual(before);
    });

    it('fails a malformed web chat alone and retries it once it is fixed', async () => {
      const [badSender, badAnswers] = chats.filter((w) => w.lead).map((w) => w.session.session_id);
      if (!badSender || !badAnswers) throw new Error('expected web chats with leads');
      const { rows } = await pool.query<{ id: string }>(
        "INSERT INTO web_chat_messages (session_id, sender, message, created_at) VALUES ($1, 'system', 'restarted', now()) RETURNING id::text",
        [badSender],
      );
      await pool.query(
        `UPDATE web_chat_leads SET answers = '[1, 2]', updated_at = now() WHERE session_id = $1`,
        [badAnswers],
      );
      const summary = await syncPostgres(store, pool, { overlapSeconds: 0 });
      expect(summary.failed).toEqual(
        [
          { id: badAnswers, error: expect.stringMatching(/answers is not a JSON object/) },
          { id: badSender, error: `message ${rows[0]?.id}: sender "system" is not "user" or "ai"` },
        ].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );

      // Fixed without touching any timestamp: found again through the retry list.
      await pool.query("UPDATE web_chat_messages SET sender = 'ai' WHERE id = $1", [rows[0]?.id]);
      await pool.query(`UPDATE web_chat_leads SET answers = '{}' WHERE session_id = $1`, [
        badAnswers,
      ]);
      const fixed = await syncPostgres(store, pool, { overlapSeconds: 0 });
      expect(fixed).toMatchObject({ failed: [], updated: 2 });
      expect(transcript(store, badSender).at(-1)).toMatchObject({
        sender: 'bot',
        text: 'restarted',
      });
    });
  });

  it('resumes an interrupted run after the last committed batch', async () => {
    const store = open('resume');
    const total = CHATS; // one deleted and one added above
    const stop = (p: SyncProgress) => {
      if (p.step === POSTGRES_STEPS.sessions && p.done === 40) throw new Error('crash');
    };
    await expect(syncPostgres(store, pool, { batchSize: 20, onProgress: stop })).rejects.toThrow(
      'crash',
    );
    expect(count(store)).toBe(40);
    const cursor = JSON.parse(
      (
        store.sqlite.prepare("SELECT cursor FROM sync_state WHERE source = 'postgres'").get() as {
          cursor: string;
        }
      ).cursor,
    ) as { pending: { afterSessionId: string } };
    expect(cursor.pending.afterSessionId).toEqual(expect.any(String));

    const resumed = await syncPostgres(store, pool, { batchSize: 20 });
    expect(resumed).toMatchObject({ scanned: total - 40, inserted: total - 40, failed: [] });
    expect(count(store)).toBe(total);
    expect(await syncPostgres(store, pool)).toMatchObject({ inserted: 0, updated: 0 });
  });

  it('reads another schema, and refuses an unsafe schema name', async () => {
    await writeDemoToPostgres(pool, {
      ...demoOptions,
      schema: 'team_b',
      counts: { webChatSessions: 12 },
    });
    const store = open('schema');
    expect(await syncPostgres(store, pool, { schema: 'team_b' })).toMatchObject({ inserted: 12 });
    const unsafe = syncPostgres(store, pool, { schema: 'x"; DROP TABLE web_chat_sessions; --' });
    await expect(unsafe).rejects.toThrow(AppError);
    await expect(unsafe).rejects.toThrow(/schema name/);
  });

  it('syncs every configured source, saying which one is down', async () => {
    await expect(connectRedis('redis://127.0.0.1:1')).rejects.toMatchObject({
      type: 'unavailable',
      message: expect.stringMatching(
        /Redis at redis:\/\/127\.0\.0\.1:1\/? is not reachable: .*ECONNREFUSED/,
      ),
    });
    const deadRedis = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    deadRedis.on('error', () => {});
    const store = open('all');
    try {
      const results = await syncAll(store, { redis: deadRedis, postgres: pool });
      expect(results).toEqual([
        { source: 'redis', ok: false, error: expect.any(String), unavailable: true },
        { source: 'postgres', ok: true, summary: expect.objectContaining({ inserted: CHATS }) },
      ]);
      const state = store.sqlite
        .prepare('SELECT source, last_error FROM sync_state ORDER BY source')
        .all();
      expect(state).toEqual([
        { source: 'postgres', last_error: null },
        { source: 'redis', last_error: expect.any(String) },
      ]);
    } finally {
      deadRedis.disconnect();
    }
  });
});
