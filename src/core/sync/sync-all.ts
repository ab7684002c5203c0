/**
 * Syncs every configured source, one after the other (the mirror has one writer anyway).
 * A source that is down does not stop the others: its result says so, and the app keeps
 * working from the mirror.
 */
import type { Redis } from 'ioredis';
import type { Store } from '../store/open';
import type { Queryable } from '../sources/postgres/source-schema';
import { syncPostgres } from './postgres-sync';
import { syncRedis } from './redis-sync';
import { errorMessage } from './run';
import type {
  PostgresSyncOptions,
  RedisSyncOptions,
  SyncOptions,
  SyncSource,
  SyncSummary,
} from './types';

export interface SyncSources {
  redis?: Redis | null;
  postgres?: Queryable | null;
}

export interface SyncAllOptions extends SyncOptions {
  redis?: Omit<RedisSyncOptions, keyof SyncOptions>;
  postgres?: Omit<PostgresSyncOptions, keyof SyncOptions>;
}

export type SourceSyncResult =
  | { source: SyncSource; ok: true; summary: SyncSummary }
  | { source: SyncSource; ok: false; error: string; unavailable: boolean };

export async function syncAll(
  store: Store,
  sources: SyncSources,
  options: SyncAllOptions = {},
): Promise<SourceSyncResult[]> {
  const { redis: redisOptions, postgres: postgresOptions, ...common } = options;
  const results: SourceSyncResult[] = [];
  const attempt = async (source: SyncSource, sync: () => Promise<SyncSummary>) => {
    try {
      results.push({ source, ok: true, summary: await sync() });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      results.push({
        source,
        ok: false,
        error: errorMessage(error),
        unavailable: isUnavailableError(error),
      });
    }
  };
  const { redis, postgres } = sources;
  if (redis) await attempt('redis', () => syncRedis(store, redis, { ...common, ...redisOptions }));
  if (postgres) {
    await attempt('postgres', () =>
      syncPostgres(store, postgres, { ...common, ...postgresOptions }),
    );
  }
  return results;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** True for "the server is not there" (as opposed to "the data is wrong"). */
export function isUnavailableError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  // PostgreSQL's "cannot connect now" and "too many connections" classes.
  if (typeof code === 'string' && /^(57P03|53300|08\d\d\d)$/.test(code)) return true;
  if ((error as { type?: unknown }).type === 'unavailable') return true;
  return /Connection is closed|Connection terminated|max retries per request|connect ETIMEDOUT|ECONNREFUSED/i.test(
    error.message,
  );
}
