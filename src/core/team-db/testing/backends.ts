import type pg from 'pg';
import { tempPostgres, type TempPostgres } from '../../reports/leads/testing/databases';

/**
 * The two homes of the team tables, for tests that must hold on both: the local store, and
 * a PostgreSQL database of the test file's own (created on first use, dropped at the end).
 */
export interface TeamBackend {
  name: 'local store' | 'team PostgreSQL';
  /** The pool instances share, or null for the local store. */
  pool(): pg.Pool | null;
  /** Empties the team tables between tests (after the test's instances are closed). */
  reset(): Promise<void>;
  drop(): Promise<void>;
}

export function localBackend(): TeamBackend {
  return {
    name: 'local store',
    pool: () => null,
    reset: async () => {},
    drop: async () => {},
  };
}

export async function postgresBackend(prefix: string): Promise<TeamBackend> {
  const db: TempPostgres = await tempPostgres(prefix);
  return {
    name: 'team PostgreSQL',
    pool: () => db.pool,
    reset: async () => {
      const exists = await db.pool.query(
        `SELECT 1 FROM information_schema.tables WHERE table_schema = 'leadwatch' AND table_name = 'deliveries'`,
      );
      if (exists.rowCount === 0) return;
      await db.pool.query(
        `TRUNCATE leadwatch.delivery_log, leadwatch.delivery_recipients, leadwatch.deliveries,
           leadwatch.subscriptions, leadwatch.report_templates RESTART IDENTITY CASCADE`,
      );
    },
    drop: () => db.drop(),
  };
}

export const TEAM_BACKENDS = ['local store', 'team PostgreSQL'] as const;

export function teamBackend(name: TeamBackend['name'], prefix: string): Promise<TeamBackend> {
  return name === 'local store' ? Promise.resolve(localBackend()) : postgresBackend(prefix);
}

/** The URL of a backend's database, for child processes (null: the local store). */
export function backendUrl(backend: TeamBackend): string | null {
  const pool = backend.pool() as (pg.Pool & { options: { connectionString?: string } }) | null;
  return pool?.options.connectionString ?? null;
}
