/**
 * A hand-made shop for the churn report tests, and loaders that put the same rows into
 * PostgreSQL (`events`, `users`) and the local store (`shop_events`, `shop_users`).
 *
 * Week ending 2025-03-30 in Europe/London: the clocks go forward that Sunday, so the week
 * is [2025-03-24T00:00Z, 2025-03-30T23:00Z), the week before starts 2025-03-17T00:00Z,
 * this week's customers need an event from 2025-03-03T00:00Z, the week before's from
 * 2025-02-24T00:00Z.
 */
import type pg from 'pg';
import { createSourceTables, qualified } from '../../../sources/postgres/source-schema';
import type { Store } from '../../../store/open';
import type { ChurnFeatures } from '../model';

/** A customer who did nothing: the features to spread a case's few numbers over. */
export const noActivity: ChurnFeatures = {
  added_to_wishlist: 0,
  removed_from_wishlist: 0,
  added_to_cart: 0,
  removed_from_cart: 0,
  cart_quantity_updated: 0,
  total_sessions: 0,
  days_since_last_activity: 0,
  total_spent_usd: 0,
};

export const CLIENT = 7;
export const WEEK_ENDING = '2025-03-30';
export const LONDON = 'Europe/London';

export interface FixtureEvent {
  client_id: number;
  user_id: string;
  event_type: string;
  timestamp: string;
  price: number | null;
  quantity: number | null;
  session_id: string | null;
}

const ev = (
  user_id: string,
  session_id: string | null,
  timestamp: string,
  event_type: string,
  price: number | null = null,
  quantity: number | null = null,
  client_id = CLIENT,
): FixtureEvent => ({ client_id, user_id, event_type, timestamp, price, quantity, session_id });

export const fixtureEvents: FixtureEvent[] = [
  // ann: buys this week and the week before; last seen half an hour before the week ends.
  ev('ann', 'a0', '2025-03-18T12:00:00.000Z', 'purchase', 100, 1),
  ev('ann', 'a0', '2025-03-18T12:01:00.000Z', 'purchase', 50, 1),
  ev('ann', 'a1', '2025-03-25T10:00:00.000Z', 'added_to_cart', 10, 2),
  ev('ann', 'a1', '2025-03-25T10:01:00.000Z', 'added_to_cart', 5.5, 1),
  ev('ann', 'a1', '2025-03-25T10:02:00.000Z', 'purchase', 10, 2),
  ev('ann', 'a1', '2025-03-25T10:02:00.000Z', 'purchase', 5.5, 1),
  ev('ann', 'a2', '2025-03-30T22:20:00.000Z', 'product_view', 20),
  ev('ann', 'a2', '2025-03-30T22:30:00.000Z', 'added_to_wishlist', 20),
  // bob: one visit in the week before (cart emptied, wishlist pruned), silent since: exactly
  // 10 days before the week ends. His event without a session counts, but is no session.
  ev('bob', null, '2025-03-20T22:00:00.000Z', 'product_view', 30),
  ev('bob', 'b1', '2025-03-20T22:50:00.000Z', 'added_to_cart', 30, 1),
  ev('bob', 'b1', '2025-03-20T22:55:00.000Z', 'removed_from_cart', 30, 1),
  ev('bob', 'b1', '2025-03-20T23:00:00.000Z', 'removed_from_wishlist', 12),
  // cat: bought once, 22 days before the week started: the week before's customer only.
  ev('cat', 'c1', '2025-03-02T12:00:00.000Z', 'order_completed', 200, 1),
  // dan: one event exactly when the week starts (in) and one exactly when it ends (out).
  ev('dan', 'd1', '2025-03-24T00:00:00.000Z', 'product_view', 15),
  ev('dan', 'd2', '2025-03-30T23:00:00.000Z', 'purchase', 999, 1),
  // eve shops at another client: never in client 7's report.
  ev('eve', 'e1', '2025-03-27T09:00:00.000Z', 'purchase', 80, 1, 8),
];

export const fixtureUsers = [
  { client_id: CLIENT, user_id: 'ann', email: 'ann@example.com', name: 'Ann Archer' },
  { client_id: CLIENT, user_id: 'bob', email: 'bob@example.com', name: 'Bob <b>Baker</b>' },
  { client_id: CLIENT, user_id: 'cat', email: null, name: null },
  { client_id: CLIENT, user_id: 'dan', email: 'dan@example.com', name: 'Dan Dale' },
  { client_id: 8, user_id: 'eve', email: 'eve@example.com', name: 'Eve Evans' },
];

const EVENT_COLUMNS = [
  'client_id',
  'user_id',
  'event_type',
  'timestamp',
  'price',
  'quantity',
  'session_id',
] as const;
const USER_COLUMNS = ['client_id', 'user_id', 'email', 'name'] as const;

export async function loadShopIntoPostgres(
  pool: pg.Pool,
  rows: { events: readonly FixtureEvent[]; users: readonly (typeof fixtureUsers)[number][] },
  schema = 'public',
): Promise<void> {
  await createSourceTables(pool, schema);
  const insert = async (
    table: 'events' | 'users',
    columns: readonly string[],
    list: readonly object[],
  ) => {
    for (const row of list) {
      const r = row as Record<string, unknown>;
      await pool.query(
        `INSERT INTO ${qualified(schema, table)} (${columns.map((c) => `"${c}"`).join(', ')})
         VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        columns.map((c) => r[c]),
      );
    }
  };
  await insert('events', EVENT_COLUMNS, rows.events);
  await insert('users', USER_COLUMNS, rows.users);
}

export function loadShopIntoStore(
  store: Store,
  rows: { events: readonly FixtureEvent[]; users: readonly (typeof fixtureUsers)[number][] },
): void {
  const insert = (table: string, columns: readonly string[]) =>
    store.sqlite.prepare(
      `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    );
  const event = insert('shop_events', EVENT_COLUMNS);
  const user = insert('shop_users', USER_COLUMNS);
  store.sqlite.transaction(() => {
    for (const e of rows.events) event.run(e);
    for (const u of rows.users) user.run(u);
  })();
}
