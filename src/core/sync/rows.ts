/**
 * The one mapping from source records to local store rows, used by the sync and by the
 * demo seeder alike: ids `{source}:{sourceId}`, web chat's 'ai' sender as 'bot',
 * timestamps ISO 8601 UTC, and every session scored (a Redis lead hash keeps the
 * source's score and priority; the reasons always come from core/scoring).
 */
import { scoreSession, type LeadScore } from '../scoring/score';
import type { ChatLine, RedisSessionRecord } from '../sources/redis/parse';
import type { WebChatLine, WebChatRecord } from '../sources/postgres/web-chat';

/** Bump when the mapping changes, so the next sync rewrites every session once. */
export const MAPPING_VERSION = 1;

/** chat_sessions, column for column (snake case: bound by name into prepared statements). */
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
  /** JSON array of {rule, points, detail}. */
  score_reasons: string;
  finalized_at: string | null;
  source_hash: string | null;
  source_cursor: string | null;
}

export interface MessageRow {
  session_id: string;
  seq: number;
  sender: 'user' | 'bot';
  text: string;
  sent_at: string | null;
}

export const redisSessionId = (id: string) => `redis:${id}`;
export const postgresSessionId = (id: string) => `postgres:${id}`;

export interface RowExtras {
  /** When the session was first seen finalized (Redis), else null. */
  finalizedAt?: string | null;
  sourceHash?: string | null;
  sourceCursor?: string | null;
}

/** `lines` is the whole transcript: it is scored, and counted as the message count. */
export function redisSessionRow(
  r: RedisSessionRecord,
  lines: readonly ChatLine[],
  extras: RowExtras = {},
): SessionRow {
  const score = scoreSession({
    messages: lines,
    userDataCollected: r.userDataCollected,
    email: r.email,
    phone: r.phone,
  });
  const lead = r.lead;
  return {
    id: redisSessionId(r.id),
    source: 'redis',
    source_id: r.id,
    visitor_name: r.userName,
    email: r.email,
    phone: r.phone,
    organization: r.organization,
    company: null,
    user_data_collected: r.userDataCollected ? 1 : 0,
    started_at: lead?.firstInteractionAt ?? null,
    last_interaction_at: r.lastInteractionAt,
    message_count: lines.length,
    completion_status: null,
    archive_status: null,
    ai_engaged: null,
    answers: null,
    lead_score: lead ? lead.leadScore : score.leadScore,
    priority: lead ? lead.priority : score.priority,
    engagement_score: lead?.engagementScore ?? score.engagementScore,
    total_queries: lead?.totalQueries ?? score.totalQueries,
    first_interaction_at: lead?.firstInteractionAt ?? null,
    score_reasons: JSON.stringify(score.reasons),
    finalized_at: extras.finalizedAt ?? null,
    source_hash: extras.sourceHash ?? null,
    source_cursor: extras.sourceCursor ?? null,
  };
}

export function redisMessageRows(
  id: string,
  lines: readonly ChatLine[],
  fromSeq = 0,
): MessageRow[] {
  const sessionId = redisSessionId(id);
  const rows: MessageRow[] = [];
  for (let seq = fromSeq; seq < lines.length; seq++) {
    const line = lines[seq] as ChatLine;
    rows.push({ session_id: sessionId, seq, sender: line.sender, text: line.text, sent_at: null });
  }
  return rows;
}

/** Web chats have no upstream score: every one is scored here, with reply latency. */
export function webChatSessionRow(
  w: WebChatRecord,
  lines: readonly WebChatLine[],
  extras: RowExtras = {},
): SessionRow {
  const lead = w.lead;
  const hasContact = lead !== null && (lead.email !== null || lead.phone !== null);
  const score: LeadScore = scoreSession({
    messages: lines,
    userDataCollected: hasContact,
    email: lead?.email,
    phone: lead?.phone,
  });
  return {
    id: postgresSessionId(w.sessionId),
    source: 'postgres',
    source_id: w.sessionId,
    visitor_name: lead?.name ?? null,
    email: lead?.email ?? null,
    phone: lead?.phone ?? null,
    organization: null,
    company: lead?.company ?? null,
    user_data_collected: hasContact ? 1 : 0,
    started_at: w.startedAt,
    last_interaction_at: w.lastMessageAt,
    message_count: lines.length,
    completion_status: w.completionStatus,
    archive_status: w.archiveStatus,
    ai_engaged: w.aiEngaged === null ? null : w.aiEngaged ? 1 : 0,
    answers: lead?.answers ? JSON.stringify(lead.answers) : null,
    lead_score: score.leadScore,
    priority: score.priority,
    engagement_score: score.engagementScore,
    total_queries: score.totalQueries,
    first_interaction_at: w.startedAt,
    score_reasons: JSON.stringify(score.reasons),
    finalized_at: extras.finalizedAt ?? null,
    source_hash: extras.sourceHash ?? null,
    source_cursor: extras.sourceCursor ?? null,
  };
}

export function webChatMessageRows(
  sessionId: string,
  lines: readonly WebChatLine[],
  fromSeq = 0,
): MessageRow[] {
  const id = postgresSessionId(sessionId);
  const rows: MessageRow[] = [];
  for (let seq = fromSeq; seq < lines.length; seq++) {
    const m = lines[seq] as WebChatLine;
    rows.push({ session_id: id, seq, sender: m.sender, text: m.text, sent_at: m.sentAt });
  }
  return rows;
}
