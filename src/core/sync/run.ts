/**
 * What every source's sync shares: the job_runs row, the summary, the clock, per-session
 * failures, batch commits that announce hot leads only once they are durable, progress
 * and cancellation. A source's sync is the body passed to runSync.
 */
import type { Store } from '../store/open';
import { LeadAlerts, type PriorityChange } from './lead-alerts';
import { Mirror } from './mirror';
import { SyncJournal } from './journal';
import type { PriorityRaised, SyncOptions, SyncSource, SyncSummary } from './types';

/** Sessions per pipeline and per transaction: fewer, larger commits write less at scale. */
export const DEFAULT_BATCH_SIZE = 1_000;
/** Negative: KiB, as PRAGMA cache_size takes it (64 MiB). */
const SYNC_CACHE_KIB = -65_536;

export interface SyncRun {
  readonly source: SyncSource;
  readonly summary: SyncSummary;
  readonly mirror: Mirror;
  readonly journal: SyncJournal;
  readonly batchSize: number;
  readonly full: boolean;
  /** The cursor the previous run left (sync_state.cursor). */
  readonly previousCursor: string | null;
  /** ISO 8601 UTC, from the run's clock. */
  now(): string;
  fail(id: string, error: unknown): void;
  /**
   * Writes a batch of sessions in one transaction and returns those written. `alert`
   * records a priority change; the raises are announced after the commit, so an announced
   * lead is always in the mirror. If one session's write throws, the batch is rolled back
   * and written again one session per transaction, so that session fails alone. (No
   * savepoint per session on the fast path: each one makes FTS5 flush its pending index.)
   */
  commit<T>(items: readonly T[], batch: BatchWrite<T>): T[];
  progress(step: string, done: number, total: number): void;
  checkAborted(): void;
}

export type Alert = (change: PriorityChange) => void;

export interface BatchWrite<T> {
  id(item: T): string;
  write(item: T, alert: Alert): void;
  /** Runs last in the batch's transaction (a resumable cursor). */
  after?(): void;
}

export interface RunResult {
  /** Saved as sync_state.cursor once the run completes. */
  cursor: string | null;
}

export async function runSync(
  store: Store,
  source: SyncSource,
  options: SyncOptions,
  body: (run: SyncRun) => Promise<RunResult>,
): Promise<SyncSummary> {
  const started = performance.now();
  const clock = options.now ?? (() => new Date());
  const now = () => clock().toISOString();
  const journal = new SyncJournal(store);
  const mirror = new Mirror(store);
  const alerts = new LeadAlerts(store);
  const scope = `sync.${source}`;
  const state = journal.readState(source);
  const announce = !(options.quietFirstSync ?? true) || Boolean(state?.lastSyncedAt);
  const summary: SyncSummary = {
    source,
    scanned: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    vanished: 0,
    failed: [],
    raised: [],
    durationMs: 0,
  };
  const jobId = journal.startJob(scope, now());

  const run: SyncRun = {
    source,
    summary,
    mirror,
    journal,
    batchSize: Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE),
    full: options.full ?? false,
    previousCursor: state?.cursor ?? null,
    now,
    fail: (id, error) => summary.failed.push({ id, error: errorMessage(error) }),
    commit(items, batch) {
      const at = now();
      let raised: PriorityRaised[] = [];
      const alert: Alert = (change) => {
        const event = alerts.check(change, announce, at);
        if (event) raised.push(event);
      };
      let written: typeof items = items;
      try {
        mirror.transaction(() => {
          for (const item of items) batch.write(item, alert);
          batch.after?.();
        });
      } catch (error) {
        // A locked, full or broken database fails the run; only a row the store refuses
        // (a constraint) is one session's problem.
        if (!isConstraintError(error)) throw error;
        raised = [];
        written = items.filter((item) => {
          try {
            mirror.transaction(() => batch.write(item, alert));
            return true;
          } catch (error) {
            if (!isConstraintError(error)) throw error;
            run.fail(batch.id(item), error);
            return false;
          }
        });
        if (batch.after) mirror.transaction(batch.after);
      }
      for (const event of raised) {
        summary.raised.push(event);
        try {
          options.onPriorityRaised?.(event);
        } catch (error) {
          // The alert is recorded; a listener's bug must not stop the sync or repeat it.
          journal.logError(`${scope}.alerts`, errorMessage(error), now());
        }
      }
      return [...written];
    },
    progress: (step, done, total) => options.onProgress?.({ step, done, total }),
    checkAborted: () => options.signal?.throwIfAborted(),
  };

  // A large sync updates indexes far bigger than SQLite's default 2 MB page cache; without
  // room they are re-read from the OS on every batch. Restored afterwards.
  const cacheSize = store.sqlite.pragma('cache_size', { simple: true }) as number;
  store.sqlite.pragma(`cache_size = ${SYNC_CACHE_KIB}`);
  try {
    const { cursor } = await body(run);
    summary.durationMs = Math.round(performance.now() - started);
    journal.logFailures(scope, summary.failed, now());
    journal.recordSuccess(source, cursor, now());
    journal.finishJob(jobId, now(), summary, null);
    return summary;
  } catch (error) {
    summary.durationMs = Math.round(performance.now() - started);
    const message = errorMessage(error);
    try {
      journal.logFailures(scope, summary.failed, now());
      journal.logError(scope, message, now());
      journal.recordFailure(source, message);
      journal.finishJob(jobId, now(), summary, message);
    } catch {
      // The store itself may be what failed; the caller still gets the original error.
    }
    throw error;
  } finally {
    if (store.sqlite.open) store.sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}

function isConstraintError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
