import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';

export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';

/** A key prefix of its own for one test file, and the cleanup that removes its keys. */
export function redisTestPrefix(): { prefix: string; redis: Redis; cleanup: () => Promise<void> } {
  const prefix = `lwtest:${randomUUID()}:`;
  const redis = new Redis(TEST_REDIS_URL);
  return {
    prefix,
    redis,
    async cleanup() {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}
