/**
 * The churn report as the shop's generator computed it (seed 003): every event of the
 * client in the window pulled into JavaScript, `ORDER BY user_id, timestamp`, and grouped
 * there user by user. It fills the same per-user rows the SQL does, behind the same
 * ChurnBackend seam, so the model, the numbers and the JSON are the same and the bench
 * compares like with like. Names come the same way in both (only the listed customers).
 */
import type Database from 'better-sqlite3';
import type pg from 'pg';
import {
  PURCHASE_TYPES,
  type ActivityQuery,
  type ChurnBackend,
  type UserActivityRow,
} from '../../src/core/reports/churn/features';

interface RawEvent {
  user_id: string;
  event_type: string;
  timestamp: string | Date;
  price: string | number | null;
  quantity: number | null;
  session_id: string | null;
}

const SELECT = `SELECT user_id, event_type, "timestamp", price, quantity, session_id`;

/** The local store: the same rows the seed's query returns, from `shop_events`. */
export function sqliteBaseline(db: Database.Database, names: ChurnBackend['names']): ChurnBackend {
  const statement = db.prepare(
    `${SELECT} FROM shop_events
     WHERE client_id = ? AND "timestamp" >= ? AND "timestamp" < ?
     ORDER BY user_id, "timestamp"`,
  );
  return {
    source: 'local',
    names,
    activity: (q) =>
      Promise.resolve(groupInJs(statement.all(q.clientId, q.scanStart, q.end) as RawEvent[], q)),
  };
}

export function postgresBaseline(pool: pg.Pool, names: ChurnBackend['names']): ChurnBackend {
  return {
    source: 'postgres',
    names,
    activity: async (q) => {
      const { rows } = await pool.query<RawEvent>(
        `${SELECT} FROM events
         WHERE client_id = $1 AND "timestamp" >= $2 AND "timestamp" < $3
         ORDER BY user_id, "timestamp"`,
        [q.clientId, q.scanStart, q.end],
      );
      return groupInJs(rows, q);
    },
  };
}

interface Week {
  counts: Record<'wl_add' | 'wl_rm' | 'cart_add' | 'cart_rm' | 'cart_qty' | 'purchases', number>;
  spent: number;
  sessions: Set<string>;
  base: boolean;
  spent28: number;
  sessions28: Set<string>;
  last: number;
}

const TYPE_KEYS: Record<string, keyof Week['counts']> = {
  added_to_wishlist: 'wl_add',
  removed_from_wishlist: 'wl_rm',
  added_to_cart: 'cart_add',
  removed_from_cart: 'cart_rm',
  cart_quantity_updated: 'cart_qty',
};
const PURCHASES = new Set<string>(PURCHASE_TYPES);

const newWeek = (): Week => ({
  counts: { wl_add: 0, wl_rm: 0, cart_add: 0, cart_rm: 0, cart_qty: 0, purchases: 0 },
  spent: 0,
  sessions: new Set(),
  base: false,
  spent28: 0,
  sessions28: new Set(),
  last: Number.NEGATIVE_INFINITY,
});

function groupInJs(events: readonly RawEvent[], q: ActivityQuery): UserActivityRow[] {
  const [prev, start, base] = [q.previousStart, q.start, q.baseStart].map((t) => Date.parse(t)) as [
    number,
    number,
    number,
  ];
  const users = new Map<string, { c: Week; p: Week }>();
  for (const e of events) {
    const at = e.timestamp instanceof Date ? e.timestamp.getTime() : Date.parse(e.timestamp);
    let user = users.get(e.user_id);
    if (!user) users.set(e.user_id, (user = { c: newWeek(), p: newWeek() }));
    // This week: [start, end) and its customers from `base`; the week before: [prev, start).
    add(user.c, e, at, at >= start, at >= base);
    if (at < start) add(user.p, e, at, at >= prev, true);
  }
  return [...users].map(([user_id, { c, p }]) => ({
    user_id,
    ...columns('c', c),
    ...columns('p', p),
  })) as UserActivityRow[];
}

function add(w: Week, e: RawEvent, at: number, inWeek: boolean, inBase: boolean): void {
  w.last = Math.max(w.last, at);
  const amount = PURCHASES.has(e.event_type) ? Number(e.price) * Number(e.quantity) : 0;
  if (inWeek) {
    const key = TYPE_KEYS[e.event_type];
    if (key) w.counts[key]++;
    if (PURCHASES.has(e.event_type)) {
      w.counts.purchases++;
      w.spent += amount;
    }
    if (e.session_id !== null) w.sessions.add(e.session_id);
  }
  if (inBase) {
    w.base = true;
    w.spent28 += amount;
    if (e.session_id !== null) w.sessions28.add(e.session_id);
  }
}

const cents = (x: number) => Math.round(x * 100) / 100;

function columns(prefix: 'c' | 'p', w: Week): Record<string, unknown> {
  const out: Record<string, unknown> = {
    spent: cents(w.spent),
    sessions: w.sessions.size,
    base: w.base ? 1 : 0,
    spent_28d: cents(w.spent28),
    sessions_28d: w.sessions28.size,
    last_at: Number.isFinite(w.last) ? new Date(w.last) : null,
    ...w.counts,
  };
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [`${prefix}_${k}`, v]));
}
