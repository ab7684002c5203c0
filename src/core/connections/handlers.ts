import type { SourceStatus } from '../../shared/contract';
import type { Registry } from '../rpc/registry';
import type { Store } from '../store/open';
import type { SourceConnections } from './source-connections';

function lastSync(store: Store, source: SourceStatus['source']) {
  return store.sqlite
    .prepare('SELECT last_synced_at, last_error FROM sync_state WHERE source = ?')
    .get(source) as { last_synced_at: string | null; last_error: string | null } | undefined;
}

export function sourceStatuses(store: Store, connections: SourceConnections): SourceStatus[] {
  return (['redis', 'postgres'] as const).map((source) => {
    const live = connections.status(source);
    const stored = lastSync(store, source);
    return {
      source,
      configured: live.configured,
      reachable: live.reachable,
      lastSyncedAt: stored?.last_synced_at ?? null,
      lastError: live.error ?? stored?.last_error ?? null,
    };
  });
}

export function registerConnectionHandlers(
  registry: Registry,
  store: Store,
  connections: SourceConnections,
): void {
  registry.register('sync.status', () => ({ sources: sourceStatuses(store, connections) }));
}
