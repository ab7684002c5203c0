/**
 * Per-customer activity for the churn report, aggregated in SQL: one row per shop user
 * with events in the scan (a few numbers each) instead of every event pulled into
 * JavaScript, which is what the shop's report generator did (seed 003). The same SQL text
 * serves PostgreSQL and SQLite; only placeholders and casts differ.
 *
 * Two steps: every event is touched by a handful of plain counts (per user, session and
 * stretch of time), and only the few resulting rows per user are split into weeks, rather
 * than every week's condition evaluated on every event (at 2M events on SQLite: 3.2 s
 * against 3.5–4.9 s over the (client, timestamp) index; about 2 s either way over the
 * covering index of migration 0006, which is what made the difference there).
 */

/** The seed's purchase events: client 1's tracking sends `purchase`, others `order_completed`. */
export const PURCHASE_TYPES = ['purchase', 'order_completed'] as const;

const COUNTED = {
  wl_add: 'added_to_wishlist',
  wl_rm: 'removed_from_wishlist',
  cart_add: 'added_to_cart',
  cart_rm: 'removed_from_cart',
  cart_qty: 'cart_quantity_updated',
} as const;

/** One week's numbers for one user: `c_` this week, `p_` the week before. */
interface WeekColumns {
  wl_add: number;
  wl_rm: number;
  cart_add: number;
  cart_rm: number;
  cart_qty: number;
  purchases: number;
  /** Sum of price × quantity of purchases, rounded to cents. */
  spent: number;
  sessions: number;
  /** 1 if the user had any event in the 28 days up to the week's end. */
  base: number;
  spent_28d: number;
  sessions_28d: number;
  /** The newest event before the week's end. */
  last_at: string | Date | null;
}

type Prefixed<P extends string> = { [K in keyof WeekColumns as `${P}_${K}`]: WeekColumns[K] };

export type UserActivityRow = { user_id: string } & Prefixed<'c'> & Prefixed<'p'>;

export interface ActivityQuery {
  clientId: number;
  /** ISO instants (UTC): see window.ts. */
  scanStart: string;
  previousStart: string;
  start: string;
  baseStart: string;
  end: string;
}

export interface Dialect {
  /** A named parameter of ActivityQuery, as the driver wants it. */
  param: (name: keyof ActivityQuery) => string;
  /** SUM(price * quantity) rounded to cents, as a float. */
  money: (sum: string) => string;
  /** A count as a JavaScript number. */
  int: (e: string) => string;
  /** The timestamp column as the scan's range filter names it. */
  scanTimestamp: string;
}

const TS = '"timestamp"';

/**
 * The scan splits into four stretches, so events are grouped once per user, session and
 * stretch with plain counts, and the weeks are put together from a few rows per user:
 *   0: [scanStart, baseStart)  1: [baseStart, previousStart)  2: [previousStart, start)
 *   3: [start, end)
 * This week is 3, its customers 1–3; the week before is 2, its customers 0–2.
 */
const WEEKS = {
  c: { week: 'bucket = 3', base: 'bucket >= 1' },
  p: { week: 'bucket = 2', base: 'bucket <= 2' },
} as const;

export function activitySql(events: string, d: Dialect): string {
  const purchase = `event_type IN (${PURCHASE_TYPES.map((t) => `'${t}'`).join(', ')})`;
  const inner = [
    ...Object.entries(COUNTED).map(
      ([name, type]) => `COUNT(*) FILTER (WHERE event_type = '${type}') AS ${name}`,
    ),
    `COUNT(*) FILTER (WHERE ${purchase}) AS purchases`,
    `SUM(price * quantity) FILTER (WHERE ${purchase}) AS spent`,
    `MAX(${TS}) AS last_at`,
  ];
  const outer: string[] = [];
  for (const [w, r] of Object.entries(WEEKS)) {
    for (const name of [...Object.keys(COUNTED), 'purchases'])
      outer.push(`${d.int(`SUM(CASE WHEN ${r.week} THEN ${name} ELSE 0 END)`)} AS ${w}_${name}`);
    // A session can cross a stretch's edge: count it once.
    const sessions = (when: string) => d.int(`COUNT(DISTINCT session_id) FILTER (WHERE ${when})`);
    outer.push(
      `${d.money(`COALESCE(SUM(spent) FILTER (WHERE ${r.week}), 0)`)} AS ${w}_spent`,
      `${sessions(r.week)} AS ${w}_sessions`,
      `MAX(CASE WHEN ${r.base} THEN 1 ELSE 0 END) AS ${w}_base`,
      `${d.money(`COALESCE(SUM(spent) FILTER (WHERE ${r.base}), 0)`)} AS ${w}_spent_28d`,
      `${sessions(r.base)} AS ${w}_sessions_28d`,
      `MAX(last_at) FILTER (WHERE ${r.base}) AS ${w}_last_at`,
    );
  }
  return `
    WITH per_session AS (
      SELECT user_id, session_id,
        CASE WHEN ${TS} >= ${d.param('start')} THEN 3
          WHEN ${TS} >= ${d.param('previousStart')} THEN 2
          WHEN ${TS} >= ${d.param('baseStart')} THEN 1
          ELSE 0 END AS bucket,
        ${inner.join(',\n        ')}
      FROM ${events}
      WHERE client_id = ${d.param('clientId')}
        AND ${d.scanTimestamp} >= ${d.param('scanStart')} AND ${d.scanTimestamp} < ${d.param('end')}
      GROUP BY 1, 2, 3
    )
    SELECT user_id,
      ${outer.join(',\n      ')}
    FROM per_session
    GROUP BY user_id`;
}

export interface CustomerName {
  user_id: string;
  name: string | null;
  email: string | null;
}

/** What the report needs of a back end: per-user rows, and names for the few it lists. */
export interface ChurnBackend {
  readonly source: 'postgres' | 'local';
  activity(query: ActivityQuery): Promise<UserActivityRow[]>;
  names(clientId: number, userIds: readonly string[]): Promise<CustomerName[]>;
}
