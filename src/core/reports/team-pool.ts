/**
 * Where a report reads its source tables: the team PostgreSQL when it is configured and
 * answers now, otherwise the local mirror. An unreachable database is marked (the sync
 * status shows it) and skipped, so a report still comes out offline.
 */
import type pg from 'pg';
import type { SourceConnections } from '../connections/source-connections';

export async function reachableTeamPool(connections: SourceConnections): Promise<pg.Pool | null> {
  const pool = connections.pg();
  if (!pool) return null;
  try {
    await pool.query('SELECT 1');
    connections.mark('postgres', true);
    return pool;
  } catch (error) {
    connections.mark('postgres', false, error);
    return null;
  }
}
