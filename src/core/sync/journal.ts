/**
 * What a sync leaves behind besides the mirror: a job_runs row per run, error_log rows
 * for sessions that failed (once per session until its error changes, so a daemon
 * syncing every minute does not log the same broken hash 1,440 times a day), and the
 * per-source sync_state (cursor, last success, last error) the UI shows.
 */
import type Database from 'better-sqlite3';
import type { Store } from '../store/open';
import type { SyncFailure, SyncSource, SyncSummary } from './types';

/** job_runs keeps the counts and the first failures; the full list is in the return value. */
const FAILURES_IN_JOB_ROW = 50;

export interface SyncStateRow {
  source: string;
  cursor: string | null;
  lastSyncedAt: string | null;
  lastError: string | null;
}

export class SyncJournal {
  private readonly db: Database.Database;

  constructor(store: Store) {
    this.db = store.sqlite;
  }

  startJob(job: string, at: string): number {
    const result = this.db
      .prepare("INSERT INTO job_runs (job, status, created_at) VALUES (?, 'running', ?)")
      .run(job, at);
    return Number(result.lastInsertRowid);
  }

  finishJob(id: number, at: string, summary: SyncSummary | null, error: string | null): void {
    const stored = summary && {
      ...summary,
      failed: summary.failed.slice(0, FAILURES_IN_JOB_ROW),
      failedCount: summary.failed.length,
      raised: summary.raised.length,
    };
    this.db
      .prepare(
        'UPDATE job_runs SET status = ?, finished_at = ?, summary = ?, error = ? WHERE id = ?',
      )
      .run(error ? 'failed' : 'succeeded', at, stored ? JSON.stringify(stored) : null, error, id);
  }

  /** Logs each failure unless the same session's last logged error says the same. */
  logFailures(scope: string, failures: readonly SyncFailure[], at: string): void {
    if (failures.length === 0) return;
    const last = this.db.prepare(
      'SELECT message FROM error_log WHERE scope = ? AND detail = ? ORDER BY id DESC LIMIT 1',
    );
    const insert = this.db.prepare(
      'INSERT INTO error_log (created_at, scope, message, detail) VALUES (?, ?, ?, ?)',
    );
    this.db
      .transaction(() => {
        for (const f of failures) {
          const previous = last.get(scope, f.id) as { message: string } | undefined;
          if (previous?.message !== f.error) insert.run(at, scope, f.error, f.id);
        }
      })
      .immediate();
  }

  logError(scope: string, message: string, at: string): void {
    this.db
      .prepare('INSERT INTO error_log (created_at, scope, message, detail) VALUES (?, ?, ?, NULL)')
      .run(at, scope, message);
  }

  readState(source: SyncSource): SyncStateRow | null {
    return (
      (this.db
        .prepare(
          'SELECT source, cursor, last_synced_at AS lastSyncedAt, last_error AS lastError FROM sync_state WHERE source = ?',
        )
        .get(source) as SyncStateRow | undefined) ?? null
    );
  }

  /** Saves the cursor alone (mid-run, inside a batch's transaction). */
  saveCursor(source: SyncSource, cursor: string | null): void {
    this.db
      .prepare(
        `INSERT INTO sync_state (source, cursor) VALUES (?, ?)
         ON CONFLICT(source) DO UPDATE SET cursor = excluded.cursor`,
      )
      .run(source, cursor);
  }

  recordSuccess(source: SyncSource, cursor: string | null, at: string): void {
    this.db
      .prepare(
        `INSERT INTO sync_state (source, cursor, last_synced_at, last_error) VALUES (?, ?, ?, NULL)
         ON CONFLICT(source) DO UPDATE SET cursor = excluded.cursor,
           last_synced_at = excluded.last_synced_at, last_error = NULL`,
      )
      .run(source, cursor, at);
  }

  recordFailure(source: SyncSource, error: string): void {
    this.db
      .prepare(
        `INSERT INTO sync_state (source, last_error) VALUES (?, ?)
         ON CONFLICT(source) DO UPDATE SET last_error = excluded.last_error`,
      )
      .run(source, error);
  }
}

/** Per source: when it last synced and whether the last attempt failed (for the UI and doctor). */
export function readSyncStatus(store: Store): SyncStateRow[] {
  return store.sqlite
    .prepare(
      'SELECT source, cursor, last_synced_at AS lastSyncedAt, last_error AS lastError FROM sync_state ORDER BY source',
    )
    .all() as SyncStateRow[];
}
