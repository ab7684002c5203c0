import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { LEASE_PREFIX, type ClaimOutcome, type SessionClaims } from './claim';

type Queryable = Pick<pg.Pool | pg.Client, 'query'>;

export interface PgClaimOptions {
  leaseMs?: number;
  owner: string;
}

/** The claim row for web chat sessions lives in Leadwatch's own `leadwatch` schema (DESIGN.md). */
export const SESSION_CLAIMS_DDL = `
-- Instances starting together would race on CREATE … IF NOT EXISTS; one statement string
-- runs as one transaction, so the advisory lock serialises them.
SELECT pg_advisory_xact_lock(hashtext('leadwatch.schema'));
CREATE SCHEMA IF NOT EXISTS leadwatch;
CREATE TABLE IF NOT EXISTS leadwatch.session_claims (
  session_id text PRIMARY KEY,
  token text,
  lease_until timestamptz,
  finalized_at timestamptz
);`;

/** Claims for PostgreSQL sessions: one row per session, taken and finished by compare-and-set. */
export class PgSessionClaims implements SessionClaims {
  private readonly leaseMs: number;
  private ready: Promise<unknown> | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly options: PgClaimOptions,
  ) {
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
  }

  private ensureTable(): Promise<unknown> {
    this.ready ??= this.db.query(SESSION_CLAIMS_DDL).catch((error: unknown) => {
      this.ready = null; // let the next call try again
      throw error;
    });
    return this.ready;
  }

  async claim(sessionId: string): Promise<ClaimOutcome> {
    await this.ensureTable();
    const token = `${LEASE_PREFIX}${this.options.owner}:${randomUUID()}`;
    // Insert, or take over a lease that expired; a finalized row or a live lease is left alone.
    const taken = await this.db.query(
      `INSERT INTO leadwatch.session_claims (session_id, token, lease_until)
       VALUES ($1, $2, now() + $3 * interval '1 millisecond')
       ON CONFLICT (session_id) DO UPDATE SET token = EXCLUDED.token, lease_until = EXCLUDED.lease_until
       WHERE leadwatch.session_claims.finalized_at IS NULL
         AND leadwatch.session_claims.lease_until < now()
       RETURNING session_id`,
      [sessionId, token, this.leaseMs],
    );
    if (taken.rowCount === 1) return { kind: 'claimed', token };
    const row = await this.db.query<{ finalized: boolean }>(
      'SELECT finalized_at IS NOT NULL AS finalized FROM leadwatch.session_claims WHERE session_id = $1',
      [sessionId],
    );
    return row.rows[0]?.finalized ? { kind: 'finalized' } : { kind: 'busy' };
  }

  async complete(sessionId: string, token: string): Promise<boolean> {
    const r = await this.db.query(
      `UPDATE leadwatch.session_claims SET finalized_at = now(), token = NULL, lease_until = NULL
       WHERE session_id = $1 AND token = $2 AND finalized_at IS NULL`,
      [sessionId, token],
    );
    return r.rowCount === 1;
  }

  async release(sessionId: string, token: string): Promise<void> {
    await this.db.query(
      `UPDATE leadwatch.session_claims SET token = NULL, lease_until = '-infinity'
       WHERE session_id = $1 AND token = $2 AND finalized_at IS NULL`,
      [sessionId, token],
    );
  }
}
