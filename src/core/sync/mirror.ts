/**
 * The writes and lookups a sync makes on the local mirror, as prepared statements made
 * once per run. Lookups for a batch go through one statement with a JSON array of ids;
 * writes happen inside the caller's transaction.
 */
import type Database from 'better-sqlite3';
import type { Priority } from '../../shared/contract';
import type { Store } from '../store/open';
import { BulkFtsIndex } from './fts-bulk';
import type { MessageRow, SessionRow } from './rows';

/** What the mirror holds of a session: enough to decide whether and how to update it. */
export interface MirrorState {
  id: string;
  source_hash: string | null;
  source_cursor: string | null;
  message_count: number;
  priority: Priority | null;
  vanished_at: string | null;
  visitor_name: string | null;
}

export interface MirrorLine {
  sender: 'user' | 'bot';
  text: string;
  sentAt: string | null;
}

const MAPPED_COLUMNS = [
  'visitor_name',
  'email',
  'phone',
  'organization',
  'company',
  'user_data_collected',
  'started_at',
  'last_interaction_at',
  'message_count',
  'completion_status',
  'archive_status',
  'ai_engaged',
  'answers',
  'lead_score',
  'priority',
  'engagement_score',
  'total_queries',
  'first_interaction_at',
  'score_reasons',
  'source_hash',
  'source_cursor',
] as const;

/**
 * Insert or update one session. A session seen again is no longer vanished; a finalized
 * session stays finalized (the report went out, even after the flag's TTL expired).
 */
export const UPSERT_SESSION_SQL = `
  INSERT INTO chat_sessions (id, source, source_id, ${MAPPED_COLUMNS.join(', ')},
    finalized_at, local_only, vanished_at, synced_at, created_at, updated_at)
  VALUES (@id, @source, @source_id, ${MAPPED_COLUMNS.map((c) => `@${c}`).join(', ')},
    @finalized_at, @local_only, NULL, @now, @now, @now)
  ON CONFLICT(id) DO UPDATE SET
    ${MAPPED_COLUMNS.map((c) => `${c} = excluded.${c}`).join(',\n    ')},
    local_only = excluded.local_only,
    finalized_at = COALESCE(chat_sessions.finalized_at, excluded.finalized_at),
    vanished_at = NULL,
    synced_at = excluded.synced_at,
    updated_at = excluded.updated_at`;

export const INSERT_MESSAGE_SQL =
  'INSERT INTO chat_messages (session_id, seq, sender, text, sent_at) VALUES (@session_id, @seq, @sender, @text, @sent_at)';

function prepareStatements(db: Database.Database) {
  return {
    state: db.prepare(
      `SELECT id, source_hash, source_cursor, message_count, priority, vanished_at, visitor_name
       FROM chat_sessions WHERE id IN (SELECT value FROM json_each(?))`,
    ),
    lines: db.prepare(
      'SELECT sender, text, sent_at AS sentAt FROM chat_messages WHERE session_id = ? ORDER BY seq',
    ),
    upsert: db.prepare(UPSERT_SESSION_SQL),
    // Positional binding: a fifth less work per row than named, on millions of rows.
    insertMessage: db.prepare(
      'INSERT INTO chat_messages (session_id, seq, sender, text, sent_at) VALUES (?, ?, ?, ?, ?)',
    ),
    deleteMessages: db.prepare('DELETE FROM chat_messages WHERE session_id = ?'),
    active: db.prepare(
      'SELECT source_id FROM chat_sessions WHERE source = ? AND vanished_at IS NULL',
    ),
    known: db.prepare('SELECT source_id, vanished_at FROM chat_sessions WHERE source = ?'),
    vanish: db.prepare(
      `UPDATE chat_sessions SET vanished_at = ?, updated_at = ?
       WHERE source = ? AND source_id = ? AND vanished_at IS NULL`,
    ),
  };
}

export class Mirror {
  private readonly db: Database.Database;
  private readonly stmts: ReturnType<typeof prepareStatements>;
  private readonly fts: BulkFtsIndex;

  constructor(store: Store) {
    this.db = store.sqlite;
    this.stmts = prepareStatements(this.db);
    this.fts = new BulkFtsIndex(this.db);
  }

  /** The mirror's state of these sessions (full ids), keyed by full id. */
  stateOf(ids: readonly string[]): Map<string, MirrorState> {
    const rows = this.stmts.state.all(JSON.stringify(ids)) as MirrorState[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The transcript the mirror holds, oldest first. */
  lines(sessionId: string): MirrorLine[] {
    return this.stmts.lines.all(sessionId) as MirrorLine[];
  }

  writeSession(row: SessionRow, now: string): void {
    // Seen upstream: from now on its report is claimed there, not in the local store.
    this.stmts.upsert.run({ ...row, now, local_only: 0 });
  }

  replaceMessages(sessionId: string, rows: readonly MessageRow[]): void {
    this.stmts.deleteMessages.run(sessionId);
    this.appendMessages(rows);
  }

  appendMessages(rows: readonly MessageRow[]): void {
    const insert = this.stmts.insertMessage;
    for (const m of rows) insert.run(m.session_id, m.seq, m.sender, m.text, m.sent_at);
  }

  /** Upstream ids the mirror holds for a source, and whether each is marked vanished. */
  known(source: string): Map<string, boolean> {
    const rows = this.stmts.known.all(source) as {
      source_id: string;
      vanished_at: string | null;
    }[];
    return new Map(rows.map((r) => [r.source_id, r.vanished_at !== null]));
  }

  /** Marks every non-vanished session of `source` missing from `present`; returns how many. */
  markVanished(source: string, present: ReadonlySet<string>, now: string): number {
    const active = this.stmts.active.all(source) as { source_id: string }[];
    const gone = active.map((r) => r.source_id).filter((id) => !present.has(id));
    if (gone.length === 0) return 0;
    let marked = 0;
    this.db
      .transaction(() => {
        for (const id of gone) marked += this.stmts.vanish.run(now, now, source, id).changes;
      })
      .immediate();
    return marked;
  }

  /**
   * Runs `write` in one IMMEDIATE transaction: a batch is all in the mirror or none of it,
   * its new messages indexed for search in one statement.
   */
  transaction<T>(write: () => T): T {
    return this.db.transaction(() => this.fts.run(write)).immediate();
  }
}
