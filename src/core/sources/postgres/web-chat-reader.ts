/**
 * Reads the web chat tables incrementally: which sessions changed since a cursor (by
 * `updated_at`/`last_message_at`, lead `updated_at` and message ids), then whole batches
 * of sessions with three set-based queries. Parameterised SQL only; the schema name is
 * validated and every identifier quoted.
 */
import { assertSchemaName, qualified, type Queryable } from './source-schema';
import type {
  WebChatLeadSource,
  WebChatMessageSource,
  WebChatSessionSource,
  WebChatSource,
} from './web-chat';

/** A moment in the database's own clock, with microseconds, and the newest message id then. */
export interface WebChatSnapshot {
  at: string;
  maxMessageId: string;
}

const utc = (column: string, format = 'MS') =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.${format}"Z"')`;

export class WebChatReader {
  private readonly sessions: string;
  private readonly messages: string;
  private readonly leads: string;

  constructor(
    private readonly db: Queryable,
    readonly schema = 'public',
  ) {
    assertSchemaName(schema);
    this.sessions = qualified(schema, 'web_chat_sessions');
    this.messages = qualified(schema, 'web_chat_messages');
    this.leads = qualified(schema, 'web_chat_leads');
  }

  async snapshot(): Promise<WebChatSnapshot> {
    const { rows } = await this.db.query(
      `SELECT ${utc('clock_timestamp()', 'US')} AS at,
              (SELECT COALESCE(max(id), 0) FROM ${this.messages})::text AS max_message_id`,
    );
    const row = rows[0] as { at: string; max_message_id: string } | undefined;
    if (!row) throw new Error('PostgreSQL returned no snapshot row');
    return { at: row.at, maxMessageId: row.max_message_id };
  }

  /** Every session id upstream: what is new to the mirror, and what vanished from it. */
  async allSessionIds(): Promise<string[]> {
    const { rows } = await this.db.query(`SELECT session_id FROM ${this.sessions}`);
    return (rows as { session_id: string }[]).map((r) => r.session_id);
  }

  /** Sessions whose row, lead or messages changed after `since` / `afterMessageId`. */
  async changedSessionIds(since: string, afterMessageId: string): Promise<string[]> {
    const { rows } = await this.db.query(
      `SELECT session_id FROM ${this.sessions}
         WHERE updated_at > $1::timestamptz OR last_message_at > $1::timestamptz
       UNION SELECT session_id FROM ${this.leads} WHERE updated_at > $1::timestamptz
       UNION SELECT session_id FROM ${this.messages} WHERE id > $2::bigint`,
      [since, afterMessageId],
    );
    return (rows as { session_id: string }[]).map((r) => r.session_id);
  }

  /**
   * The sessions, their leads, and their messages after each session's own floor (the
   * newest message id the mirror holds; '0' for all). Sessions that no longer exist are
   * absent from the result.
   */
  async readBatch(floors: ReadonlyMap<string, string>): Promise<Map<string, WebChatSource>> {
    const ids = [...floors.keys()];
    const out = new Map<string, WebChatSource>();
    if (ids.length === 0) return out;
    const [sessions, leads, messages] = await Promise.all([
      this.db.query(
        `SELECT session_id, ${utc('started_at')} AS started_at, ${utc('last_message_at')} AS last_message_at,
                completion_status, archive_status, ai_engaged, ${utc('updated_at')} AS updated_at
         FROM ${this.sessions} WHERE session_id = ANY($1::text[])`,
        [ids],
      ),
      this.db.query(
        `SELECT session_id, name, email, phone, company, answers,
                ${utc('created_at')} AS created_at, ${utc('updated_at')} AS updated_at
         FROM ${this.leads} WHERE session_id = ANY($1::text[])`,
        [ids],
      ),
      this.db.query(
        `SELECT m.id::text AS id, m.session_id, m.sender, m.message, ${utc('m.created_at')} AS created_at
         FROM unnest($1::text[], $2::bigint[]) AS f(session_id, after)
         JOIN ${this.messages} m ON m.session_id = f.session_id AND m.id > f.after
         ORDER BY m.session_id, m.id`,
        [ids, ids.map((id) => floors.get(id) ?? '0')],
      ),
    ]);
    for (const session of sessions.rows as WebChatSessionSource[]) {
      out.set(session.session_id, { session, lead: null, messages: [] });
    }
    for (const lead of leads.rows as WebChatLeadSource[]) {
      const chat = out.get(lead.session_id);
      if (chat) chat.lead = lead;
    }
    for (const m of messages.rows as WebChatMessageSource[]) {
      out.get(m.session_id)?.messages.push(m);
    }
    return out;
  }
}
