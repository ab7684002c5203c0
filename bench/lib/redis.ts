/**
 * The Redis the Redis cases write their demo sessions into: REDIS_URL, default the local
 * one. Every case gets its own key prefix, removed in its teardown (SCAN + DEL, never
 * KEYS), so a run leaves nothing behind and never touches anyone else's keys.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { writeDemoToRedis, type RedisDemoCounts } from '../../src/core/demo/into-redis';
import { connectRedis } from '../../src/core/sources/redis/connect';
import { deleteKeysUnder } from '../../src/core/sources/redis/testing';
import { AS_OF, NONE, SEED } from './fixtures';
import { formatCount } from './format';
import { SkipCase, type SetupContext } from './types';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';

export interface BenchRedis {
  redis: Redis;
  /** Unique to this case's run: `lwbench:{uuid}:`. */
  prefix: string;
}

/**
 * A connection and a fresh prefix, both handed to ctx.defer. Quick mode (CI) without a
 * Redis skips the case; a full run without one fails it.
 */
export async function benchRedis(ctx: SetupContext): Promise<BenchRedis> {
  let redis: Redis;
  try {
    redis = await connectRedis(REDIS_URL, { connectTimeoutMs: 2_000 });
  } catch (error) {
    if (ctx.mode === 'quick') throw new SkipCase((error as Error).message);
    throw error;
  }
  ctx.defer(() => redis.disconnect());
  const prefix = `lwbench:${randomUUID()}:`;
  ctx.defer(async () => {
    const removed = await deleteKeysUnder(redis, prefix);
    ctx.log(`removed ${formatCount(removed)} Redis keys under ${prefix}`);
  });
  return { redis, prefix };
}

/**
 * The demo chatbot sessions, as the seed-001 chatbot writes them, with the same seed and
 * "as of" time as the seeded stores: session ids and contents match theirs.
 */
export async function writeDemoSessions(
  { redis, prefix }: BenchRedis,
  sessions: number,
  ctx: SetupContext,
): Promise<RedisDemoCounts> {
  const started = performance.now();
  let lastTenth = -1;
  const counts = await writeDemoToRedis(
    redis,
    {
      seed: SEED,
      size: 'small',
      now: new Date(AS_OF),
      counts: { ...NONE, chatSessions: sessions },
      prefix,
    },
    ({ done, total }) => {
      const tenth = Math.floor((done / Math.max(1, total)) * 10);
      if (total >= 20_000 && tenth > lastTenth && done > 0) {
        lastTenth = tenth;
        ctx.log(`  redis sessions: ${formatCount(done)} / ${formatCount(total)}`);
      }
    },
  );
  ctx.log(
    `wrote ${formatCount(counts.chatSessions)} sessions, ${formatCount(counts.chatMessages)} ` +
      `messages to Redis in ${Math.round(performance.now() - started)} ms`,
  );
  return counts;
}
