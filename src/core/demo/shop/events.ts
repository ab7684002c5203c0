/**
 * What one shopping session looks like as events: views, wishlist and cart changes, and
 * sometimes a purchase. Sessions are drawn from an endless plausible stream and cut to
 * the length the caller needs, so per-user event counts can be exact.
 */
import type { Rng } from '../random';
import type { ShopEventType } from '../types';

export interface DraftEvent {
  type: ShopEventType;
  price: number | null;
  quantity: number | null;
}

export interface Habits {
  /** Chance a viewed product goes into the cart. */
  cart: number;
  /** Chance a non-empty cart is bought at each step. */
  buy: number;
  /** Chance an added item is taken out again. */
  remove: number;
}

// Price points of the demo shop's catalogue (home goods and apparel).
// prettier-ignore
const prices = [
  9.99, 12.5, 14.99, 19.99, 24, 24.99, 29.99, 34.5, 39.99, 44.99, 49.99, 59, 64.99, 79.99,
  89, 99.99, 119, 129.99, 149.99, 189, 249,
];

export function* sessionEvents(
  rng: Rng,
  habits: Habits,
  purchaseType: ShopEventType,
): Generator<DraftEvent> {
  if (rng.chance(0.6)) yield { type: 'page_view', price: null, quantity: null };
  const cart: { price: number; quantity: number }[] = [];
  for (;;) {
    const price = rng.weighted(prices.map((p, i) => [p, prices.length - i] as const));
    yield { type: 'product_view', price, quantity: null };
    const r = rng.next();
    if (r < 0.12) {
      yield { type: 'added_to_wishlist', price, quantity: null };
      if (rng.chance(0.25)) yield { type: 'removed_from_wishlist', price, quantity: null };
    } else if (r < 0.12 + habits.cart) {
      yield* cartChanges(rng, habits, cart, price);
    }
    if (cart.length > 0 && rng.chance(habits.buy)) {
      for (const item of cart)
        yield { type: purchaseType, price: item.price, quantity: item.quantity };
      cart.length = 0;
    }
  }
}

function* cartChanges(
  rng: Rng,
  habits: Habits,
  cart: { price: number; quantity: number }[],
  price: number,
): Generator<DraftEvent> {
  const item = {
    price,
    quantity: rng.weighted<number>([
      [1, 6],
      [2, 2],
      [3, 1],
    ]),
  };
  yield { type: 'added_to_cart', price, quantity: item.quantity };
  if (rng.chance(0.15)) {
    item.quantity = Math.max(1, item.quantity + (rng.chance(0.6) ? 1 : -1));
    yield { type: 'cart_quantity_updated', price, quantity: item.quantity };
  }
  if (rng.chance(habits.remove)) {
    yield { type: 'removed_from_cart', price, quantity: item.quantity };
  } else {
    cart.push(item);
  }
}

export function takeEvents(stream: Generator<DraftEvent>, count: number): DraftEvent[] {
  const out: DraftEvent[] = [];
  while (out.length < count) {
    const next = stream.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}
