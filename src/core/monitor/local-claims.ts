import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { LEASE_PREFIX, type ClaimOutcome, type SessionClaims } from './claim';

export interface LocalClaimOptions {
  leaseMs?: number;
  owner: string;
  now?: () => number;
}

/**
 * Claims for sessions no upstream holds (demo data), in the local store's session_claims.
 * Every process on one data dir opens the same SQLite file, and SQLite runs one write at a
 * time, so the single-statement compare-and-sets below give each report to one process.
 * Keys are local session ids (`redis:…`), which are unique across sources.
 */
export class LocalSessionClaims implements SessionClaims {
  private readonly leaseMs: number;
  private readonly now: () => number;
  private readonly take: Database.Statement;
  private readonly state: Database.Statement;
  private readonly finish: Database.Statement;
  private readonly giveBack: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly options: LocalClaimOptions,
  ) {
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
    // Insert, or take over a lease that ran out; a finalized row or a live lease is left alone.
    this.take = db.prepare(
      `INSERT INTO session_claims (session_id, token, lease_until) VALUES (?, ?, ?)
       ON CONFLICT (session_id) DO UPDATE SET token = excluded.token, lease_until = excluded.lease_until
       WHERE session_claims.finalized_at IS NULL AND session_claims.lease_until < ?
       RETURNING session_id`,
    );
    this.state = db.prepare(
      'SELECT finalized_at IS NOT NULL AS finalized FROM session_claims WHERE session_id = ?',
    );
    this.finish = db.prepare(
      `UPDATE session_claims SET finalized_at = ?, token = NULL, lease_until = NULL
       WHERE session_id = ? AND token = ? AND finalized_at IS NULL`,
    );
    this.giveBack = db.prepare(
      `UPDATE session_claims SET token = NULL, lease_until = 0
       WHERE session_id = ? AND token = ? AND finalized_at IS NULL`,
    );
  }

  // Async like the other claim stores, so a busy or failing database rejects instead of throwing.
  async claim(sessionId: string): Promise<ClaimOutcome> {
    const token = `${LEASE_PREFIX}${this.options.owner}:${randomUUID()}`;
    const now = this.now();
    if (this.take.get(sessionId, token, now + this.leaseMs, now) !== undefined) {
      return { kind: 'claimed', token };
    }
    const row = this.state.get(sessionId) as { finalized: number } | undefined;
    return row?.finalized ? { kind: 'finalized' } : { kind: 'busy' };
  }

  async complete(sessionId: string, token: string): Promise<boolean> {
    const at = new Date(this.now()).toISOString();
    return this.finish.run(at, sessionId, token).changes === 1;
  }

  async release(sessionId: string, token: string): Promise<void> {
    this.giveBack.run(sessionId, token);
  }
}
