import { hostname } from 'node:os';
import type { SessionSource } from '../../shared/contract';
import type { EffectiveConfig } from '../config/effective';
import type { SourceConnections } from '../connections/source-connections';
import type { SyncService } from '../connections/sync-service';
import type { Registry } from '../rpc/registry';
import type { SessionRepository } from '../sessions/session-repository';
import type { Store } from '../store/open';
import type { SessionClaims } from './claim';
import { LocalSessionClaims } from './local-claims';
import { InactivityMonitor } from './monitor';
import type { SessionReportSender } from './session-report-sender';
import { PgSessionClaims } from './pg-claims';
import { RedisSessionClaims } from './redis-claims';

export interface MonitorWiring {
  store: Store;
  sessions: SessionRepository;
  connections: SourceConnections;
  sync: SyncService;
  sender: SessionReportSender;
  config: () => EffectiveConfig;
}

/** Who holds a lease, readable in Redis or the claims table: this host and process. */
const owner = `${hostname()}:${process.pid}`;

function monitorFor(w: MonitorWiring): InactivityMonitor {
  const c = w.config();
  const redis = w.connections.redis();
  const pool = w.connections.pg();
  const leaseMs = c.monitorLeaseSeconds * 1000;
  const claims = (source: SessionSource): SessionClaims | null => {
    if (source === 'redis' && redis) {
      return new RedisSessionClaims(redis, {
        prefix: c.redisKeyPrefix,
        owner,
        leaseMs,
        finalizedTtlDays: c.finalizedTtlDays,
      });
    }
    if (source === 'postgres' && pool) return new PgSessionClaims(pool, { owner, leaseMs });
    return null;
  };
  return new InactivityMonitor({
    store: w.store,
    sessions: w.sessions,
    claims,
    localClaims: new LocalSessionClaims(w.store.sqlite, { owner, leaseMs }),
    sender: w.sender,
    inactivityMinutes: c.inactivityMinutes,
  });
}

export function registerMonitorHandlers(registry: Registry, w: MonitorWiring): void {
  registry
    .register('sync.run', async ({ source }) => ({ results: await w.sync.run(source) }))
    // A sweep reads the mirror, so it syncs first; a source that is down is skipped, not fatal.
    .register('monitor.runOnce', async () => {
      await w.sync.run('all');
      return monitorFor(w).sweep();
    })
    .register('sessions.renderReport', async ({ id }) => {
      const session = w.sessions.get(id);
      const { pdf, pdfPath } = await w.sender.renderToFile(session);
      return { sessionId: session.id, pdfPath, bytes: pdf.length };
    })
    .register('sessions.endNow', async ({ id }) => {
      await w.sync.run('all');
      return monitorFor(w).endNow(id);
    });
}
