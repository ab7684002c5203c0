/**
 * Redis chatbot sessions (seed 001): the `session:{id}` hash, the `lead:{id}` hash and
 * the `session:{id}:chat` list, as the EPR chatbot writes them.
 */
import {
  indianFirstNames,
  indianLastNames,
  indianPhone,
  person,
  personalEmail,
  workEmail,
} from '../people';
import { DAY_MS, MINUTE_MS } from '../plan';
import { Rng } from '../random';
import { LocalClock, hourFromCurve, naiveSeconds, pythonIso, type ZoneStyle } from '../time';
import type { DemoPlan, RedisChatSession, RedisLeadHash, RedisSessionHash } from '../types';
import { makeContext, organization, personas, type EprContext } from './context';
import { composeTranscript, scoreLead, type Heat } from './transcript';

type Kind = 'empty' | 'anonymous' | 'identified';

// Kinds and activity are spread by position, not chance, so even a 30-session demo has a
// few of each; the order is invisible because sessions are listed by last interaction.
function kindOf(index: number): Kind {
  if (index % 15 === 7) return 'empty';
  if (index % 8 === 3) return 'anonymous';
  return 'identified';
}
const isActive = (index: number) => index % 10 === 4 && kindOf(index) !== 'empty';
const zoneStyles: readonly ZoneStyle[] = ['naive', 'naive', 'naive', 'offset', 'z'];

const ist = new LocalClock('Asia/Kolkata');
// Indian office hours, with a lunch dip and a late-afternoon peak.
// prettier-ignore
const istCurve = [
  [9, 2], [10, 5], [11, 7], [12, 6], [13, 3], [14, 5], [15, 7], [16, 7], [17, 5], [18, 3],
  [19, 2], [20, 1], [21, 1], [22, 0.5], [8, 1],
] as const;

const anonymousHeat = [
  ['cold', 3],
  ['warm', 1],
] as const;
const identifiedHeat = [
  ['cold', 40],
  ['warm', 30],
  ['hot', 22],
  ['critical', 8],
] as const;

export function* iterateChatSessions(plan: DemoPlan): Generator<RedisChatSession> {
  for (let i = 0; i < plan.counts.chatSessions; i++) yield chatSession(plan, i);
}

export function chatSession(plan: DemoPlan, index: number): RedisChatSession {
  const rng = Rng.derive(plan.seed, 'chat', index);
  const id = rng.uuid();
  const kind = kindOf(index);
  const lastMs = lastInteraction(rng, plan.nowMs, isActive(index));
  const style = zoneStyles[index % zoneStyles.length] ?? 'naive';
  const lastInteractionText = pythonIso(lastMs, rng.int(0, 999), style);
  const persona = rng.pick(personas);
  const contact: Partial<RedisSessionHash> = {};
  const who = kind === 'identified' ? identify(rng, persona, contact) : anonymous();
  const session: RedisSessionHash = {
    user_data_collected: kind === 'identified' ? 'true' : 'false',
    ...contact,
    last_interaction: lastInteractionText,
  };
  if (kind === 'empty') return { id, session, lead: null, chat: [] };

  const ctx = makeContext(rng, plan.nowMs, persona, who);
  const heat: Heat =
    kind === 'anonymous' ? rng.weighted(anonymousHeat) : rng.weighted(identifiedHeat);
  const transcript = composeTranscript(rng, ctx, heat);
  const hasLead = kind === 'identified' || rng.chance(0.6);
  const lead = hasLead ? leadHash(rng, transcript, kind === 'identified', lastMs) : null;
  return { id, session, lead, chat: transcript.chat };
}

function lastInteraction(rng: Rng, nowMs: number, active: boolean): number {
  if (active) return nowMs - rng.int(5, 240) * 1000;
  const day = ist.dayOf(nowMs - rng.float(0, 14) * DAY_MS);
  let ms = ist.at(day, hourFromCurve(rng, istCurve));
  // Inactive means older than the monitor's threshold; never in the future.
  while (ms > nowMs - 10 * MINUTE_MS) ms -= DAY_MS;
  return Math.floor(ms);
}

function identify(
  rng: Rng,
  persona: (typeof personas)[number],
  session: Partial<RedisSessionHash>,
): Pick<EprContext, 'firstName' | 'organization' | 'email' | 'phone'> {
  const p = person(rng, indianFirstNames, indianLastNames);
  const org = organization(rng, persona);
  const hasOrg = rng.chance(0.9);
  const email = hasOrg && rng.chance(0.7) ? workEmail(rng, p, org.domain) : personalEmail(rng, p);
  const phone = rng.chance(0.9) ? indianPhone(rng) : null;
  // Some visitors type only a first name into the form.
  session.user_name = rng.chance(0.7) ? `${p.first} ${p.last}` : p.first;
  session.email = email;
  if (phone) session.phone = phone;
  if (hasOrg) session.organization = org.name;
  return { firstName: p.first, organization: hasOrg ? org.name : null, email, phone };
}

function anonymous(): Pick<EprContext, 'firstName' | 'organization' | 'email' | 'phone'> {
  return { firstName: null, organization: null, email: null, phone: null };
}

function leadHash(
  rng: Rng,
  transcript: ReturnType<typeof composeTranscript>,
  identified: boolean,
  lastMs: number,
): RedisLeadHash {
  const { score, priority, engagement } = scoreLead(transcript, identified);
  const durationMs = transcript.userMessages * rng.int(35, 140) * 1000;
  return {
    lead_score: String(score),
    priority,
    engagement_score: String(engagement),
    total_queries: String(transcript.userMessages),
    first_interaction: naiveSeconds(lastMs - durationMs),
    last_interaction: naiveSeconds(lastMs),
  };
}
