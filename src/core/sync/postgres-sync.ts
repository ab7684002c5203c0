/**
 * PostgreSQL web chat (seed 004) -> local mirror, incrementally: a run reads only the
 * sessions whose row, lead or messages changed since the previous run's start (minus an
 * overlap for late commits), plus any the mirror lacks or holds as vanished, and of each
 * only the messages after the newest one the mirror has (chat_sessions.source_cursor).
 *
 * The run's position is saved in sync_state.cursor inside every batch's transaction, so
 * an interrupted run resumes after the last committed session, with the same bounds.
 */
import type { Priority } from '../../shared/contract';
import type { Store } from '../store/open';
import { assertSchemaName, type Queryable } from '../sources/postgres/source-schema';
import {
  parseWebChatMessages,
  parseWebChatSession,
  type WebChatLine,
  type WebChatRecord,
  type WebChatSource,
} from '../sources/postgres/web-chat';
import { WebChatReader, type WebChatSnapshot } from '../sources/postgres/web-chat-reader';
import { AppError } from '../rpc/errors';
import { webChatFingerprint } from './fingerprint';
import type { MirrorState } from './mirror';
import {
  postgresSessionId,
  webChatMessageRows,
  webChatSessionRow,
  type MessageRow,
  type SessionRow,
} from './rows';
import { chunks, runSync, type SyncRun } from './run';
import type { PostgresSyncOptions, SyncSummary } from './types';

export const POSTGRES_STEPS = { sessions: 'postgres: web chat sessions' };

const DEFAULT_OVERLAP_SECONDS = 120;
/** Failed sessions remembered for the next run; beyond this the source has bigger problems. */
const MAX_RETRY = 10_000;

/** sync_state.cursor for 'postgres'. */
interface PostgresCursor {
  schema: string;
  /** Changes after this instant (database clock) are new; null: never synced. */
  since: string | null;
  /** Messages with a larger id are new. */
  afterMessageId: string;
  /** Sessions that failed last time: read again even if nothing about them changed. */
  retry: string[];
  /** An unfinished run: its bounds, the last session it committed, what failed so far. */
  pending: Pending | null;
}

interface Pending extends WebChatSnapshot {
  afterSessionId: string | null;
  failed: string[];
}

export async function syncPostgres(
  store: Store,
  db: Queryable,
  options: PostgresSyncOptions = {},
): Promise<SyncSummary> {
  const schema = options.schema ?? 'public';
  try {
    assertSchemaName(schema);
  } catch (error) {
    throw new AppError('invalid_input', (error as Error).message);
  }
  const overlapMs = (options.overlapSeconds ?? DEFAULT_OVERLAP_SECONDS) * 1000;
  const reader = new WebChatReader(db, schema);
  return runSync(store, 'postgres', options, async (run) => {
    const previous = readCursor(run.previousCursor, schema, run.full);
    const bounds: Pending = previous.pending ?? {
      ...(await reader.snapshot()),
      afterSessionId: null,
      failed: [],
    };
    const failedBefore = bounds.failed;
    const failedIds = () => [...new Set([...failedBefore, ...run.summary.failed.map((f) => f.id)])];
    const cursor: PostgresCursor = { ...previous, pending: bounds };

    const upstream = await reader.allSessionIds();
    const candidates = await changedSessions(run, reader, previous, upstream);
    const todo = candidates.filter(
      (id) => bounds.afterSessionId === null || id > bounds.afterSessionId,
    );
    run.progress(POSTGRES_STEPS.sessions, 0, todo.length);
    let done = 0;
    for (const batch of chunks(todo, run.batchSize)) {
      run.checkAborted();
      await syncBatch(run, reader, batch, () => {
        bounds.afterSessionId = batch.at(-1) ?? null;
        bounds.failed = failedIds();
        run.journal.saveCursor('postgres', JSON.stringify(cursor));
      });
      done += batch.length;
      run.progress(POSTGRES_STEPS.sessions, done, todo.length);
    }

    // Deleted upstream after the list was taken: the next run marks it.
    run.summary.vanished = run.mirror.markVanished('postgres', new Set(upstream), run.now());
    const next: PostgresCursor = {
      schema,
      since: new Date(Date.parse(bounds.at) - overlapMs).toISOString(),
      afterMessageId: bounds.maxMessageId,
      retry: failedIds().slice(0, MAX_RETRY),
      pending: null,
    };
    return { cursor: JSON.stringify(next) };
  });
}

function readCursor(text: string | null, schema: string, full: boolean): PostgresCursor {
  const fresh: PostgresCursor = {
    schema,
    since: null,
    afterMessageId: '0',
    retry: [],
    pending: null,
  };
  if (full || text === null) return fresh;
  try {
    const c = JSON.parse(text) as Partial<PostgresCursor>;
    // Another schema is another set of tables: start over rather than trust the cursor.
    if (c.schema !== schema || typeof c.afterMessageId !== 'string') return fresh;
    if (!/^\d+$/.test(c.afterMessageId)) return fresh;
    if (c.since != null && (typeof c.since !== 'string' || Number.isNaN(Date.parse(c.since)))) {
      return fresh;
    }
    return {
      schema,
      since: c.since ?? null,
      afterMessageId: c.afterMessageId,
      retry: strings(c.retry),
      pending: readPending(c.pending),
    };
  } catch {
    return fresh;
  }
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** A damaged pending position is dropped (the run starts over), never trusted. */
function readPending(value: unknown): Pending | null {
  if (typeof value !== 'object' || value === null) return null;
  const p = value as Record<string, unknown>;
  if (typeof p.at !== 'string' || Number.isNaN(Date.parse(p.at))) return null;
  if (typeof p.maxMessageId !== 'string' || !/^\d+$/.test(p.maxMessageId)) return null;
  const after = p.afterSessionId;
  if (after !== null && typeof after !== 'string') return null;
  return {
    at: p.at,
    maxMessageId: p.maxMessageId,
    afterSessionId: after,
    failed: strings(p.failed),
  };
}

/** Sorted ids of the sessions to read: changed upstream, new to the mirror, or back from vanished. */
async function changedSessions(
  run: SyncRun,
  reader: WebChatReader,
  cursor: PostgresCursor,
  upstream: readonly string[],
): Promise<string[]> {
  if (cursor.since === null) return [...upstream].sort();
  const known = run.mirror.known('postgres');
  const upstreamSet = new Set(upstream);
  const ids = new Set<string>();
  for (const id of await reader.changedSessionIds(cursor.since, cursor.afterMessageId)) {
    if (upstreamSet.has(id)) ids.add(id);
  }
  for (const id of upstream) {
    const vanished = known.get(id);
    if (vanished === undefined || vanished) ids.add(id);
  }
  for (const id of cursor.retry) if (upstreamSet.has(id)) ids.add(id);
  return [...ids].sort();
}

interface Ready {
  record: WebChatRecord;
  before: MirrorState | null;
  /** Mapped and scored before the transaction, which then holds the write lock only to write. */
  row: SessionRow;
  messages: MessageRow[];
  replace: boolean;
}

async function syncBatch(
  run: SyncRun,
  reader: WebChatReader,
  ids: readonly string[],
  saveCursor: () => void,
): Promise<void> {
  const state = run.mirror.stateOf(ids.map(postgresSessionId));
  const floors = new Map<string, string>();
  for (const id of ids) {
    const before = state.get(postgresSessionId(id));
    floors.set(id, !run.full && before?.source_cursor ? before.source_cursor : '0');
  }
  const sources = await reader.readBatch(floors);
  const ready: Ready[] = [];
  for (const id of ids) {
    const source = sources.get(id);
    if (!source) continue; // deleted since it was listed; the vanish check marks it
    run.summary.scanned += 1;
    const before = state.get(postgresSessionId(id)) ?? null;
    try {
      const item = prepare(run, source, before, floors.get(id) ?? '0');
      if (item) ready.push(item);
      else run.summary.unchanged += 1;
    } catch (error) {
      run.fail(id, error);
    }
  }

  const nowIso = run.now();
  const written = run.commit(ready, {
    id: (r) => r.record.sessionId,
    write: (r, alert) => {
      run.mirror.writeSession(r.row, nowIso);
      if (r.replace) run.mirror.replaceMessages(r.row.id, r.messages);
      else run.mirror.appendMessages(r.messages);
      alert({
        sessionId: r.row.id,
        visitorName: r.row.visitor_name,
        from: r.before?.priority ?? null,
        to: r.row.priority as Priority | null,
      });
    },
    after: saveCursor,
  });
  for (const r of written) {
    if (r.before) run.summary.updated += 1;
    else run.summary.inserted += 1;
  }
}

/** The session's whole transcript (mirror + new) and fingerprint; null when nothing changed. */
function prepare(
  run: SyncRun,
  source: WebChatSource,
  before: MirrorState | null,
  floor: string,
): Ready | null {
  // Strict first: a malformed row fails its session before anything is compared or written.
  const record = parseWebChatSession(source);
  const fresh = parseWebChatMessages(source.messages);
  const appending = floor !== '0' && before !== null;
  const count = (appending ? before.message_count : 0) + fresh.length;
  const lastMessageId = source.messages.at(-1)?.id ?? (appending ? floor : null);
  const hash = webChatFingerprint(source, count, lastMessageId);
  if (!run.full && before?.source_hash === hash && before.vanished_at === null) return null;
  // Changed: the whole transcript is scored, so the mirror's part is read back.
  const kept: WebChatLine[] = appending
    ? run.mirror.lines(postgresSessionId(record.sessionId))
    : [];
  const lines = [...kept, ...fresh];
  const row = webChatSessionRow(record, lines, { sourceHash: hash, sourceCursor: lastMessageId });
  const replace = before !== null && !appending;
  const messages = webChatMessageRows(record.sessionId, lines, replace ? 0 : kept.length);
  return { record, before, row, messages, replace };
}
