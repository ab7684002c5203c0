/**
 * The calls for one gym lead, oldest first. Their last call settles the lead's status
 * (booked a tour, said no, ...); earlier ones are attempts, voicemails and callbacks.
 * Calls fall in business hours of the gym's own time zone, and whether one connects
 * depends on the hour (lunch and after work are best) and on who is calling.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, iso } from '../plan';
import type { Rng, Weighted } from '../random';
import { hourFromCurve } from '../time';
import type { CallLog, CallOutcome, DemoPlan, LeadStatus } from '../types';
import type { StaffMember } from './directory';
import type { LeadCore } from './leads';
import { callNote } from './notes';

// When the team dials, in local time.
// prettier-ignore
const dialCurve = [
  [8, 2], [9, 6], [10, 9], [11, 9], [12, 6], [13, 6], [14, 8], [15, 8], [16, 8], [17, 9],
  [18, 7], [19, 4], [20, 2],
] as const;

/** Base chance that a call connects, by local hour. */
function connectRate(hour: number): number {
  if (hour >= 12 && hour < 14) return 0.62;
  if (hour >= 17 && hour < 20) return 0.68;
  if (hour < 10) return 0.4;
  return 0.48;
}

const attemptOutcomes: Record<LeadStatus, Weighted<CallOutcome>> = {
  new: [['voicemail', 1]],
  contacted: [
    ['voicemail', 3],
    ['callback', 3],
    ['interested', 1],
  ],
  qualified: [
    ['callback', 2],
    ['interested', 3],
    ['voicemail', 2],
  ],
  converted: [
    ['interested', 3],
    ['callback', 2],
    ['voicemail', 1],
  ],
  lost: [
    ['voicemail', 2],
    ['callback', 2],
    ['interested', 1],
  ],
};

const finalOutcomes: Record<Exclude<LeadStatus, 'new'>, Weighted<CallOutcome>> = {
  contacted: [
    ['callback', 4],
    ['voicemail', 3],
    ['interested', 2],
  ],
  qualified: [
    ['interested', 5],
    ['callback', 2],
  ],
  converted: [['booked_tour', 1]],
  lost: [
    ['not_interested', 5],
    ['wrong_number', 1],
  ],
};

/** Seconds on the phone, before the caller's talk-time factor. */
const talk: Record<CallOutcome, readonly [number, number]> = {
  voicemail: [15, 45],
  callback: [40, 120],
  interested: [120, 420],
  booked_tour: [180, 600],
  not_interested: [30, 150],
  wrong_number: [5, 30],
  no_answer: [0, 0],
};

export function buildCalls(plan: DemoPlan, c: LeadCore, leadId: string, count: number): CallLog[] {
  const calls: CallLog[] = [];
  const window = plan.nowMs - c.createdMs;
  // With many calls per lead (benchmarks), gaps shrink so every call still fits the window.
  const meanGap = Math.min(1.5 * DAY_MS, window / (count + 1));
  let prev = c.createdMs;
  for (let j = 0; j < count; j++) {
    const first = j === 0;
    const mean = first ? Math.min(meanGap, (3 * HOUR_MS) / c.agent.profile.speed) : meanGap;
    const at = nextCallTime(c, prev, mean, plan.nowMs);
    calls.push(call(c, leadId, at, j === count - 1));
    prev = at;
  }
  return calls;
}

function nextCallTime(c: LeadCore, prev: number, meanGap: number, nowMs: number): number {
  let at = prev + Math.max(MINUTE_MS, c.rng.exponential(meanGap));
  let day = c.clock.dayOf(at);
  if (meanGap >= 6 * HOUR_MS) {
    // A call days later: any time in the gym's dialling hours that day, and off Sundays mostly.
    if (c.clock.weekday(day) === 7 && c.rng.chance(0.8)) day += 1;
    const snapped = c.clock.at(day, hourFromCurve(c.rng, dialCurve));
    if (snapped > prev) at = snapped;
  } else {
    // A quick follow-up that would fall outside dialling hours waits for the next morning.
    const hour = (at - c.clock.at(day, 0)) / HOUR_MS;
    if (hour >= 21) day += 1;
    if (hour >= 21 || hour < 8) at = c.clock.at(day, 8 + c.rng.exponential(1.5));
  }
  if (at > nowMs) at = prev + (nowMs - prev) * c.rng.next();
  return Math.floor(at);
}

// Built as one literal with a fixed field order: a million of these is the benchmark's size.
function call(c: LeadCore, leadId: string, at: number, last: boolean): CallLog {
  const rng = c.rng;
  const caller = rng.chance(0.85) ? c.agent : rng.pick(c.colleagues);
  const direction = rng.chance(0.2) ? 'inbound' : 'outbound';
  const connects = rng.chance(
    Math.min(0.95, connectRate(localHour(c, at)) * caller.profile.answerRate),
  );
  const id = rng.uuid();
  const answered = c.status !== 'new' && (last || connects);
  let status: CallLog['status'] = 'completed';
  let outcome: CallOutcome | null;
  let seconds = 0;
  let notes: string | null;
  if (answered) {
    outcome = rng.weighted(
      last && c.status !== 'new' ? finalOutcomes[c.status] : attemptOutcomes[c.status],
    );
    seconds = duration(rng, outcome, caller);
    notes = callNote(rng, outcome);
  } else {
    status = rng.chance(0.15) ? 'failed' : 'missed';
    outcome = rng.chance(0.5) ? 'no_answer' : null;
    notes =
      status === 'failed'
        ? callNote(rng, 'failed')
        : rng.chance(0.4)
          ? callNote(rng, 'no_answer')
          : null;
  }
  return {
    id,
    lead_id: leadId,
    branch_id: c.branchId,
    gym_id: c.setup.gym.id,
    user_id: caller.user.id,
    direction,
    status,
    outcome,
    duration: seconds,
    created_at: iso(at),
    notes,
  };
}

function duration(rng: Rng, outcome: CallOutcome, caller: StaffMember): number {
  const [min, max] = talk[outcome];
  return Math.max(3, Math.round(rng.int(min, max) * caller.profile.talkTime));
}

function localHour(c: LeadCore, at: number): number {
  const day = c.clock.dayOf(at);
  return Math.floor((at - c.clock.at(day, 0)) / HOUR_MS);
}
