import type { EventPayload } from '../../shared/contract';

export type SyncSource = 'redis' | 'postgres';

/** The contract's `lead.priorityRaised` payload. */
export type PriorityRaised = EventPayload<'lead.priorityRaised'>;

/** Same shape as the contract's progress events. */
export interface SyncProgress {
  step: string;
  done: number;
  total: number;
}

export interface SyncFailure {
  /** The upstream session id. */
  id: string;
  error: string;
}

export interface SyncSummary {
  source: SyncSource;
  /** Upstream sessions looked at in this run. */
  scanned: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Sessions newly marked vanished in this run. */
  vanished: number;
  failed: SyncFailure[];
  /** The hot-lead events this run announced (also passed to onPriorityRaised). */
  raised: PriorityRaised[];
  durationMs: number;
}

export interface SyncOptions {
  /** After every committed batch, and at each step's start and end. Throwing stops the run. */
  onProgress?: (p: SyncProgress) => void;
  /** Once per session and level, right after the batch that raised it committed. */
  onPriorityRaised?: (event: PriorityRaised) => void;
  /** Sessions per pipeline / query round and per transaction; default 1000. */
  batchSize?: number;
  /** Ignore fingerprints and cursors: re-read and rewrite every session and transcript. */
  full?: boolean;
  /** Stops the run between batches (what is committed stays). */
  signal?: AbortSignal;
  /**
   * A source's first sync records the hot leads it finds without announcing them (they
   * are history, not news); default true.
   */
  quietFirstSync?: boolean;
  /** The clock (tests). */
  now?: () => Date;
}

export interface RedisSyncOptions extends SyncOptions {
  /** Key prefix, as the chatbot writes it; default none. */
  prefix?: string;
  /** Zone of timestamps written without one (SOURCE_TIMEZONE); default UTC. */
  sourceTimezone?: string;
  /** SCAN's COUNT hint; default 1000. */
  scanCount?: number;
}

export interface PostgresSyncOptions extends SyncOptions {
  /** Schema of the web chat tables; default 'public'. */
  schema?: string;
  /**
   * How far before the previous run's start the next run looks again, for rows committed
   * late by long transactions; default 120 s. Re-read sessions that did not change cost a
   * comparison, not a write.
   */
  overlapSeconds?: number;
}
