import type { DeliveryStatus } from '../../shared/deliveries';
import type { Store } from '../store/open';
import {
  LeaseLostError,
  type ClaimInput,
  type DeliveryListFilter,
  type DeliveryLogRow,
  type DeliveryStore,
  type TransitionFields,
} from './delivery-store';
import type { DeliveryRow, RecipientRow } from './types';

/**
 * The deliveries tables in the local store, for instances without a team database. Every
 * state change is one transaction that checks the status it expects (and, while working,
 * the lease token) and writes its log row, so two processes on one SQLite file (WAL, busy
 * timeout) never both move the same delivery. better-sqlite3 is synchronous; the methods
 * are async only to share the interface with PostgreSQL.
 */
export class SqliteDeliveryStore implements DeliveryStore {
  constructor(private readonly store: Store) {}

  get #db() {
    return this.store.sqlite;
  }

  /**
   * The claim: INSERT … ON CONFLICT DO NOTHING on (subscription, period start). Whoever
   * inserts the row owns the delivery; everyone else gets `claimed: false`.
   */
  async claim(input: ClaimInput): Promise<{ id: number | null; claimed: boolean }> {
    return this.#db
      .transaction(() => {
        const now = input.now.toISOString();
        const row = this.#db
          .prepare(
            `INSERT INTO deliveries (subscription_id, period_start, period_end, status, attempts,
               next_attempt_at, request, created_at, updated_at)
             VALUES (?, ?, ?, 'pending', 0, ?, ?, ?, ?)
             ON CONFLICT (subscription_id, period_start) DO NOTHING
             RETURNING id`,
          )
          .get(
            input.subscriptionId,
            input.periodStart,
            input.periodEnd,
            now,
            JSON.stringify(input.request),
            now,
            now,
          ) as { id: number } | undefined;
        if (!row) return { id: null, claimed: false };
        const addRecipient = this.#db.prepare(
          `INSERT OR IGNORE INTO delivery_recipients (delivery_id, recipient, status, updated_at)
           VALUES (?, ?, 'pending', ?)`,
        );
        for (const r of input.recipients) addRecipient.run(row.id, r, now);
        this.#log(
          row.id,
          null,
          'pending',
          `claimed by ${input.by} (${input.request.trigger})`,
          now,
        );
        return { id: row.id, claimed: true };
      })
      .immediate();
  }

  /**
   * Takes the next due pending delivery (or the one named) into `rendering` under a fresh
   * lease, counting the attempt. BEGIN IMMEDIATE: the pick and the update are one step.
   */
  async acquire(
    now: Date,
    leaseMs: number,
    token: string,
    onlyId?: number,
  ): Promise<DeliveryRow | null> {
    return this.#db
      .transaction(() => {
        const at = now.toISOString();
        const pick = this.#db
          .prepare(
            `SELECT id FROM deliveries
             WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
               AND request IS NOT NULL AND (? IS NULL OR id = ?)
             ORDER BY next_attempt_at, id LIMIT 1`,
          )
          .get(at, onlyId ?? null, onlyId ?? null) as { id: number } | undefined;
        if (!pick) return null;
        const row = this.#db
          .prepare(
            `UPDATE deliveries SET status = 'rendering', attempts = attempts + 1,
               lease_until = ?, lease_token = ?, next_attempt_at = NULL, updated_at = ?
             WHERE id = ? AND status = 'pending' RETURNING *`,
          )
          .get(new Date(now.getTime() + leaseMs).toISOString(), token, at, pick.id) as
          DeliveryRow | undefined;
        if (!row) return null;
        this.#log(row.id, 'pending', 'rendering', `attempt ${row.attempts}`, at);
        return row;
      })
      .immediate();
  }

  /** Deliveries whose worker's lease ran out while rendering or sending (it crashed or hung). */
  async stuck(now: Date): Promise<DeliveryRow[]> {
    return this.#db
      .prepare(
        `SELECT * FROM deliveries WHERE status IN ('rendering', 'sending') AND lease_until < ?`,
      )
      .all(now.toISOString()) as DeliveryRow[];
  }

  /**
   * Moves a delivery from `from` to `to` with its log row, if it is still in `from` (and,
   * when a token is given, still under that lease). Throws LeaseLostError otherwise.
   */
  async transition(
    id: number,
    from: DeliveryStatus,
    to: DeliveryStatus,
    message: string | null,
    fields: TransitionFields,
    now: Date,
    lease: { token: string | null; until?: string | null } = { token: null },
  ): Promise<DeliveryRow> {
    return this.#db
      .transaction(() => {
        const at = now.toISOString();
        const working = to === 'rendering' || to === 'sending';
        const row = this.#db
          .prepare(
            `UPDATE deliveries SET status = ?, updated_at = ?,
               error = CASE WHEN ? THEN ? ELSE error END,
               note = CASE WHEN ? THEN ? ELSE note END,
               next_attempt_at = CASE WHEN ? THEN ? ELSE next_attempt_at END,
               report_json = CASE WHEN ? THEN ? ELSE report_json END,
               pdf_path = CASE WHEN ? THEN ? ELSE pdf_path END,
               lease_until = CASE WHEN ? THEN coalesce(?, lease_until) ELSE NULL END,
               lease_token = CASE WHEN ? THEN lease_token ELSE NULL END
             WHERE id = ? AND status = ? AND (? IS NULL OR lease_token = ?)
             RETURNING *`,
          )
          .get(
            to,
            at,
            ...given(fields, 'error'),
            ...given(fields, 'note'),
            ...given(fields, 'nextAttemptAt'),
            ...given(fields, 'reportJson'),
            ...given(fields, 'pdfPath'),
            working ? 1 : 0,
            lease.until ?? null,
            working ? 1 : 0,
            id,
            from,
            lease.token,
            lease.token,
          ) as DeliveryRow | undefined;
        if (!row) throw new LeaseLostError(`Delivery ${id} is no longer ${from} under this lease`);
        this.#log(id, from, to, message, at);
        return row;
      })
      .immediate();
  }

  /** Saves the report with the delivery while it is being worked on (no transition). */
  async keepReport(
    id: number,
    token: string,
    reportJson: string,
    pdfPath: string | null,
  ): Promise<void> {
    const changed = this.#db
      .prepare(
        `UPDATE deliveries SET report_json = ?, pdf_path = ? WHERE id = ? AND lease_token = ?`,
      )
      .run(reportJson, pdfPath, id, token).changes;
    if (changed !== 1) throw new LeaseLostError(`Delivery ${id}: lease lost while rendering`);
  }

  /** Checks this worker still holds the lease, right before something leaves the machine. */
  async holdsLease(id: number, token: string, now: Date): Promise<boolean> {
    const row = this.#db
      .prepare(
        `SELECT 1 AS ok FROM deliveries WHERE id = ? AND lease_token = ? AND lease_until > ?`,
      )
      .get(id, token, now.toISOString());
    return row !== undefined;
  }

  async setRecipient(
    id: number,
    recipient: string,
    status: RecipientRow['status'],
    error: string | null,
    now: Date,
  ): Promise<void> {
    this.#db
      .prepare(
        `UPDATE delivery_recipients SET status = ?, error = ?, updated_at = ?
         WHERE delivery_id = ? AND recipient = ?`,
      )
      .run(status, error, now.toISOString(), id, recipient);
  }

  async recipients(id: number): Promise<RecipientRow[]> {
    return this.#db
      .prepare(`SELECT * FROM delivery_recipients WHERE delivery_id = ? ORDER BY rowid`)
      .all(id) as RecipientRow[];
  }

  /** A fresh round of tries for a failed delivery, or "now" for a pending one (deliveries.retry). */
  async requeue(id: number, now: Date, why: string): Promise<DeliveryRow | null> {
    return this.#db
      .transaction(() => {
        const at = now.toISOString();
        const before = this.#get(id);
        if (!before || (before.status !== 'failed' && before.status !== 'pending')) return null;
        const row = this.#db
          .prepare(
            `UPDATE deliveries SET status = 'pending', attempts = CASE WHEN status = 'failed'
               THEN 0 ELSE attempts END, next_attempt_at = ?, updated_at = ?
             WHERE id = ? AND status = ? RETURNING *`,
          )
          .get(at, at, id, before.status) as DeliveryRow | undefined;
        if (row && before.status === 'failed') this.#log(id, 'failed', 'pending', why, at);
        return row ?? null;
      })
      .immediate();
  }

  async setNote(id: number, note: string): Promise<void> {
    this.#db.prepare(`UPDATE deliveries SET note = ? WHERE id = ?`).run(note, id);
  }

  async get(id: number): Promise<DeliveryRow | null> {
    return this.#get(id);
  }

  #get(id: number): DeliveryRow | null {
    return (
      (this.#db.prepare(`SELECT * FROM deliveries WHERE id = ?`).get(id) as
        DeliveryRow | undefined) ?? null
    );
  }

  /** When something next needs doing: a retry falling due or a lease running out. */
  async nextWake(): Promise<string | null> {
    const row = this.#db
      .prepare(
        `SELECT min(t) AS t FROM (
           SELECT min(next_attempt_at) AS t FROM deliveries WHERE status = 'pending'
           UNION ALL
           SELECT min(lease_until) FROM deliveries WHERE status IN ('rendering', 'sending'))`,
      )
      .get() as { t: string | null };
    return row.t;
  }

  async list(filter: DeliveryListFilter): Promise<{ rows: DeliveryRow[]; total: number }> {
    // A manual send of a subscription, or one whose subscription was deleted, keeps the id
    // only in its request snapshot.
    const where = `WHERE (? IS NULL OR status = ?) AND (? IS NULL OR subscription_id = ?
      OR json_extract(request, '$.subscriptionId') = ?)`;
    const args = [
      filter.status ?? null,
      filter.status ?? null,
      filter.subscriptionId ?? null,
      filter.subscriptionId ?? null,
      filter.subscriptionId ?? null,
    ];
    const total = this.#db
      .prepare(`SELECT count(*) AS n FROM deliveries ${where}`)
      .get(...args) as {
      n: number;
    };
    const rows = this.#db
      .prepare(`SELECT * FROM deliveries ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
      .all(...args, filter.limit, filter.offset) as DeliveryRow[];
    return { rows, total: total.n };
  }

  async log(id: number): Promise<DeliveryLogRow[]> {
    return this.#db
      .prepare(
        `SELECT from_status, to_status, message, created_at AS at FROM delivery_log WHERE delivery_id = ? ORDER BY id`,
      )
      .all(id) as DeliveryLogRow[];
  }

  #log(
    id: number,
    from: DeliveryStatus | null,
    to: DeliveryStatus,
    message: string | null,
    at: string,
  ) {
    this.#db
      .prepare(
        `INSERT INTO delivery_log (delivery_id, from_status, to_status, message, created_at) VALUES (?, ?, ?, ?, ?)`,
      )
      .run(id, from, to, message, at);
  }
}

/** `CASE WHEN given THEN value`: undefined leaves the column as it is, null clears it. */
function given(fields: TransitionFields, key: keyof TransitionFields): [number, string | null] {
  const value = fields[key];
  return value === undefined ? [0, null] : [1, value];
}
