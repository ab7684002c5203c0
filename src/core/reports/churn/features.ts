/**
 * Per-customer activity for the churn report, aggregated in SQL: one row per shop user
 * with events in the scan (a few numbers each) instead of every event pulled into
 * JavaScript, which is what the shop's report generator did (seed 003). The same SQL text
 * serves PostgreSQL and SQLite; only placeholders and casts differ.
 *
 * Sessions are counted in two steps (per user and session, then per user) rather than with
 * COUNT(DISTINCT …): a distinct aggregate forces PostgreSQL to sort every user's events,
 * while two plain GROUP BYs hash.
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
}

const TS = '"timestamp"';

/** Per week: which events fall in the week, and in the 28 days up to its end. */
function weekRanges(d: Dialect) {
  return {
    c: {
      week: `${TS} >= ${d.param('start')}`,
      base: `${TS} >= ${d.param('baseStart')}`,
      before: '',
    },
    p: {
      week: `${TS} >= ${d.param('previousStart')} AND ${TS} < ${d.param('start')}`,
      base: `${TS} < ${d.param('start')}`,
      before: `${TS} < ${d.param('start')}`,
    },
  } as const;
}

export function activitySql(events: string, d: Dialect): string {
  const purchase = `event_type IN (${PURCHASE_TYPES.map((t) => `'${t}'`).join(', ')})`;
  const inner: string[] = [];
  const outer: string[] = [];
  for (const [w, r] of Object.entries(weekRanges(d))) {
    for (const [name, type] of Object.entries(COUNTED)) {
      inner.push(`COUNT(*) FILTER (WHERE ${r.week} AND event_type = '${type}') AS ${w}_${name}`);
      outer.push(`${d.int(`SUM(${w}_${name})`)} AS ${w}_${name}`);
    }
    inner.push(
      `COUNT(*) FILTER (WHERE ${r.week} AND ${purchase}) AS ${w}_purchases`,
      `SUM(price * quantity) FILTER (WHERE ${r.week} AND ${purchase}) AS ${w}_spent`,
      `MAX(CASE WHEN ${r.week} THEN 1 ELSE 0 END) AS ${w}_in`,
      `SUM(price * quantity) FILTER (WHERE ${r.base} AND ${purchase}) AS ${w}_spent_28d`,
      `MAX(CASE WHEN ${r.base} THEN 1 ELSE 0 END) AS ${w}_in_28d`,
      r.before
        ? `MAX(${TS}) FILTER (WHERE ${r.before}) AS ${w}_last_at`
        : `MAX(${TS}) AS ${w}_last_at`,
    );
    const sessions = (flag: string) =>
      d.int(`SUM(CASE WHEN session_id IS NOT NULL THEN ${flag} ELSE 0 END)`);
    outer.push(
      `${d.int(`SUM(${w}_purchases)`)} AS ${w}_purchases`,
      `${d.money(`COALESCE(SUM(${w}_spent), 0)`)} AS ${w}_spent`,
      `${sessions(`${w}_in`)} AS ${w}_sessions`,
      `${d.int(`MAX(${w}_in_28d)`)} AS ${w}_base`,
      `${d.money(`COALESCE(SUM(${w}_spent_28d), 0)`)} AS ${w}_spent_28d`,
      `${sessions(`${w}_in_28d`)} AS ${w}_sessions_28d`,
      `MAX(${w}_last_at) AS ${w}_last_at`,
    );
  }
  return `
    WITH per_session AS (
      SELECT user_id, session_id,
        ${inner.join(',\n        ')}
      FROM ${events}
      WHERE client_id = ${d.param('clientId')}
        AND ${TS} >= ${d.param('scanStart')} AND ${TS} < ${d.param('end')}
      GROUP BY user_id, session_id
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
