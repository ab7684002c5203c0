/**
 * Shop users and their events over the last 8 weeks (seed 003). Users follow one of a
 * few life stories (loyal, declining, churned, new, occasional) so the weekly churn report
 * finds real signal: churned users go quiet weeks before "now", declining users fade and
 * abandon carts. Events per user are apportioned so the total is exactly
 * `counts.shopEvents`, and each user's events are produced only when that user is reached.
 */
import {
  person,
  personalEmail,
  ukFirstNames,
  ukLastNames,
  usFirstNames,
  usLastNames,
} from '../people';
import { Apportioner, DAY_MS, iso } from '../plan';
import { Rng } from '../random';
import { LocalClock, hourFromCurve } from '../time';
import type { DemoPlan, ShopEvent, ShopEventType, ShopUser, ShopUserBundle } from '../types';
import { sessionEvents, takeEvents, type Habits } from './events';

type Story = 'loyal' | 'declining' | 'churned' | 'new' | 'occasional';

interface StoryShape {
  weight: number;
  habits: Habits;
}

const stories: Record<Story, StoryShape> = {
  loyal: { weight: 1.4, habits: { cart: 0.4, buy: 0.35, remove: 0.15 } },
  declining: { weight: 1.0, habits: { cart: 0.35, buy: 0.15, remove: 0.35 } },
  churned: { weight: 0.7, habits: { cart: 0.35, buy: 0.1, remove: 0.4 } },
  new: { weight: 0.6, habits: { cart: 0.3, buy: 0.25, remove: 0.2 } },
  occasional: { weight: 0.3, habits: { cart: 0.25, buy: 0.2, remove: 0.25 } },
};

// One cycle of twenty users: the mix every demo has, however small.
// prettier-ignore
const storyCycle: readonly Story[] = [
  'loyal', 'churned', 'declining', 'occasional', 'loyal', 'new', 'churned', 'loyal', 'declining', 'occasional',
  'loyal', 'churned', 'declining', 'new', 'loyal', 'churned', 'occasional', 'declining', 'new', 'occasional',
];

const WINDOW_DAYS = 56;
const chicago = new LocalClock('America/Chicago');
const berlin = new LocalClock('Europe/Berlin');
// prettier-ignore
const shoppingCurve = [
  [0, 1], [6, 1], [7, 2], [8, 3], [9, 3], [10, 4], [11, 4], [12, 6], [13, 5], [14, 4],
  [15, 4], [16, 4], [17, 5], [18, 6], [19, 8], [20, 9], [21, 8], [22, 5], [23, 3],
] as const;

const storyOf = (index: number): Story => storyCycle[index % storyCycle.length] ?? 'loyal';
const clientOf = (index: number) => (index % 4 === 3 ? 2 : 1);
// Client 1's tracking sends `purchase` per item; client 2's store sends `order_completed`.
const purchaseType = (clientId: number): ShopEventType =>
  clientId === 1 ? 'purchase' : 'order_completed';

export function* iterateShopUsers(plan: DemoPlan): Generator<ShopUserBundle> {
  const users = plan.counts.shopUsers;
  const activity = (i: number) =>
    stories[storyOf(i)].weight * Rng.derive(plan.seed, 'shop-activity', i).float(0.5, 1.5);
  let weightSum = 0;
  for (let i = 0; i < users; i++) weightSum += activity(i);
  // Everyone gets at least one event when there are enough to go round.
  const floor = plan.counts.shopEvents >= users ? 1 : 0;
  const apportion = new Apportioner(plan.counts.shopEvents - floor * users, weightSum);
  let nextId = 1;
  for (let i = 0; i < users; i++) {
    const count = floor + apportion.next(activity(i));
    const bundle = shopUser(plan, i, count, nextId);
    nextId += bundle.events.length;
    yield bundle;
  }
}

function shopUser(
  plan: DemoPlan,
  index: number,
  eventCount: number,
  firstId: number,
): ShopUserBundle {
  const rng = Rng.derive(plan.seed, 'shop-user', index);
  const clientId = clientOf(index);
  const p =
    clientId === 1
      ? person(rng, usFirstNames, usLastNames)
      : person(rng, ukFirstNames, ukLastNames);
  const user: ShopUser = {
    client_id: clientId,
    user_id: `user_${String(index + 1).padStart(4, '0')}`,
    email: personalEmail(rng, p),
    name: `${p.first} ${p.last}`,
  };
  const story = storyOf(index);
  const span = activeSpan(rng, story, plan.nowMs);
  const drafts: { at: number; session: string; events: ReturnType<typeof takeEvents> }[] = [];
  for (let left = eventCount; left > 0;) {
    const size = Math.min(left, rng.int(2, 12));
    const at = sessionStart(rng, story, span, clientId, plan.nowMs);
    const events = takeEvents(
      sessionEvents(rng, stories[story].habits, purchaseType(clientId)),
      size,
    );
    drafts.push({ at, session: `s_${rng.chars(12)}`, events });
    left -= size;
  }
  const events: ShopEvent[] = [];
  for (const d of drafts) {
    let t = d.at;
    for (const e of d.events) {
      events.push({
        id: 0,
        client_id: clientId,
        user_id: user.user_id,
        event_type: e.type,
        timestamp: iso(Math.min(t, plan.nowMs)),
        price: e.price,
        quantity: e.quantity,
        session_id: d.session,
      });
      t += rng.int(8, 150) * 1000;
    }
  }
  // Two sessions can overlap; ids follow time so the table reads in order.
  events.sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
  events.forEach((e, i) => (e.id = firstId + i));
  return { user, events };
}

/** The stretch of the window in which this user shops. */
function activeSpan(rng: Rng, story: Story, nowMs: number): { from: number; to: number } {
  const start = nowMs - WINDOW_DAYS * DAY_MS;
  if (story === 'churned') return { from: start, to: nowMs - rng.int(14, 35) * DAY_MS };
  if (story === 'new') return { from: nowMs - rng.int(4, 21) * DAY_MS, to: nowMs };
  return { from: start, to: nowMs };
}

function sessionStart(
  rng: Rng,
  story: Story,
  span: { from: number; to: number },
  clientId: number,
  nowMs: number,
): number {
  // Declining users shop mostly early in the window: density falls linearly to the end.
  const x = story === 'declining' ? 1 - Math.sqrt(1 - rng.next()) : rng.next();
  const clock = clientId === 2 ? berlin : chicago;
  const day = clock.dayOf(span.from + x * (span.to - span.from));
  let at = clock.at(day, hourFromCurve(rng, shoppingCurve));
  // Whole sessions stay inside the span; the last minutes of "now" are left for live data.
  while (at > Math.min(span.to, nowMs - 30 * 60_000)) at -= DAY_MS;
  return Math.max(at, nowMs - WINDOW_DAYS * DAY_MS);
}
