/**
 * Demo records mapped to local store rows through exactly the code a sync runs: the
 * strict source parsers, then core/sync's mapping (ids, senders, UTC times, scoring). So
 * a seeded store looks as if the demo sources had been synced.
 */
import { parseWebChatMessages, parseWebChatSession } from '../sources/postgres/web-chat';
import { parseChat, parseRedisSession } from '../sources/redis/parse';
import {
  redisMessageRows,
  redisSessionRow,
  webChatMessageRows,
  webChatSessionRow,
  type MessageRow,
  type SessionRow,
} from '../sync/rows';
import type { RedisChatSession, WebChat } from './types';

export type { MessageRow, SessionRow } from '../sync/rows';

export interface LocalRows {
  session: SessionRow;
  messages: MessageRow[];
}

/**
 * A Redis demo session as the sync would store it. `nowMs` is the demo's "now": its
 * timestamps are never in the future relative to it. Demo hashes are written in UTC.
 */
export function redisChatRows(s: RedisChatSession, nowMs: number): LocalRows {
  const record = parseRedisSession(
    { id: s.id, session: { ...s.session }, lead: s.lead ? { ...s.lead } : {} },
    { zone: 'UTC', nowMs },
  );
  const lines = parseChat(s.chat);
  return { session: redisSessionRow(record, lines), messages: redisMessageRows(s.id, lines) };
}

export function webChatRows(w: WebChat): LocalRows {
  const source = { session: w.session, lead: w.lead, messages: w.messages };
  const lines = parseWebChatMessages(source.messages);
  return {
    session: webChatSessionRow(parseWebChatSession(source), lines),
    messages: webChatMessageRows(w.session.session_id, lines),
  };
}
