/**
 * The web chat tables (seed 004, DESIGN.md "Source layouts") as rows, and their strict
 * reading into one record per session. The demo generator's rows have the same shape,
 * so the demo seeder and the sync map web chats through the same code.
 */

/** Timestamps are ISO 8601 UTC strings (the reader selects them that way). */
export interface WebChatSessionSource {
  session_id: string;
  started_at: string | null;
  last_message_at: string | null;
  completion_status: string | null;
  archive_status: string | null;
  ai_engaged: boolean | null;
  updated_at: string | null;
}

export interface WebChatMessageSource {
  /** bigserial as text; absent for demo rows that were never written anywhere. */
  id?: string;
  session_id: string;
  sender: string;
  message: string | null;
  created_at: string | null;
}

export interface WebChatLeadSource {
  session_id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  /** jsonb: an object, or null. */
  answers: unknown;
  created_at?: string | null;
  updated_at?: string | null;
}

export interface WebChatSource {
  session: WebChatSessionSource;
  lead: WebChatLeadSource | null;
  /** Oldest first (by id). */
  messages: WebChatMessageSource[];
}

export interface WebChatLine {
  sender: 'user' | 'bot';
  text: string;
  sentAt: string | null;
}

export interface WebChatRecord {
  sessionId: string;
  startedAt: string | null;
  lastMessageAt: string | null;
  completionStatus: string | null;
  archiveStatus: string | null;
  aiEngaged: boolean | null;
  lead: {
    name: string | null;
    email: string | null;
    phone: string | null;
    company: string | null;
    answers: Record<string, unknown> | null;
  } | null;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function parseWebChatSession(source: WebChatSource): WebChatRecord {
  const s = source.session;
  if (typeof s.session_id !== 'string' || s.session_id === '') {
    throw new Error('web_chat_sessions row without a session_id');
  }
  const l = source.lead;
  return {
    sessionId: s.session_id,
    startedAt: time('started_at', s.started_at),
    lastMessageAt: time('last_message_at', s.last_message_at),
    completionStatus: text(s.completion_status),
    archiveStatus: text(s.archive_status),
    aiEngaged: s.ai_engaged,
    lead: l && {
      name: text(l.name),
      email: text(l.email),
      phone: text(l.phone),
      company: text(l.company),
      answers: answers(l.answers),
    },
  };
}

export function parseWebChatMessages(messages: readonly WebChatMessageSource[]): WebChatLine[] {
  return messages.map((m) => {
    const sender = typeof m.sender === 'string' ? m.sender.trim().toLowerCase() : '';
    if (sender !== 'user' && sender !== 'ai') {
      const which = m.id === undefined ? 'a message' : `message ${m.id}`;
      throw new Error(`${which}: sender ${JSON.stringify(m.sender)} is not "user" or "ai"`);
    }
    return {
      sender: sender === 'ai' ? 'bot' : 'user',
      text: m.message ?? '',
      sentAt: time('created_at', m.created_at),
    };
  });
}

function text(value: string | null): string | null {
  const v = value?.trim();
  return v ? v : null;
}

function time(field: string, value: string | null): string | null {
  if (value === null) return null;
  if (!ISO_UTC.test(value)) throw new Error(`${field} ${JSON.stringify(value)} is not a timestamp`);
  return value;
}

function answers(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`web_chat_leads.answers is not a JSON object (${JSON.stringify(value)})`);
  }
  return value as Record<string, unknown>;
}
