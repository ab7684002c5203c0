/**
 * Strict reading of the seed-001 Redis layout (DESIGN.md, "Source layouts"). Every
 * function throws an Error whose message names the field and the value, and the caller
 * turns it into a failure for that one session.
 */
import type { Priority } from '../../../shared/contract';
import { isPriority } from '../../scoring/priority';
import { parseSourceTime, type SourceTimeOptions } from './source-time';

/** The raw hashes as HGETALL returns them; `lead` is `{}` when there is no `lead:{id}`. */
export interface RawRedisSession {
  id: string;
  session: Record<string, string>;
  lead: Record<string, string>;
}

export interface RedisLead {
  leadScore: number;
  priority: Priority;
  engagementScore: number | null;
  totalQueries: number | null;
  firstInteractionAt: string | null;
  lastInteractionAt: string | null;
}

export interface RedisSessionRecord {
  id: string;
  userDataCollected: boolean;
  userName: string | null;
  email: string | null;
  phone: string | null;
  organization: string | null;
  /** ISO 8601 UTC. */
  lastInteractionAt: string;
  lead: RedisLead | null;
}

export interface ChatLine {
  sender: 'user' | 'bot';
  text: string;
}

export function parseRedisSession(
  raw: RawRedisSession,
  time: SourceTimeOptions,
): RedisSessionRecord {
  const h = raw.session;
  return {
    id: raw.id,
    userDataCollected: parseBool('session', 'user_data_collected', h.user_data_collected),
    userName: optionalText(h.user_name),
    email: optionalText(h.email),
    phone: optionalText(h.phone),
    organization: optionalText(h.organization),
    lastInteractionAt: requiredTime('session', 'last_interaction', h.last_interaction, time),
    lead: parseLead(raw.lead, time),
  };
}

function parseLead(h: Record<string, string>, time: SourceTimeOptions): RedisLead | null {
  if (Object.keys(h).length === 0) return null;
  const priority = h.priority?.trim().toLowerCase();
  if (priority === undefined || priority === '') throw new Error('lead hash: priority is missing');
  if (!isPriority(priority)) {
    throw new Error(
      `lead hash: priority ${JSON.stringify(h.priority)} is not one of low, medium, high, critical`,
    );
  }
  const leadScore = parseNumber('lead_score', h.lead_score);
  if (leadScore === null) throw new Error('lead hash: lead_score is missing');
  const totalQueries = parseNumber('total_queries', h.total_queries);
  if (totalQueries !== null && (!Number.isInteger(totalQueries) || totalQueries < 0)) {
    throw new Error(`lead hash: total_queries ${JSON.stringify(h.total_queries)} is not a count`);
  }
  return {
    leadScore,
    priority,
    engagementScore: parseNumber('engagement_score', h.engagement_score),
    totalQueries,
    firstInteractionAt: optionalTime('lead', 'first_interaction', h.first_interaction, time),
    lastInteractionAt: optionalTime('lead', 'last_interaction', h.last_interaction, time),
  };
}

const CHAT_PREFIX = /^(user|bot)\s*:\s?/i;

/** A `"User: …"` / `"Bot: …"` line; `index` (0-based, in the list) only serves the message. */
export function parseChatLine(line: string, index: number): ChatLine {
  const m = CHAT_PREFIX.exec(line);
  if (!m) {
    const start = JSON.stringify(line.slice(0, 30));
    throw new Error(`chat line ${index + 1} starts with neither "User:" nor "Bot:" (${start})`);
  }
  const sender = m[1]?.toLowerCase() === 'bot' ? 'bot' : 'user';
  return { sender, text: line.slice(m[0].length) };
}

/** Lines of the chat list that start at list position `offset`. */
export function parseChat(lines: readonly string[], offset = 0): ChatLine[] {
  return lines.map((line, i) => parseChatLine(line, offset + i));
}

export function formatChatLine(line: ChatLine): string {
  return `${line.sender === 'bot' ? 'Bot' : 'User'}: ${line.text}`;
}

function optionalText(value: string | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

function parseBool(hash: string, field: string, value: string | undefined): boolean {
  // The chatbot writes it once the form is submitted; no field means no form yet.
  if (value === undefined || value.trim() === '') return false;
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new Error(`${hash} hash: ${field} ${JSON.stringify(value)} is not "true" or "false"`);
}

function parseNumber(field: string, value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n))
    throw new Error(`lead hash: ${field} ${JSON.stringify(value)} is not a number`);
  return n;
}

function requiredTime(
  hash: string,
  field: string,
  value: string | undefined,
  time: SourceTimeOptions,
): string {
  if (value === undefined || value.trim() === '')
    throw new Error(`${hash} hash: ${field} is missing`);
  return timeField(hash, field, value, time);
}

function optionalTime(
  hash: string,
  field: string,
  value: string | undefined,
  time: SourceTimeOptions,
): string | null {
  if (value === undefined || value.trim() === '') return null;
  return timeField(hash, field, value, time);
}

function timeField(hash: string, field: string, value: string, time: SourceTimeOptions): string {
  try {
    return parseSourceTime(value, time);
  } catch (error) {
    throw new Error(`${hash} hash: ${field} ${(error as Error).message}`, { cause: error });
  }
}
