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
  engagementScore?: number | null;
  totalQueries?: number | null;
  /** Stored as JSON in chat_sessions.score_reasons, as scoring writes it. */
  scoreReasons?: { rule: string; points: number; detail: string }[];
  /** Set: the session's report went out (finalized_at). */
  finalizedAt?: string | null;
  /** Set: the session disappeared upstream (vanished_at). */
  vanishedAt?: string | null;
}

/**
 * Writes sessions straight into the local store, for what demo data does not contain
 * (hostile markup, thousands of rows). Same columns a source sync fills.
 */
export function insertSessions(core: Core, sessions: SessionFixture[]): void {
  const db = core.store.sqlite;
  const session = db.prepare(`INSERT INTO chat_sessions
      (id, source, source_id, visitor_name, email, organization, started_at, last_interaction_at,
       message_count, priority, lead_score, user_data_collected, engagement_score, total_queries,
       score_reasons, finalized_at, vanished_at)
    VALUES (@id, 'demo', @sourceId, @visitorName, @email, @organization, @at, @at,
       @messageCount, @priority, @leadScore, @collected, @engagementScore, @totalQueries,
       @scoreReasons, @finalizedAt, @vanishedAt)`);
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
        engagementScore: s.engagementScore ?? null,
        totalQueries: s.totalQueries ?? null,
        scoreReasons: JSON.stringify(s.scoreReasons ?? []),
        finalizedAt: s.finalizedAt ?? null,
        vanishedAt: s.vanishedAt ?? null,
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

/** Marks a session finalized, as another instance (or the monitor) would after mailing it. */
export function markFinalized(core: Core, id: string, at = new Date().toISOString()): void {
  core.store.sqlite.prepare('UPDATE chat_sessions SET finalized_at = ? WHERE id = ?').run(at, id);
}

/** Sets a session's priority, as a re-score would before core announces it. */
export function setPriority(core: Core, id: string, priority: Priority): void {
  core.store.sqlite.prepare('UPDATE chat_sessions SET priority = ? WHERE id = ?').run(priority, id);
}
