/**
 * The deterministic demo data generator: the same seed, size, counts and `now` give the
 * same data, byte for byte. `demoStreams` yields it item by item so writers can push a
 * million call logs without holding them; `generateDemo` collects the same streams into
 * arrays for the small and standard sizes.
 */
import { iterateChatSessions } from './chatbot/sessions';
import { gymDirectory, gymSetups } from './gym/directory';
import { iterateGymLeads } from './gym/leads';
import { iso, resolvePlan } from './plan';
import { iterateShopUsers } from './shop/users';
import type {
  DemoData,
  DemoOptions,
  DemoPlan,
  GymDirectory,
  GymLeadBundle,
  RedisChatSession,
  ShopUserBundle,
  WebChat,
} from './types';
import { iterateWebChats } from './webchat/sessions';

export interface DemoStreams {
  plan: DemoPlan;
  gym: GymDirectory;
  chatSessions(): Generator<RedisChatSession>;
  webChats(): Generator<WebChat>;
  /** Each lead with its calls, oldest call first. */
  gymLeads(): Generator<GymLeadBundle>;
  /** Each shop user with their events, oldest first; event ids run on across users. */
  shopUsers(): Generator<ShopUserBundle>;
}

export function demoStreams(options: DemoOptions): DemoStreams {
  const plan = resolvePlan(options);
  const setups = gymSetups(plan);
  return {
    plan,
    gym: gymDirectory(setups),
    chatSessions: () => iterateChatSessions(plan),
    webChats: () => iterateWebChats(plan),
    gymLeads: () => iterateGymLeads(plan, setups),
    shopUsers: () => iterateShopUsers(plan),
  };
}

export function generateDemo(options: DemoOptions): DemoData {
  const streams = demoStreams(options);
  const data: DemoData = {
    seed: streams.plan.seed,
    now: iso(streams.plan.nowMs),
    counts: streams.plan.counts,
    chatSessions: [...streams.chatSessions()],
    webChats: [...streams.webChats()],
    ...streams.gym,
    gymLeads: [],
    callLogs: [],
    shopUsers: [],
    shopEvents: [],
  };
  for (const { lead, calls } of streams.gymLeads()) {
    data.gymLeads.push(lead);
    for (const c of calls) data.callLogs.push(c);
  }
  for (const { user, events } of streams.shopUsers()) {
    data.shopUsers.push(user);
    for (const e of events) data.shopEvents.push(e);
  }
  return data;
}

/** Groups a stream into arrays of `size`, the unit writers insert and report progress in. */
export function* batches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

export { demoSizes, currentHour } from './plan';
export type * from './types';
