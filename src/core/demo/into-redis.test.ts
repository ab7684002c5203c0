import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from './generate';
import { writeDemoToRedis } from './into-redis';

const now = new Date('2025-06-10T14:00:00.000Z');
const prefix = `lwtest:${randomUUID()}:`;

async function keysUnder(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

describe('writeDemoToRedis', () => {
  let redis: Redis;
  const data = generateDemo({ seed: 11, size: 'small', now });

  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: false });
  });
  afterAll(async () => {
    const keys = await keysUnder(redis, `${prefix}*`);
    for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
    redis.disconnect();
  });

  it('writes exactly the seed-001 layout under the prefix, and no finalized keys', async () => {
    const progress: number[] = [];
    const counts = await writeDemoToRedis(redis, { seed: 11, size: 'small', now, prefix }, (p) =>
      progress.push(p.done),
    );
    expect(counts).toEqual({
      chatSessions: data.chatSessions.length,
      leads: data.chatSessions.filter((s) => s.lead).length,
      chatMessages: data.chatSessions.reduce((n, s) => n + s.chat.length, 0),
    });
    expect(progress.at(-1)).toBe(data.chatSessions.length);

    const keys = await keysUnder(redis, `${prefix}*`);
    const expected = data.chatSessions.flatMap((s) => [
      `${prefix}session:${s.id}`,
      ...(s.lead ? [`${prefix}lead:${s.id}`] : []),
      ...(s.chat.length ? [`${prefix}session:${s.id}:chat`] : []),
    ]);
    expect(keys.sort()).toEqual(expected.sort());
    expect(keys.some((k) => k.endsWith(':finalized'))).toBe(false);

    for (const s of data.chatSessions) {
      expect(await redis.type(`${prefix}session:${s.id}`)).toBe('hash');
      expect(await redis.hgetall(`${prefix}session:${s.id}`)).toEqual(s.session);
      if (s.lead) expect(await redis.hgetall(`${prefix}lead:${s.id}`)).toEqual(s.lead);
      if (s.chat.length) {
        expect(await redis.type(`${prefix}session:${s.id}:chat`)).toBe('list');
        expect(await redis.lrange(`${prefix}session:${s.id}:chat`, 0, -1)).toEqual(s.chat);
      }
    }
  });

  it('writes the same seed again without duplicating transcripts', async () => {
    await writeDemoToRedis(redis, { seed: 11, size: 'small', now, prefix });
    const withChat = data.chatSessions.find((s) => s.chat.length > 0);
    if (!withChat) throw new Error('expected a session with messages');
    expect(await redis.llen(`${prefix}session:${withChat.id}:chat`)).toBe(withChat.chat.length);
    const sessions = await keysUnder(redis, `${prefix}session:*`);
    expect(sessions.filter((k) => !k.endsWith(':chat'))).toHaveLength(data.chatSessions.length);
  });

  it('pipelines large counts in batches', async () => {
    const big = `${prefix}big:`;
    const counts = await writeDemoToRedis(redis, {
      seed: 3,
      size: 'small',
      now,
      prefix: big,
      counts: { chatSessions: 1_200 },
    });
    expect(counts.chatSessions).toBe(1_200);
    const hashes = await keysUnder(redis, `${big}session:*`);
    expect(hashes.filter((k) => !k.endsWith(':chat'))).toHaveLength(1_200);
  });
});
