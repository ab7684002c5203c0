import Redis from 'ioredis';
import pg from 'pg';
import type { SourceStatus } from '../../shared/contract';
import type { EffectiveConfig } from '../config/effective';

type Source = SourceStatus['source'];

/**
 * The team's Redis and PostgreSQL, connected lazily from the effective configuration and
 * shared by sync, monitor and reports. It remembers whether each was reachable the last
 * time it was used, so the UI can say "working from the local mirror" when one is down.
 */
export class SourceConnections {
  private redisClient: Redis | null = null;
  private pgPool: pg.Pool | null = null;
  private readonly health = new Map<Source, { reachable: boolean; error: string | null }>();

  constructor(private readonly config: () => EffectiveConfig) {}

  /** Key prefix for the Redis layout (REDIS_KEY_PREFIX), for teams that namespace their keys. */
  get redisPrefix(): string {
    return this.config().redisKeyPrefix;
  }

  redis(): Redis | null {
    const url = this.config().redisUrl;
    if (!url) return null;
    if (!this.redisClient) {
      this.redisClient = new Redis(url, {
        connectTimeout: 5000,
        maxRetriesPerRequest: 1,
        // Fail fast while Redis is down instead of queueing work behind a dead connection.
        enableOfflineQueue: false,
        retryStrategy: (times) => Math.min(times * 500, 10_000),
      });
      this.redisClient.on('error', (error: Error) => this.mark('redis', false, error));
    }
    return this.redisClient;
  }

  /** Resolves once Redis answers, or rejects with a message saying what to check. */
  async readyRedis(): Promise<Redis | null> {
    const redis = this.redis();
    if (!redis) return null;
    if (redis.status !== 'ready') {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error('Redis did not answer within 5 s: is REDIS_URL right and Redis running?'),
            ),
          5000,
        );
        redis.once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return redis;
  }

  pg(): pg.Pool | null {
    const url = this.config().databaseUrl;
    if (!url) return null;
    if (!this.pgPool) {
      this.pgPool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000 });
      this.pgPool.on('error', (error) => this.mark('postgres', false, error));
    }
    return this.pgPool;
  }

  mark(source: Source, reachable: boolean, error?: unknown): void {
    this.health.set(source, {
      reachable,
      error: reachable
        ? null
        : error instanceof Error
          ? error.message
          : String(error ?? 'unreachable'),
    });
  }

  status(source: Source): { configured: boolean; reachable: boolean | null; error: string | null } {
    const c = this.config();
    const configured = Boolean(source === 'redis' ? c.redisUrl : c.databaseUrl);
    const h = this.health.get(source);
    return { configured, reachable: h?.reachable ?? null, error: h?.error ?? null };
  }

  async close(): Promise<void> {
    this.redisClient?.disconnect();
    this.redisClient = null;
    await this.pgPool?.end().catch(() => undefined);
    this.pgPool = null;
  }
}
