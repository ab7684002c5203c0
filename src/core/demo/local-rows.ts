/**
 * Demo records mapped to local store rows, the way a sync would map the real sources:
 * ids `{source}:{sourceId}`, Redis sessions as source 'redis', web chats as 'postgres',
 * web chat's 'ai' sender as 'bot', timestamps as ISO 8601 UTC.
 */
import { sourceTimeToIso } from './time';
import type { RedisChatSession, WebChat } from './types';

export interface SessionRow {
  id: string;
  source: 'redis' | 'postgres';
  source_id: string;
  visitor_name: string | null;
  email: string | null;
  phone: string | null;
  organization: string | null;
  company: string | null;
  user_data_collected: 0 | 1;
  started_at: string | null;
  last_interaction_at: string | null;
  message_count: number;
  completion_status: string | null;
  archive_status: string | null;
  ai_engaged: 0 | 1 | null;
  answers: string | null;
  lead_score: number | null;
  priority: string | null;
  engagement_score: number | null;
  total_queries: number | null;
  first_interaction_at: string | null;
}

export interface MessageRow {
  session_id: string;
  seq: number;
  sender: 'user' | 'bot';
  text: string;
  sent_at: string | null;
}

const numberOrNull = (text: string | undefined): number | null => {
  if (text === undefined || text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
};

export function redisSessionRow(s: RedisChatSession): SessionRow {
  const h = s.session;
  const firstInteraction = s.lead ? sourceTimeToIso(s.lead.first_interaction) : null;
  const totalQueries = numberOrNull(s.lead?.total_queries);
  return {
    id: `redis:${s.id}`,
    source: 'redis',
    source_id: s.id,
    visitor_name: h.user_name ?? null,
    email: h.email ?? null,
    phone: h.phone ?? null,
    organization: h.organization ?? null,
    company: null,
    user_data_collected: h.user_data_collected === 'true' ? 1 : 0,
    started_at: firstInteraction,
    last_interaction_at: sourceTimeToIso(h.last_interaction),
    message_count: s.chat.length,
    completion_status: null,
    archive_status: null,
    ai_engaged: null,
    answers: null,
    lead_score: numberOrNull(s.lead?.lead_score),
    priority: s.lead?.priority ?? null,
    engagement_score: numberOrNull(s.lead?.engagement_score),
    total_queries: totalQueries === null ? null : Math.round(totalQueries),
    first_interaction_at: firstInteraction,
  };
}

/** The Redis list's "User: …" / "Bot: …" lines as messages; the list carries no times. */
export function redisMessageRows(s: RedisChatSession): MessageRow[] {
  return s.chat.map((line, seq) => {
    const bot = line.startsWith('Bot:');
    const text = line.replace(/^(User|Bot):\s?/, '');
    return { session_id: `redis:${s.id}`, seq, sender: bot ? 'bot' : 'user', text, sent_at: null };
  });
}

export function webChatSessionRow(w: WebChat): SessionRow {
  const { session: s, lead } = w;
  const hasContact = lead !== null && (lead.email !== null || lead.phone !== null);
  return {
    id: `postgres:${s.session_id}`,
    source: 'postgres',
    source_id: s.session_id,
    visitor_name: lead?.name ?? null,
    email: lead?.email ?? null,
    phone: lead?.phone ?? null,
    organization: null,
    company: lead?.company ?? null,
    user_data_collected: hasContact ? 1 : 0,
    started_at: s.started_at,
    last_interaction_at: s.last_message_at,
    message_count: w.messages.length,
    completion_status: s.completion_status,
    archive_status: s.archive_status,
    ai_engaged: s.ai_engaged ? 1 : 0,
    answers: lead ? JSON.stringify(lead.answers) : null,
    lead_score: null,
    priority: null,
    engagement_score: null,
    total_queries: null,
    first_interaction_at: s.started_at,
  };
}

export function webChatMessageRows(w: WebChat): MessageRow[] {
  const sessionId = `postgres:${w.session.session_id}`;
  return w.messages.map((m, seq) => ({
    session_id: sessionId,
    seq,
    sender: m.sender === 'ai' ? 'bot' : 'user',
    text: m.message,
    sent_at: m.created_at,
  }));
}
