/**
 * Sync from the team's Redis (seed 001) and PostgreSQL web chat (seed 004) into the
 * local mirror. See redis-sync.ts and postgres-sync.ts for how each source is read.
 */
export { syncRedis, REDIS_STEPS } from './redis-sync';
export { syncPostgres, POSTGRES_STEPS } from './postgres-sync';
export {
  syncAll,
  isUnavailableError,
  type SourceSyncResult,
  type SyncAllOptions,
  type SyncSources,
} from './sync-all';
export { readSyncStatus, type SyncStateRow } from './journal';
export type {
  PostgresSyncOptions,
  PriorityRaised,
  RedisSyncOptions,
  SyncFailure,
  SyncOptions,
  SyncProgress,
  SyncSource,
  SyncSummary,
} from './types';
