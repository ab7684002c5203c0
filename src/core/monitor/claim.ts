/**
 * Exactly one report per finished session, however many instances run (DESIGN.md).
 *
 * A claim is a lease: an instance takes it before rendering and mailing, and turns it
 * into the permanent "finalized" mark only after the mail went out. A crashed claimer's
 * lease expires by itself, so another instance retries; a live one never loses its
 * lease to another, because every change is a compare-and-set on the lease token.
 */
export type ClaimOutcome =
  /** This instance holds the lease and must report the session, then `complete` or `release`. */
  | { kind: 'claimed'; token: string }
  /** The report was already sent (by anyone): nothing to do but remember it. */
  | { kind: 'finalized' }
  /** Another instance holds a live lease: leave the session to it this sweep. */
  | { kind: 'busy' };

export interface SessionClaims {
  claim(sessionId: string): Promise<ClaimOutcome>;
  /** Marks the session finalized. False when the lease was lost (it expired and was taken). */
  complete(sessionId: string, token: string): Promise<boolean>;
  /** Gives the lease back after a failure, so the next sweep (of any instance) retries at once. */
  release(sessionId: string, token: string): Promise<void>;
}

export const LEASE_PREFIX = 'lease:';
