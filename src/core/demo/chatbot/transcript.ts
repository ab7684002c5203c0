/**
 * Composes one chatbot conversation from the topic banks and scores it the way the
 * chatbot's real-time lead scorer would: hot signals (pricing, demo, urgency, contact
 * details) weigh most, then how much the visitor asked.
 */
import type { Rng } from '../random';
import type { EprContext } from './context';
import { closings, greetings, salesTopics } from './epr-sales';
import { infoTopics, type Exchange, type Signal, type Topic } from './epr-topics';

export type Heat = 'cold' | 'warm' | 'hot' | 'critical';

export interface Transcript {
  chat: string[];
  signals: Set<Signal>;
  userMessages: number;
}

const exchangeRange: Record<Heat, readonly [number, number]> = {
  cold: [3, 7],
  warm: [4, 10],
  hot: [6, 14],
  critical: [8, 20],
};

export function composeTranscript(rng: Rng, ctx: EprContext, heat: Heat): Transcript {
  const [min, max] = exchangeRange[heat];
  const target = rng.int(min, max);
  const sales = salesExchanges(rng, ctx, heat);
  const greeting = rng.chance(0.3) ? [rng.pick(greetings)] : [];
  const closing = rng.chance(0.6) ? [rng.pick(closings)] : [];
  const infoBudget = Math.max(1, target - sales.length - greeting.length - closing.length);
  const info = infoExchanges(rng, infoBudget);

  // Sales questions come after the visitor has learnt something, the way real leads warm up.
  const exchanges = [...greeting, ...info, ...sales.map((s) => s.exchange), ...closing];
  const chat: string[] = [];
  for (const ex of exchanges) {
    chat.push(`User: ${casual(rng, ex.user(ctx, rng))}`, `Bot: ${ex.bot(ctx, rng)}`);
  }
  const signals = new Set(sales.map((s) => s.signal));
  return { chat, signals, userMessages: exchanges.length };
}

function infoExchanges(rng: Rng, budget: number): Exchange[] {
  const out: Exchange[] = [];
  // Introducing yourself only makes sense first; the other topics come in any order.
  const [intro, ...rest] = infoTopics;
  const order = rng.shuffle(rest);
  if (intro && rng.chance(0.55)) order.unshift(intro);
  for (const topic of order) {
    if (out.length >= budget) break;
    out.push(rng.pick(topic.openers));
    const followUps = rng.sample(topic.followUps, rng.int(0, 2));
    for (const f of followUps) if (out.length < budget) out.push(f);
  }
  return out;
}

interface SalesExchange {
  exchange: Exchange;
  signal: Signal;
}

function salesExchanges(rng: Rng, ctx: EprContext, heat: Heat): SalesExchange[] {
  const topics: Topic[] = [];
  if (heat === 'warm' && rng.chance(0.5)) topics.push(salesTopics.pricing);
  if (heat === 'hot') {
    topics.push(salesTopics.pricing, rng.chance(0.5) ? salesTopics.demo : salesTopics.urgency);
  }
  if (heat === 'critical') {
    topics.push(salesTopics.pricing, salesTopics.urgency, salesTopics.demo);
  }
  const hasContact = ctx.phone !== null || ctx.email !== null;
  if ((heat === 'hot' || heat === 'critical') && hasContact) topics.push(salesTopics.contact);

  const out: SalesExchange[] = [];
  for (const topic of topics) {
    const signal = topic.signal ?? 'pricing';
    out.push({ exchange: rng.pick(topic.openers), signal });
    if (topic.followUps.length > 0 && rng.chance(heat === 'critical' ? 0.7 : 0.35)) {
      out.push({ exchange: rng.pick(topic.followUps), signal });
    }
  }
  return out;
}

/** People type loosely: sometimes lower case, sometimes without the question mark. */
function casual(rng: Rng, text: string): string {
  let out = text;
  if (rng.chance(0.2)) out = out.charAt(0).toLowerCase() + out.slice(1);
  if (rng.chance(0.25)) out = out.replace(/[?.]$/, '');
  return out;
}

const signalPoints: Record<Signal, number> = { pricing: 6, demo: 6, urgency: 5, contact: 4 };

export interface LeadScore {
  score: number;
  priority: 'low' | 'medium' | 'high' | 'critical';
  engagement: number;
}

export function scoreLead(t: Transcript, userDataCollected: boolean): LeadScore {
  let score = t.userMessages + (userDataCollected ? 3 : 0);
  for (const s of t.signals) score += signalPoints[s];
  const priority = score >= 33 ? 'critical' : score >= 18 ? 'high' : score >= 9 ? 'medium' : 'low';
  const userText = t.chat.filter((m) => m.startsWith('User: '));
  const avgLength = userText.reduce((n, m) => n + m.length - 6, 0) / Math.max(1, userText.length);
  const engagement = Math.min(10, t.userMessages * 0.6 + avgLength / 25);
  return { score, priority, engagement: Math.round(engagement * 10) / 10 };
}
