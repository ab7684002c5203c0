import type pg from 'pg';
import type { SubscriptionRecord, SubscriptionRows, SubscriptionValues } from './subscription-rows';

type Queryable = Pick<pg.Pool, 'query'>;

const T = 'leadwatch.subscriptions';

const SELECT = `SELECT id, gym_id AS "gymId", branch_id AS "branchId", report_type AS "reportType",
  template_id AS "templateId", active, delivery_method AS "deliveryMethod", recipients,
  delivery_time AS "deliveryTime", delivery_days AS "deliveryDays", timezone,
  skip_when_empty AS "skipWhenEmpty", created_by AS "createdBy", created_at AS "createdAt",
  updated_at AS "updatedAt" FROM ${T}`;

type PgRecord = Omit<SubscriptionRecord, 'createdAt' | 'updatedAt'> & {
  createdAt: Date;
  updatedAt: Date;
};

const toRecord = (r: PgRecord): SubscriptionRecord => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** The values in column order, for INSERT and UPDATE alike ($1…$13). */
function params(v: SubscriptionValues): unknown[] {
  return [
    v.gymId,
    v.branchId,
    v.reportType,
    v.templateId,
    v.active,
    v.deliveryMethod,
    JSON.stringify(v.recipients),
    v.deliveryTime,
    v.deliveryDays === null ? null : JSON.stringify(v.deliveryDays),
    v.timezone,
    v.skipWhenEmpty,
    v.createdBy,
    v.updatedAt,
  ];
}

const COLUMNS = `gym_id, branch_id, report_type, template_id, active, delivery_method, recipients,
  delivery_time, delivery_days, timezone, skip_when_empty, created_by, updated_at`;

/** Subscriptions in the team PostgreSQL, shared by every instance of the team. */
export class PgSubscriptionRows implements SubscriptionRows {
  constructor(private readonly db: Queryable) {}

  async all(): Promise<SubscriptionRecord[]> {
    const r = await this.db.query<PgRecord>(`${SELECT} ORDER BY id`);
    return r.rows.map(toRecord);
  }

  async get(id: number): Promise<SubscriptionRecord | null> {
    const r = await this.db.query<PgRecord>(`${SELECT} WHERE id = $1`, [id]);
    return r.rows[0] ? toRecord(r.rows[0]) : null;
  }

  async insert(values: SubscriptionValues, createdAt: string): Promise<number> {
    const r = await this.db.query<{ id: number }>(
      `INSERT INTO ${T} (${COLUMNS}, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [...params(values), createdAt],
    );
    return r.rows[0]!.id;
  }

  async update(id: number, values: SubscriptionValues): Promise<boolean> {
    const r = await this.db.query(
      `UPDATE ${T} SET (${COLUMNS}) = ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       WHERE id = $14`,
      [...params(values), id],
    );
    return r.rowCount === 1;
  }

  async remove(id: number): Promise<void> {
    // The deliveries' foreign key is ON DELETE SET NULL: history stays, unlinked.
    await this.db.query(`DELETE FROM ${T} WHERE id = $1`, [id]);
  }

  async templateExists(id: number): Promise<boolean> {
    const r = await this.db.query('SELECT 1 FROM leadwatch.report_templates WHERE id = $1', [id]);
    return r.rowCount === 1;
  }
}
