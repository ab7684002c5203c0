import type { DeliveryStatus } from '../../shared/deliveries';
import type { DeliveryRequest, DeliveryRow, RecipientRow } from './types';

/** This instance no longer holds the delivery's lease (it timed out and was taken back). */
export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
}

export interface ClaimInput {
  subscriptionId: number | null;
  periodStart: string;
  periodEnd: string;
  request: DeliveryRequest;
  recipients: readonly string[];
  /** Who claims it, for the log: host and process. */
  by: string;
  now: Date;
}

export interface TransitionFields {
  error?: string | null;
  note?: string | null;
  nextAttemptAt?: string | null;
  reportJson?: string | null;
  pdfPath?: string | null;
}

export interface DeliveryListFilter {
  status?: DeliveryStatus;
  subscriptionId?: number;
  offset: number;
  limit: number;
}

export interface DeliveryLogRow {
  from_status: DeliveryStatus | null;
  to_status: DeliveryStatus;
  message: string | null;
  at: string;
}

/**
 * The deliveries tables: in the team PostgreSQL when one is configured (every instance of
 * the team shares the claim), else in the local store (instances sharing a data dir).
 * Every state change checks the status it expects and, while working, the lease token,
 * and writes its log row in the same transaction, so two instances never both move one
 * delivery. Times are ISO strings (UTC, milliseconds) both ways.
 */
export interface DeliveryStore {
  /**
   * The claim: INSERT … ON CONFLICT DO NOTHING on (subscription, period start). Whoever
   * inserts the row owns the delivery; everyone else gets `claimed: false`.
   */
  claim(input: ClaimInput): Promise<{ id: number | null; claimed: boolean }>;
  /**
   * Takes the next due pending delivery (or the one named) into `rendering` under a fresh
   * lease, counting the attempt; the pick and the update are one step.
   */
  acquire(now: Date, leaseMs: number, token: string, onlyId?: number): Promise<DeliveryRow | null>;
  /** Deliveries whose worker's lease ran out while rendering or sending (it crashed or hung). */
  stuck(now: Date): Promise<DeliveryRow[]>;
  /**
   * Moves a delivery from `from` to `to` with its log row, if it is still in `from` (and,
   * when a token is given, still under that lease). Throws LeaseLostError otherwise.
   * Fields left undefined keep their value; null clears them.
   */
  transition(
    id: number,
    from: DeliveryStatus,
    to: DeliveryStatus,
    message: string | null,
    fields: TransitionFields,
    now: Date,
    lease?: { token: string | null; until?: string | null },
  ): Promise<DeliveryRow>;
  /** Saves the report with the delivery while it is being worked on (no transition). */
  keepReport(id: number, token: string, reportJson: string, pdfPath: string | null): Promise<void>;
  /** Checks this worker still holds the lease, right before something leaves the machine. */
  holdsLease(id: number, token: string, now: Date): Promise<boolean>;
  setRecipient(
    id: number,
    recipient: string,
    status: RecipientRow['status'],
    error: string | null,
    now: Date,
  ): Promise<void>;
  /** In the order they were claimed. */
  recipients(id: number): Promise<RecipientRow[]>;
  /** A fresh round of tries for a failed delivery, or "now" for a pending one (deliveries.retry). */
  requeue(id: number, now: Date, why: string): Promise<DeliveryRow | null>;
  setNote(id: number, note: string): Promise<void>;
  get(id: number): Promise<DeliveryRow | null>;
  /** When something next needs doing: a retry falling due or a lease running out. */
  nextWake(): Promise<string | null>;
  /** Newest first; a subscription's filter also finds its manual sends and orphaned rows. */
  list(filter: DeliveryListFilter): Promise<{ rows: DeliveryRow[]; total: number }>;
  log(id: number): Promise<DeliveryLogRow[]>;
}
