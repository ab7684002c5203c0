/**
 * Gym leads over the last 60 days (seed 002), each with its calls. A lead's fate (its
 * lead_status) is drawn first, from its age and its agent's skill; its calls are then
 * written to tell that story. The number of calls per lead is apportioned so the total is
 * exactly `counts.callLogs`, streaming: nothing but the current lead is held in memory.
 */
import {
  person,
  personalEmail,
  ukFirstNames,
  ukLastNames,
  ukPhone,
  usFirstNames,
  usLastNames,
  usPhone,
} from '../people';
import { Apportioner, DAY_MS, iso } from '../plan';
import { Rng, type Weighted } from '../random';
import { LocalClock, hourFromCurve } from '../time';
import type { DemoPlan, GymLead, GymLeadBundle, LeadStatus } from '../types';
import { buildCalls } from './calls';
import type { GymSetup, StaffMember } from './directory';

export interface LeadCore {
  rng: Rng;
  index: number;
  setup: GymSetup;
  branchId: string;
  agent: StaffMember;
  /** Everyone at the gym who may pick up or make a call for this lead. */
  colleagues: StaffMember[];
  clock: LocalClock;
  createdMs: number;
  status: LeadStatus;
}

/** Fewest calls a lead of each status can have, and its share of the rest. */
const callShape: Record<LeadStatus, { min: number; weight: number }> = {
  new: { min: 0, weight: 0.3 },
  contacted: { min: 1, weight: 1.5 },
  qualified: { min: 2, weight: 2.5 },
  converted: { min: 2, weight: 3.5 },
  lost: { min: 1, weight: 2 },
};

// Web forms and walk-in enquiries: a morning bump and an evening peak after work.
// prettier-ignore
const arrivalCurve = [
  [6, 2], [7, 4], [8, 5], [9, 5], [10, 4], [11, 4], [12, 6], [13, 5], [14, 3], [15, 3],
  [16, 4], [17, 6], [18, 8], [19, 8], [20, 7], [21, 5], [22, 3], [23, 1],
] as const;

export function* iterateGymLeads(
  plan: DemoPlan,
  setups: readonly GymSetup[],
): Generator<GymLeadBundle> {
  const clocks = new Map(setups.map((s) => [s.gym.id, new LocalClock(s.gym.timezone)]));
  const core = (i: number) => leadCore(plan, setups, clocks, i);
  let minSum = 0;
  let weightSum = 0;
  for (let i = 0; i < plan.counts.gymLeads; i++) {
    const shape = callShape[core(i).status];
    minSum += shape.min;
    weightSum += shape.weight;
  }
  const extra = plan.counts.callLogs - minSum;
  // Too few calls asked for to give every contacted lead one: share them by the minimums.
  const apportion =
    extra >= 0 ? new Apportioner(extra, weightSum) : new Apportioner(plan.counts.callLogs, minSum);
  for (let i = 0; i < plan.counts.gymLeads; i++) {
    const c = core(i);
    const shape = callShape[c.status];
    const calls = extra >= 0 ? shape.min + apportion.next(shape.weight) : apportion.next(shape.min);
    yield bundle(plan, c, calls);
  }
}

function leadCore(
  plan: DemoPlan,
  setups: readonly GymSetup[],
  clocks: ReadonlyMap<string, LocalClock>,
  index: number,
): LeadCore {
  const rng = Rng.derive(plan.seed, 'gym-lead', index);
  const setup = rng.weighted(setups.map((s) => [s, s.weight] as const));
  const branch = rng.weighted(setup.branches.map((b) => [b, b.weight] as const));
  const agent = rng.pick(branch.agents);
  const clock = clocks.get(setup.gym.id) ?? new LocalClock(setup.gym.timezone);
  // Lead flow grows over the window: half the leads follow a linear ramp toward today.
  const daysAgo = 60 * (rng.chance(0.5) ? 1 - Math.sqrt(1 - rng.next()) : rng.next());
  const day = clock.dayOf(plan.nowMs - daysAgo * DAY_MS);
  let createdMs = clock.at(day, hourFromCurve(rng, arrivalCurve));
  while (createdMs > plan.nowMs) createdMs -= DAY_MS;
  const ageDays = (plan.nowMs - createdMs) / DAY_MS;
  const colleagues = [setup.manager, ...setup.branches.flatMap((b) => b.agents)];
  return {
    rng,
    index,
    setup,
    branchId: branch.branch.id,
    agent,
    colleagues,
    clock,
    createdMs,
    status: fate(rng, ageDays, agent.profile.closing),
  };
}

function fate(rng: Rng, ageDays: number, closing: number): LeadStatus {
  const maturity = Math.min(1, ageDays / 4);
  const weights: Weighted<LeadStatus> = [
    ['new', ageDays < 1 ? 60 : ageDays < 3 ? 20 : 5],
    ['contacted', 24],
    ['qualified', 20 * (0.5 + maturity / 2)],
    ['converted', 14 * closing * maturity],
    ['lost', (16 / closing) * (0.3 + maturity * 0.7)],
  ];
  return rng.weighted(weights);
}

function bundle(plan: DemoPlan, c: LeadCore, callCount: number): GymLeadBundle {
  const london = c.setup.gym.timezone === 'Europe/London';
  const p = london
    ? person(c.rng, ukFirstNames, ukLastNames)
    : person(c.rng, usFirstNames, usLastNames);
  const id = c.rng.uuid();
  const calls = buildCalls(plan, c, id, callCount);
  const last = calls[calls.length - 1];
  const touched = last
    ? Date.parse(last.created_at) + c.rng.int(0, 600) * 1000
    : c.createdMs + c.rng.int(0, 300) * 1000;
  const lead: GymLead = {
    id,
    branch_id: c.branchId,
    gym_id: c.setup.gym.id,
    first_name: p.first,
    last_name: p.last,
    phone: london ? ukPhone(c.rng) : usPhone(c.rng),
    email: personalEmail(c.rng, p),
    lead_status: c.status,
    created_at: iso(c.createdMs),
    updated_at: iso(Math.max(c.createdMs, Math.min(touched, plan.nowMs))),
  };
  return { lead, calls };
}
