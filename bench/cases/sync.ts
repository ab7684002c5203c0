/**
 * Redis (the seed-001 chatbot's layout) into the local mirror with syncRedis, as the app
 * and `leadwatch sync` run it: cold into an empty mirror, then incremental with 1% of the
 * sessions changed upstream (a new chat line and a later last_interaction) before every
 * run. Baseline: the plain first version DESIGN.md describes: KEYS, then one awaited
 * round trip per key (HGETALL session, HGETALL lead, LRANGE chat, GET finalized), one
 * INSERT per row in one transaction per session, and no fingerprints, so an incremental
 * run re-reads and rewrites everything.
 */
import type { Redis } from 'ioredis';
import { escapeGlob, sessionIdFromKey, sessionKeys } from '../../src/core/sources/redis/keys';
import { parseChat, parseRedisSession } from '../../src/core/sources/redis/parse';
import type { Store } from '../../src/core/store/open';
import { INSERT_MESSAGE_SQL, UPSERT_SESSION_SQL } from '../../src/core/sync/mirror';
import { syncRedis } from '../../src/core/sync/redis-sync';
import {
  redisMessageRows,
  redisSessionId,
  redisSessionRow,
  type MessageRow,
  type SessionRow,
} from '../../src/core/sync/rows';
import { AS_OF } from '../lib/fixtures';
import { formatCount } from '../lib/format';
import { benchRedis, writeDemoSessions } from '../lib/redis';
import { countRows, StoreSlot } from '../lib/store-slot';
import type { BenchCase, Mode } from '../lib/types';

/** Sessions changed upstream before every incremental run: 1% (1,000 of 100,000). */
const CHANGED_SHARE = 0.01;

/**
 * The baseline does 4 awaited round trips and ~14 INSERTs (a transaction per session) per
 * session, about 450 sessions/s: at 100,000 sessions one run takes minutes and a step runs
 * it six times. It runs on a fixed subset of the sessions (the first ids in sorted order,
 * a random sample) and its times are scaled up by sessions ÷ subset.
 */
const BASELINE_SUBSET: Record<Mode, number> = { quick: 250, full: 10_000 };

export const sync: BenchCase = {
  name: 'sync',
  description: 'Redis sessions into the local mirror: cold, then incremental with 1% changed',
  sizeUnit: 'sessions',
  sizes: { quick: 1_000, full: 100_000 },

  async setup(size, ctx) {
    const r = await benchRedis(ctx);
    const { redis, prefix } = r;
    const written = await writeDemoSessions(r, size, ctx);
    const slot = (name: string) => {
      const s = new StoreSlot(ctx.tempDir, name);
      ctx.defer(() => s.close());
      return s;
    };
    const [coldStore, coldBaseline, incStore, incBaseline] = [
      slot('cold'),
      slot('cold-baseline'),
      slot('incremental'),
      slot('incremental-baseline'),
    ];
    const subset = Math.min(size, BASELINE_SUBSET[ctx.mode]);
    const scale = size / subset;
    const naive = new NaiveSync(redis, prefix, subset);

    // Both variants, once, into the stores the incremental step starts from: the same
    // sessions and messages, or the ratio would compare different work.
    let started = performance.now();
    const first = await syncRedis(incStore.store, redis, { prefix });
    ctx.log(
      `first sync: ${formatCount(size)} sessions in ${Math.round(performance.now() - started)} ms`,
    );
    const sessions = countRows(incStore.store, 'chat_sessions');
    const messages = countRows(incStore.store, 'chat_messages');
    if (first.failed.length > 0 || first.inserted !== written.chatSessions) {
      throw new Error(`syncRedis inserted ${first.inserted} of ${written.chatSessions} sessions`);
    }
    if (sessions !== written.chatSessions || messages !== written.chatMessages) {
      throw new Error(
        `The mirror holds ${sessions} sessions, ${messages} messages; Redis ${written.chatSessions}, ${written.chatMessages}`,
      );
    }
    started = performance.now();
    const naiveIds = await naive.run(incBaseline.store);
    ctx.log(
      `baseline: ${formatCount(subset)} sessions in ${Math.round(performance.now() - started)} ms`,
    );
    const full = naiveIds.map(redisSessionId);
    const same = {
      sessions: countRows(incStore.store, 'chat_sessions', full),
      messages: countRows(incStore.store, 'chat_messages', full),
    };
    const theirs = {
      sessions: countRows(incBaseline.store, 'chat_sessions'),
      messages: countRows(incBaseline.store, 'chat_messages'),
    };
    if (
      same.sessions !== subset ||
      theirs.sessions !== subset ||
      same.messages !== theirs.messages
    ) {
      throw new Error(
        `Baseline wrote ${theirs.sessions} sessions, ${theirs.messages} messages; syncRedis ` +
          `holds ${same.sessions}, ${same.messages} of the same ${subset} sessions`,
      );
    }

    // Upstream changes for the incremental step: a different 1% before every run.
    const ids = (
      incStore.store.sqlite
        .prepare('SELECT source_id FROM chat_sessions ORDER BY source_id')
        .all() as {
        source_id: string;
      }[]
    ).map((row) => row.source_id);
    const changed = Math.max(1, Math.round(size * CHANGED_SHARE));
    let round = 0;
    const changeUpstream = async () => {
      round += 1;
      const stamp = pythonTime(Date.parse(AS_OF) + round * 60_000);
      const pipeline = redis.pipeline();
      for (let i = 0; i < changed; i++) {
        const id = ids[(round * changed + i) % ids.length] ?? '';
        const k = sessionKeys(prefix, id);
        pipeline.rpush(k.chat, `User: Any news on my registration? (follow-up ${round})`);
        pipeline.hset(k.session, 'last_interaction', stamp);
      }
      const results = await pipeline.exec();
      const failed = results?.find(([error]) => error);
      if (failed?.[0]) throw failed[0];
    };

    const subsetNote =
      scale === 1
        ? ''
        : `; baseline on a fixed ${formatCount(subset)}-session subset (every ${scale}th session ` +
          `on average), its times × ${scale}, its RSS not scaled`;
    const perMessage = (written.chatMessages / written.chatSessions).toFixed(1);
    return [
      {
        name: `cold (${formatCount(written.chatMessages)} messages)`,
        items: size,
        unit: 'sessions',
        beforeRun: () => {
          coldStore.fresh();
          coldBaseline.fresh();
        },
        run: async () => {
          const s = await syncRedis(coldStore.store, redis, { prefix });
          if (s.inserted !== size) throw new Error(`cold sync inserted ${s.inserted} of ${size}`);
        },
        baseline: async () => void (await naive.run(coldBaseline.store)),
        baselineScale: scale,
        note:
          `empty mirror each run; ${perMessage} messages per session; syncRedis: SCAN, ` +
          `pipelined heads and chats per 1,000, one transaction per 1,000 with bulk FTS` +
          subsetNote,
      },
      {
        name: `incremental (${formatCount(changed)} changed)`,
        items: size,
        unit: 'sessions',
        beforeRun: changeUpstream,
        run: async () => {
          const s = await syncRedis(incStore.store, redis, { prefix });
          if (s.updated !== changed || s.failed.length > 0) {
            throw new Error(`incremental sync updated ${s.updated} of ${changed} changed sessions`);
          }
        },
        baseline: async () => void (await naive.run(incBaseline.store)),
        baselineScale: scale,
        note:
          `${formatCount(changed)} sessions get a chat line and a later last_interaction before ` +
          `each run; syncRedis compares fingerprints of pipelined heads and reads only the new ` +
          `lines; the baseline re-reads and rewrites every session` +
          subsetNote,
      },
    ];
  },
};

/**
 * The plain first version: KEYS, then per session four commands awaited one by one, and
 * the session's rows written with one INSERT each in a transaction of their own. No
 * fingerprints: every run reads and writes every session. It maps rows with the same
 * parse and mapping code as syncRedis, so only the data access differs.
 */
class NaiveSync {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    /** Sessions to sync: the first `limit` ids in sorted order (all when ≥ the total). */
    private readonly limit: number,
  ) {}

  /** Returns the upstream ids it synced. */
  async run(store: Store): Promise<string[]> {
    const keys = await this.redis.keys(`${escapeGlob(this.prefix)}session:*`);
    const ids = keys
      .map((key) => sessionIdFromKey(this.prefix, key))
      .filter((id): id is string => id !== null)
      .sort()
      .slice(0, this.limit);
    const db = store.sqlite;
    const upsert = db.prepare(UPSERT_SESSION_SQL);
    const deleteMessages = db.prepare('DELETE FROM chat_messages WHERE session_id = ?');
    const insertMessage = db.prepare(INSERT_MESSAGE_SQL);
    const write = db.transaction((row: SessionRow, messages: MessageRow[], now: string) => {
      upsert.run({ ...row, now, local_only: 0 });
      deleteMessages.run(row.id);
      for (const m of messages) insertMessage.run(m);
    });
    const time = { zone: 'UTC' };
    for (const id of ids) {
      const k = sessionKeys(this.prefix, id);
      const session = await this.redis.hgetall(k.session);
      const lead = await this.redis.hgetall(k.lead);
      const chat = await this.redis.lrange(k.chat, 0, -1);
      const finalized = await this.redis.get(k.finalized);
      const now = new Date().toISOString();
      const record = parseRedisSession({ id, session, lead }, time);
      const lines = parseChat(chat);
      const row = redisSessionRow(record, lines, {
        finalizedAt: finalized === 'true' ? now : null,
      });
      write(row, redisMessageRows(id, lines), now);
    }
    return ids;
  }
}

/** A time as the chatbot writes it: Python's isoformat() without a zone, microseconds. */
function pythonTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}000`;
}
