import pg from 'pg';
import { redactUrl } from '../../config/effective';
import { AppError } from '../../rpc/errors';

export interface PostgresConnectOptions {
  connectTimeoutMs?: number;
  max?: number;
}

/** A small pool, checked with one query, so "PostgreSQL is down" is said once and clearly. */
export async function connectPostgres(
  url: string,
  options: PostgresConnectOptions = {},
): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
  });
  // An idle client losing its connection emits on the pool; unhandled, it would crash Node.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError(
      'unavailable',
      `PostgreSQL at ${redactUrl(url)} is not reachable: ${reason}`,
      {
        cause: error,
      },
    );
  }
  return pool;
}
