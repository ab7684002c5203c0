import type { Core } from '../../../src/core/core';
import type { Priority } from '../../../src/shared/contract';

export interface SessionFixture {
  sourceId: string;
  visitorName?: string | null;
  email?: string | null;
  organization?: string | null;
  priority?: Priority | null;
  leadScore?: number | null;
  lastInteractionAt?: string;
  messages?: { sender: 'user' | 'bot'; text: string }[];
}

/**
 * Writes sessions straight into the local store, for what demo data does not contain
 * (hostile markup, thousands of rows). Same columns a source sync fills.
 */
export function insertSessions(core: Core, sessions: SessionFixture[]): void {
  const db = core.store.sqlite;
  const session = db.prepare(`INSERT INTO chat_sessions
      (id, source, source_id, visitor_name, email, organization, started_at, last_interaction_at,
       message_count, priority, lead_score, user_data_collected)
    VALUES (@id, 'demo', @sourceId, @visitorName, @email, @organization, @at, @at,
       @messageCount, @priority, @leadScore, @collected)`);
  const message = db.prepare(
    'INSERT INTO chat_messages (session_id, seq, sender, text, sent_at) VALUES (?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const s of sessions) {
      const id = `demo:${s.sourceId}`;
      const at = s.lastInteractionAt ?? new Date().toISOString();
      const messages = s.messages ?? [];
      session.run({
        id,
        sourceId: s.sourceId,
        visitorName: s.visitorName ?? null,
        email: s.email ?? null,
        organization: s.organization ?? null,
        at,
        messageCount: messages.length,
        priority: s.priority ?? null,
        leadScore: s.leadScore ?? null,
        collected: s.visitorName ? 1 : 0,
      });
      messages.forEach((m, seq) => message.run(id, seq, m.sender, m.text, at));
    }
  })();
}

const PRIORITIES: Priority[] = ['low', 'medium', 'high', 'critical'];

/** `count` plain sessions, newest first, two messages each. */
export function insertManySessions(core: Core, count: number, prefix = 'bulk'): void {
  const start = Date.parse('2025-01-01T12:00:00Z');
  insertSessions(
    core,
    Array.from({ length: count }, (_, i) => ({
      sourceId: `${prefix}-${String(i).padStart(5, '0')}`,
      visitorName: `Visitor ${i}`,
      email: `visitor${i}@example.com`,
      organization: `Org ${i % 37}`,
      priority: PRIORITIES[i % PRIORITIES.length] ?? 'low',
      leadScore: (i * 7) % 100,
      lastInteractionAt: new Date(start - i * 60_000).toISOString(),
      messages: [
        { sender: 'user', text: `Hello, I am visitor number ${i}` },
        { sender: 'bot', text: 'Welcome! How can I help?' },
      ],
    })),
  );
}
