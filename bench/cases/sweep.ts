/**
 * The inactivity monitor's sweep: finding the sessions that are due a report (idle longer
 * than INACTIVITY_MINUTES, not finalized) among all of them, and claiming each in Redis.
 * Leadwatch asks the mirror (one indexed query) and then claims only the candidates; the
 * baseline asks Redis about every session, one command at a time.
 *
 * The state is a team's steady state: every session's report went out long ago except the
 * newest 1% (due now) and the empty ones (no visitor data, no messages: never reported, so
 * never finalized). Nothing is mailed: the monitor gets a sender that records the session
 * ids it is handed, so the figure is discovery + claims, not rendering or SMTP.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Redis } from 'ioredis';
import type { SessionDetail } from '../../src/shared/contract';
import { InactivityMonitor, type ReportSender } from '../../src/core/monitor/monitor';
import { LocalSessionClaims } from '../../src/core/monitor/local-claims';
import { RedisSessionClaims } from '../../src/core/monitor/redis-claims';
import { SessionRepository } from '../../src/core/sessions/session-repository';
import { escapeGlob, sessionIdFromKey, sessionKeys } from '../../src/core/sources/redis/keys';
import { parseSourceTime } from '../../src/core/sources/redis/source-time';
import { openStore, type Store } from '../../src/core/store/open';
import { redisSessionId } from '../../src/core/sync/rows';
import { AS_OF } from '../lib/fixtures';
import { formatCount } from '../lib/format';
import { benchRedis, writeDemoSessions } from '../lib/redis';
import { countRows } from '../lib/store-slot';
import type { BenchCase } from '../lib/types';

/** The shipped default (settings.inactivityMinutes). */
const INACTIVITY_MINUTES = 5;
/** Sessions due a report at each sweep: the newest 1% of the non-empty ones. */
const DUE_SHARE = 0.01;
const FINALIZED_TTL_DAYS = 7;
const PIPELINE = 5_000;

/** Records what the monitor would have rendered and mailed; sends nothing. */
class RecordingSender implements ReportSender {
  ids: string[] = [];

  send(session: SessionDetail): Promise<{ pdfPath: string }> {
    this.ids.push(session.id);
    return Promise.resolve({ pdfPath: '' });
  }

  renderToFile(): Promise<{ pdfPath: string }> {
    return Promise.resolve({ pdfPath: '' });
  }

  mailMissing(): string[] {
    return [];
  }
}

export const sweep: BenchCase = {
  name: 'sweep',
  description: 'Inactivity sweep: find the sessions due a report and claim them in Redis',
  sizeUnit: 'sessions',
  sizes: { quick: 2_000, full: 100_000 },

  async setup(size, ctx) {
    const r = await benchRedis(ctx);
    const { redis, prefix } = r;
    // The mirror as a sync leaves it: the seeded store (same seed and "as of" as the Redis
    // data, so the same sessions), copied because the sweep marks sessions finalized.
    const seeded = await ctx.seededStore({ chatSessions: size });
    const databasePath = join(ctx.tempDir, 'sweep.db');
    const source = new Database(seeded.databasePath, { readonly: true });
    try {
      await source.backup(databasePath);
    } finally {
      source.close();
    }
    const store = openStore(databasePath);
    ctx.defer(() => store.close());
    // Seeded rows are local-only (claimed in SQLite); these stand for rows a sync wrote from Redis.
    store.sqlite.prepare('UPDATE chat_sessions SET local_only = 0').run();
    const written = await writeDemoSessions(r, size, ctx);
    if (countRows(store, 'chat_sessions') !== written.chatSessions) {
      throw new Error('The seeded mirror and the Redis demo data hold different sessions');
    }

    // Steady state: of the idle non-empty sessions, all but the newest 1% finalized, in
    // Redis and in the mirror; the empty ones never are, nor the active ones (idle < 5 min).
    const cutoffMs = Date.parse(AS_OF) - INACTIVITY_MINUTES * 60_000;
    const idle = store.sqlite
      .prepare(
        `SELECT source_id FROM chat_sessions
         WHERE NOT (user_data_collected = 0 AND message_count = 0) AND last_interaction_at <= ?
         ORDER BY last_interaction_at DESC, id`,
      )
      .all(new Date(cutoffMs).toISOString()) as { source_id: string }[];
    const dueCount = Math.max(1, Math.round(size * DUE_SHARE));
    const due = idle.slice(0, dueCount).map((row) => row.source_id);
    const done = idle.slice(dueCount).map((row) => row.source_id);
    const ttl = FINALIZED_TTL_DAYS * 86_400;
    for (let i = 0; i < done.length; i += PIPELINE) {
      const pipeline = redis.pipeline();
      for (const id of done.slice(i, i + PIPELINE)) {
        pipeline.set(sessionKeys(prefix, id).finalized, 'true', 'EX', ttl);
      }
      const results = await pipeline.exec();
      const failed = results?.find(([error]) => error);
      if (failed?.[0]) throw failed[0];
    }
    store.sqlite
      .prepare(
        `UPDATE chat_sessions SET finalized_at = ?
         WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .run(AS_OF, JSON.stringify(done.map(redisSessionId)));
    const empty = countEmpty(store);
    const active = size - empty - idle.length;

    const sender = new RecordingSender();
    const claims = new RedisSessionClaims(redis, {
      prefix,
      owner: 'bench',
      finalizedTtlDays: FINALIZED_TTL_DAYS,
    });
    const monitor = new InactivityMonitor({
      store,
      sessions: new SessionRepository(store),
      claims: (s) => (s === 'redis' ? claims : null),
      localClaims: new LocalSessionClaims(store.sqlite, { owner: 'bench' }),
      sender,
      inactivityMinutes: INACTIVITY_MINUTES,
      now: () => new Date(AS_OF),
    });
    // Before every run: the due sessions are due again (a sweep finalizes them).
    const unfinalize = store.sqlite.prepare(
      'UPDATE chat_sessions SET finalized_at = NULL WHERE id IN (SELECT value FROM json_each(?))',
    );
    const reset = async () => {
      sender.ids = [];
      for (let i = 0; i < due.length; i += PIPELINE) {
        await redis.del(
          ...due.slice(i, i + PIPELINE).map((id) => sessionKeys(prefix, id).finalized),
        );
      }
      unfinalize.run(JSON.stringify(due.map(redisSessionId)));
    };
    const run = async () => {
      const result = await monitor.sweep();
      if (result.finalized.length !== due.length || result.failed.length > 0) {
        throw new Error(
          `The sweep reported ${result.finalized.length} of ${due.length} due sessions ` +
            `(${result.failed.length} failed: ${result.failed[0]?.error ?? '-'})`,
        );
      }
      return result;
    };

    // Both must find exactly the due sessions.
    const expected = [...due].sort().join();
    await reset();
    const result = await run();
    const ours = sender.ids.map((id) => id.slice('redis:'.length)).sort();
    await reset();
    const theirs = (await naiveSweep(redis, prefix, cutoffMs)).sort();
    if (ours.join() !== expected || theirs.join() !== expected) {
      throw new Error(
        `Due sessions differ: expected ${due.length}, the monitor sent ${ours.length}, the baseline found ${theirs.length}`,
      );
    }
    ctx.log(
      `${formatCount(due.length)} due, ${formatCount(result.skipped)} empty skipped, ` +
        `${formatCount(done.length)} finalized`,
    );

    return [
      {
        name: `${formatCount(due.length)} due of ${formatCount(size)}`,
        items: size,
        unit: 'sessions',
        beforeRun: reset,
        run: async () => void (await run()),
        baseline: async () => void (await naiveSweep(redis, prefix, cutoffMs)),
        note:
          `due = idle > ${INACTIVITY_MINUTES} min and not finalized: the newest ` +
          `${formatCount(due.length)} idle sessions; ${formatCount(empty)} empty ones (no data, ` +
          `no messages) are candidates but skipped, ${formatCount(active)} are active, the rest ` +
          `finalized. Leadwatch: InactivityMonitor.sweep() (the mirror, then a Redis claim per ` +
          `due session) with a sender that records ids instead of rendering and mailing; each ` +
          `due session's detail is still loaded for it. Baseline: KEYS, then HMGET + GET per ` +
          `session (+ LLEN for idle ones without data), awaited one by one; it finds the same ` +
          `sessions but claims none`,
      },
    ];
  },
};

function countEmpty(store: Store): number {
  const sql =
    'SELECT COUNT(*) AS n FROM chat_sessions WHERE user_data_collected = 0 AND message_count = 0';
  return (store.sqlite.prepare(sql).get() as { n: number }).n;
}

/**
 * The plain first version: every session key from KEYS, then per session its
 * last_interaction and user_data_collected (HMGET), its finalized flag (GET) and, for an
 * idle one without visitor data, its chat length (LLEN: empty sessions get no report),
 * each awaited before the next. Returns the due session ids.
 */
async function naiveSweep(redis: Redis, prefix: string, cutoffMs: number): Promise<string[]> {
  const keys = await redis.keys(`${escapeGlob(prefix)}session:*`);
  const due: string[] = [];
  for (const key of keys) {
    const id = sessionIdFromKey(prefix, key);
    if (id === null) continue;
    const k = sessionKeys(prefix, id);
    const [last, data] = await redis.hmget(k.session, 'last_interaction', 'user_data_collected');
    const finalized = await redis.get(k.finalized);
    if (finalized !== null || !last) continue;
    if (Date.parse(parseSourceTime(last, { zone: 'UTC' })) > cutoffMs) continue;
    if (data !== 'true' && (await redis.llen(k.chat)) === 0) continue;
    due.push(id);
  }
  return due;
}
