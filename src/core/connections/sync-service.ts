import type { SyncSummary } from '../../shared/contract';
import type { EffectiveConfig } from '../config/effective';
import type { EventBus } from '../rpc/events';
import type { Store } from '../store/open';
import { syncPostgres, syncRedis, type SyncOptions } from '../sync';
import type { SourceConnections } from './source-connections';

type Source = SyncSummary['source'];

const emptySummary = (source: Source, error: string, durationMs: number): SyncSummary => ({
  source,
  scanned: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  vanished: 0,
  failed: [],
  durationMs,
  error,
});

/**
 * Runs the sync of each configured source, one at a time (the mirror has one writer), and
 * tells the UI as it goes. A source that is down gives a summary with its error: the rest
 * of the app keeps working from the mirror. Concurrent requests share the running sync.
 */
export class SyncService {
  private running: Promise<SyncSummary[]> | null = null;

  constructor(
    private readonly store: Store,
    private readonly connections: SourceConnections,
    private readonly events: EventBus,
    private readonly config: () => EffectiveConfig,
  ) {}

  run(source: Source | 'all' = 'all'): Promise<SyncSummary[]> {
    this.running ??= this.runAll(source).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runAll(which: Source | 'all'): Promise<SyncSummary[]> {
    const results: SyncSummary[] = [];
    for (const source of ['redis', 'postgres'] as const) {
      if (which !== 'all' && which !== source) continue;
      if (!this.connections.status(source).configured) continue;
      results.push(await this.runOne(source));
    }
    if (results.some((r) => r.inserted + r.updated + r.vanished > 0)) {
      this.events.emit('store.changed', { tables: ['chat_sessions', 'chat_messages'] });
    }
    this.events.emit('sync.finished', { results });
    return results;
  }

  private async runOne(source: Source): Promise<SyncSummary> {
    const started = Date.now();
    const c = this.config();
    const common: SyncOptions = {
      onProgress: (p) => this.events.emit('sync.progress', { source, ...p }),
      onPriorityRaised: (e) => this.events.emit('lead.priorityRaised', e),
    };
    try {
      const summary =
        source === 'redis' ? await this.syncRedis(c, common) : await this.syncPostgres(c, common);
      this.connections.mark(source, true);
      return {
        source,
        scanned: summary.scanned,
        inserted: summary.inserted,
        updated: summary.updated,
        unchanged: summary.unchanged,
        vanished: summary.vanished,
        failed: summary.failed,
        durationMs: summary.durationMs,
        error: null,
      };
    } catch (error) {
      this.connections.mark(source, false, error);
      const message = error instanceof Error ? error.message : String(error);
      return emptySummary(source, message, Date.now() - started);
    }
  }

  private async syncRedis(c: EffectiveConfig, common: SyncOptions) {
    const redis = await this.connections.readyRedis();
    if (!redis) throw new Error('REDIS_URL is not set');
    return syncRedis(this.store, redis, {
      ...common,
      prefix: c.redisKeyPrefix,
      sourceTimezone: c.sourceTimezone,
    });
  }

  private async syncPostgres(c: EffectiveConfig, common: SyncOptions) {
    const pool = this.connections.pg();
    if (!pool) throw new Error('DATABASE_URL is not set');
    return syncPostgres(this.store, pool, { ...common, schema: c.databaseSchema });
  }
}
