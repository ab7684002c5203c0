import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { LEASE_PREFIX, type ClaimOutcome, type SessionClaims } from './claim';

export interface RedisClaimOptions {
  /** Prepended to every key, as the source reader's prefix. */
  prefix?: string;
  /** How long a claimer may take before others may retry: longer than render + the 30 s mail timeout. */
  leaseMs?: number;
  finalizedTtlDays: number;
  /** Who holds the lease, for people reading Redis: host and pid. */
  owner: string;
}

// Compare-and-set scripts: only the holder of the lease token may finish or release it.
const COMPLETE = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], 'true', 'EX', ARGV[2]) return 1 end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1]) end return 0`;

/** Claims on `session:{id}:finalized`, the key the chatbot system itself reads (seed 001). */
export class RedisSessionClaims implements SessionClaims {
  private readonly prefix: string;
  private readonly leaseMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisClaimOptions,
  ) {
    this.prefix = options.prefix ?? '';
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
  }

  key(sessionId: string): string {
    return `${this.prefix}session:${sessionId}:finalized`;
  }

  async claim(sessionId: string): Promise<ClaimOutcome> {
    const key = this.key(sessionId);
    const token = `${LEASE_PREFIX}${this.options.owner}:${randomUUID()}`;
    // Twice at most: a lease may expire between the SET and the GET.
    for (let attempt = 0; attempt < 2; attempt++) {
      if ((await this.redis.set(key, token, 'PX', this.leaseMs, 'NX')) === 'OK') {
        return { kind: 'claimed', token };
      }
      const current = await this.redis.get(key);
      if (current !== null) {
        return current.startsWith(LEASE_PREFIX) ? { kind: 'busy' } : { kind: 'finalized' };
      }
    }
    return { kind: 'busy' };
  }

  async complete(sessionId: string, token: string): Promise<boolean> {
    const ttl = String(Math.round(this.options.finalizedTtlDays * 86_400));
    return (await this.redis.eval(COMPLETE, 1, this.key(sessionId), token, ttl)) === 1;
  }

  async release(sessionId: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key(sessionId), token);
  }
}
