import type pg from 'pg';
import type { DeliveryStatus } from '../../shared/deliveries';
import {
  LeaseLostError,
  type ClaimInput,
  type DeliveryListFilter,
  type DeliveryLogRow,
  type DeliveryStore,
  type TransitionFields,
} from './delivery-store';
import type { DeliveryRow, RecipientRow } from './types';

type Queryable = Pick<pg.Pool, 'query'>;

const T = 'leadwatch.deliveries';
const LOG = 'leadwatch.delivery_log';
const RCPT = 'leadwatch.delivery_recipients';

/** pg hands timestamptz back as Date; the rows carry ISO strings like the local store's. */
const iso = (v: Date | string | null): string | null =>
  v === null ? null : v instanceof Date ? v.toISOString() : v;

interface PgDeliveryRow extends Omit<
  DeliveryRow,
  | 'period_start'
  | 'period_end'
  | 'next_attempt_at'
  | 'lease_until'
  | 'created_at'
  | 'updated_at'
  | 'request'
> {
  period_start: Date;
  period_end: Date;
  next_attempt_at: Date | null;
  lease_until: Date | null;
  created_at: Date;
  updated_at: Date;
  request: unknown;
}

function toRow(r: PgDeliveryRow): DeliveryRow {
  return {
    id: r.id,
    subscription_id: r.subscription_id,
    period_start: iso(r.period_start)!,
    period_end: iso(r.period_end)!,
    status: r.status,
    attempts: r.attempts,
    next_attempt_at: iso(r.next_attempt_at),
    lease_until: iso(r.lease_until),
    lease_token: r.lease_token,
    error: r.error,
    report_json: r.report_json,
    pdf_path: r.pdf_path,
    request: r.request === null ? null : JSON.stringify(r.request),
    note: r.note,
    created_at: iso(r.created_at)!,
    updated_at: iso(r.updated_at)!,
  };
}

const COLUMNS = `id, subscription_id, period_start, period_end, status, attempts, next_attempt_at,
  lease_until, lease_token, error, report_json, pdf_path, request, note, created_at, updated_at`;

/**
 * The deliveries tables in the team PostgreSQL (`leadwatch` schema). Each state change is
 * one statement: a data-modifying CTE updates the row if it is still where the caller
 * expects it and writes the log row only if it did, so it is atomic without a client-held
 * transaction, and a claim is the same INSERT … ON CONFLICT DO NOTHING on every machine.
 */
export class PgDeliveryStore implements DeliveryStore {
  constructor(private readonly db: Queryable) {}

  async #rows(text: string, values: unknown[]): Promise<DeliveryRow[]> {
    const r = await this.db.query<PgDeliveryRow>(text, values);
    return r.rows.map(toRow);
  }

  async claim(input: ClaimInput): Promise<{ id: number | null; claimed: boolean }> {
    const now = input.now.toISOString();
    const r = await this.db.query<{ id: number }>(
      `WITH d AS (
         INSERT INTO ${T} (subscription_id, period_start, period_end, status, attempts,
           next_attempt_at, request, created_at, updated_at)
         VALUES ($1, $2, $3, 'pending', 0, $4, $5, $4, $4)
         ON CONFLICT (subscription_id, period_start) DO NOTHING
         RETURNING id),
       r AS (
         INSERT INTO ${RCPT} (delivery_id, recipient, status, position, updated_at)
         SELECT d.id, x.recipient, 'pending', x.position, $4 FROM d,
           unnest($6::text[]) WITH ORDINALITY AS x(recipient, position)
         ON CONFLICT DO NOTHING),
       l AS (
         INSERT INTO ${LOG} (delivery_id, from_status, to_status, message, created_at)
         SELECT d.id, NULL, 'pending', $7, $4 FROM d)
       SELECT id FROM d`,
      [
        input.subscriptionId,
        input.periodStart,
        input.periodEnd,
        now,
        JSON.stringify(input.request),
        [...new Set(input.recipients)],
        `claimed by ${input.by} (${input.request.trigger})`,
      ],
    );
    const id = r.rows[0]?.id ?? null;
    return { id, claimed: id !== null };
  }

  async acquire(
    now: Date,
    leaseMs: number,
    token: string,
    onlyId?: number,
  ): Promise<DeliveryRow | null> {
    const at = now.toISOString();
    // SKIP LOCKED: two instances picking at once take different deliveries, neither waits.
    const rows = await this.#rows(
      `WITH pick AS (
         SELECT id FROM ${T}
         WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= $1)
           AND ($4::integer IS NULL OR id = $4)
         ORDER BY next_attempt_at NULLS FIRST, id LIMIT 1
         FOR UPDATE SKIP LOCKED),
       u AS (
         UPDATE ${T} d SET status = 'rendering', attempts = d.attempts + 1, lease_until = $2,
           lease_token = $3, next_attempt_at = NULL, updated_at = $1
         FROM pick WHERE d.id = pick.id AND d.status = 'pending'
         RETURNING d.*),
       l AS (
         INSERT INTO ${LOG} (delivery_id, from_status, to_status, message, created_at)
         SELECT id, 'pending', 'rendering', 'attempt ' || attempts, $1 FROM u)
       SELECT ${COLUMNS} FROM u`,
      [at, new Date(now.getTime() + leaseMs).toISOString(), token, onlyId ?? null],
    );
    return rows[0] ?? null;
  }

  stuck(now: Date): Promise<DeliveryRow[]> {
    return this.#rows(
      `SELECT ${COLUMNS} FROM ${T} WHERE status IN ('rendering', 'sending') AND lease_until < $1`,
      [now.toISOString()],
    );
  }

  async transition(
    id: number,
    from: DeliveryStatus,
    to: DeliveryStatus,
    message: string | null,
    fields: TransitionFields,
    now: Date,
    lease: { token: string | null; until?: string | null } = { token: null },
  ): Promise<DeliveryRow> {
    const working = to === 'rendering' || to === 'sending';
    const values: unknown[] = [to, now.toISOString(), id, from, lease.token, message];
    const set = (column: string, key: keyof TransitionFields, type: string) => {
      const value = fields[key];
      if (value === undefined) return '';
      values.push(value);
      return `, ${column} = $${values.length}::${type}`;
    };
    const assignments =
      set('error', 'error', 'text') +
      set('note', 'note', 'text') +
      set('next_attempt_at', 'nextAttemptAt', 'timestamptz') +
      set('report_json', 'reportJson', 'text') +
      set('pdf_path', 'pdfPath', 'text');
    values.push(working, lease.until ?? null);
    const w = values.length - 1;
    const rows = await this.#rows(
      `WITH u AS (
         UPDATE ${T} SET status = $1, updated_at = $2${assignments},
           lease_until = CASE WHEN $${w}::boolean THEN coalesce($${w + 1}::timestamptz, lease_until) END,
           lease_token = CASE WHEN $${w}::boolean THEN lease_token END
         WHERE id = $3 AND status = $4 AND ($5::text IS NULL OR lease_token = $5)
         RETURNING *),
       l AS (
         INSERT INTO ${LOG} (delivery_id, from_status, to_status, message, created_at)
         SELECT id, $4, $1, $6, $2 FROM u)
       SELECT ${COLUMNS} FROM u`,
      values,
    );
    if (!rows[0]) throw new LeaseLostError(`Delivery ${id} is no longer ${from} under this lease`);
    return rows[0];
  }

  async keepReport(
    id: number,
    token: string,
    reportJson: string,
    pdfPath: string | null,
  ): Promise<void> {
    const r = await this.db.query(
      `UPDATE ${T} SET report_json = $1, pdf_path = $2 WHERE id = $3 AND lease_token = $4`,
      [reportJson, pdfPath, id, token],
    );
    if (r.rowCount !== 1) throw new LeaseLostError(`Delivery ${id}: lease lost while rendering`);
  }

  async holdsLease(id: number, token: string, now: Date): Promise<boolean> {
    const r = await this.db.query(
      `SELECT 1 FROM ${T} WHERE id = $1 AND lease_token = $2 AND lease_until > $3`,
      [id, token, now.toISOString()],
    );
    return r.rowCount === 1;
  }

  async setRecipient(
    id: number,
    recipient: string,
    status: RecipientRow['status'],
    error: string | null,
    now: Date,
  ): Promise<void> {
    await this.db.query(
      `UPDATE ${RCPT} SET status = $1, error = $2, updated_at = $3
       WHERE delivery_id = $4 AND recipient = $5`,
      [status, error, now.toISOString(), id, recipient],
    );
  }

  async recipients(id: number): Promise<RecipientRow[]> {
    const r = await this.db.query<Omit<RecipientRow, 'updated_at'> & { updated_at: Date }>(
      `SELECT delivery_id, recipient, status, error, updated_at FROM ${RCPT}
       WHERE delivery_id = $1 ORDER BY position`,
      [id],
    );
    return r.rows.map((row) => ({ ...row, updated_at: iso(row.updated_at)! }));
  }

  async requeue(id: number, now: Date, why: string): Promise<DeliveryRow | null> {
    const rows = await this.#rows(
      `WITH before AS (
         SELECT id, status FROM ${T} WHERE id = $1 AND status IN ('failed', 'pending') FOR UPDATE),
       u AS (
         UPDATE ${T} d SET status = 'pending',
           attempts = CASE WHEN before.status = 'failed' THEN 0 ELSE d.attempts END,
           next_attempt_at = $2, updated_at = $2
         FROM before WHERE d.id = before.id AND d.status = before.status
         RETURNING d.*, before.status AS was),
       l AS (
         INSERT INTO ${LOG} (delivery_id, from_status, to_status, message, created_at)
         SELECT id, 'failed', 'pending', $3, $2 FROM u WHERE was = 'failed')
       SELECT ${COLUMNS} FROM u`,
      [id, now.toISOString(), why],
    );
    return rows[0] ?? null;
  }

  async setNote(id: number, note: string): Promise<void> {
    await this.db.query(`UPDATE ${T} SET note = $1 WHERE id = $2`, [note, id]);
  }

  async get(id: number): Promise<DeliveryRow | null> {
    const rows = await this.#rows(`SELECT ${COLUMNS} FROM ${T} WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async nextWake(): Promise<string | null> {
    const r = await this.db.query<{ t: Date | null }>(
      `SELECT least(
         (SELECT min(next_attempt_at) FROM ${T} WHERE status = 'pending'),
         (SELECT min(lease_until) FROM ${T} WHERE status IN ('rendering', 'sending'))) AS t`,
    );
    return iso(r.rows[0]?.t ?? null);
  }

  async list(filter: DeliveryListFilter): Promise<{ rows: DeliveryRow[]; total: number }> {
    // A manual send of a subscription, or one whose subscription was deleted, keeps the id
    // only in its request snapshot.
    const where = `WHERE ($1::text IS NULL OR status = $1) AND ($2::integer IS NULL
      OR subscription_id = $2 OR (request ->> 'subscriptionId')::integer = $2)`;
    const args = [filter.status ?? null, filter.subscriptionId ?? null];
    const [count, rows] = await Promise.all([
      this.db.query<{ n: number }>(`SELECT count(*)::integer AS n FROM ${T} ${where}`, args),
      this.#rows(`SELECT ${COLUMNS} FROM ${T} ${where} ORDER BY id DESC LIMIT $3 OFFSET $4`, [
        ...args,
        filter.limit,
        filter.offset,
      ]),
    ]);
    return { rows, total: count.rows[0]?.n ?? 0 };
  }

  async log(id: number): Promise<DeliveryLogRow[]> {
    const r = await this.db.query<Omit<DeliveryLogRow, 'at'> & { at: Date }>(
      `SELECT from_status, to_status, message, created_at AS at FROM ${LOG}
       WHERE delivery_id = $1 ORDER BY id`,
      [id],
    );
    return r.rows.map((row) => ({ ...row, at: iso(row.at)! }));
  }
}
