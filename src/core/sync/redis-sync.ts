/**
 * Redis (seed 001) -> local mirror. Every run looks at every session's head (one
 * pipeline per batch) and compares its fingerprint with chat_sessions.source_hash: equal
 * means skip. A changed session's transcript is read from where the mirror's copy ends
 * (the chat list is append-only), overlapping one line to prove it; a list that shrank
 * or does not match is read whole. Each batch commits in one transaction, so an
 * interrupted run keeps its finished batches and the next run skips them as unchanged.
 */
import type { Redis } from 'ioredis';
import type { Priority } from '../../shared/contract';
import { AppError } from '../rpc/errors';
import type { Store } from '../store/open';
import {
  parseChat,
  parseChatLine,
  parseRedisSession,
  type ChatLine,
  type RedisSessionRecord,
} from '../sources/redis/parse';
import { RedisSessionReader, type SessionHead } from '../sources/redis/reader';
import { assertTimeZone } from '../sources/redis/source-time';
import { redisFingerprint } from './fingerprint';
import type { MirrorState } from './mirror';
import { redisMessageRows, redisSessionId, redisSessionRow } from './rows';
import { chunks, runSync, type SyncRun } from './run';
import type { RedisSyncOptions, SyncSummary } from './types';

export const REDIS_STEPS = { discover: 'redis: finding sessions', sessions: 'redis: sessions' };

export async function syncRedis(
  store: Store,
  redis: Redis,
  options: RedisSyncOptions = {},
): Promise<SyncSummary> {
  const zone = options.sourceTimezone ?? 'UTC';
  try {
    assertTimeZone(zone);
  } catch (error) {
    throw new AppError('invalid_input', (error as Error).message);
  }
  const reader = new RedisSessionReader(redis, {
    prefix: options.prefix,
    scanCount: options.scanCount,
  });
  return runSync(store, 'redis', options, async (run) => {
    run.progress(REDIS_STEPS.discover, 0, 0);
    const ids = await reader.discover();
    run.progress(REDIS_STEPS.discover, ids.length, ids.length);
    const present = new Set<string>();
    let done = 0;
    run.progress(REDIS_STEPS.sessions, 0, ids.length);
    for (const batch of chunks(ids, run.batchSize)) {
      run.checkAborted();
      await syncBatch(run, reader, batch, present, zone);
      done += batch.length;
      run.progress(REDIS_STEPS.sessions, done, ids.length);
    }
    run.summary.vanished = run.mirror.markVanished('redis', present, run.now());
    return { cursor: JSON.stringify({ prefix: reader.prefix }) };
  });
}

/** A changed session on its way into the mirror. */
interface Pending {
  head: SessionHead;
  record: RedisSessionRecord;
  before: MirrorState | null;
  hash: string;
  /** Mirror lines still valid; the list is read from index `kept.length` (minus the overlap). */
  kept: ChatLine[];
  /** The mirror's last line, expected again at the first index read. */
  overlap: ChatLine | null;
  lines: ChatLine[] | null;
}

async function syncBatch(
  run: SyncRun,
  reader: RedisSessionReader,
  ids: readonly string[],
  present: Set<string>,
  zone: string,
): Promise<void> {
  const heads = await reader.readHeads(ids);
  const nowIso = run.now();
  const time = { zone, nowMs: Date.parse(nowIso) };
  const mirrorState = run.mirror.stateOf(ids.map(redisSessionId));
  const pending: Pending[] = [];

  for (const head of heads) {
    // An empty hash was deleted after SCAN saw it: it is gone, not broken.
    if (head.error === null && Object.keys(head.session).length === 0) continue;
    present.add(head.id);
    run.summary.scanned += 1;
    if (head.error !== null) {
      run.fail(head.id, head.error);
      continue;
    }
    const hash = redisFingerprint(head, zone);
    const before = mirrorState.get(redisSessionId(head.id)) ?? null;
    if (!run.full && before?.source_hash === hash && before.vanished_at === null) {
      run.summary.unchanged += 1;
      continue;
    }
    try {
      const record = parseRedisSession(head, time);
      pending.push(planTranscript(run, head, record, before, hash));
    } catch (error) {
      run.fail(head.id, error);
    }
  }

  await readTranscripts(run, reader, pending);
  // Mapped and scored before the transaction, which then holds the write lock only to write.
  const ready = pending.flatMap((p) => {
    if (p.lines === null) return [];
    const row = redisSessionRow(p.record, p.lines, {
      finalizedAt: p.head.finalized ? nowIso : null,
      sourceHash: p.hash,
    });
    const reload = p.before !== null && p.kept.length === 0;
    const messages = redisMessageRows(p.head.id, p.lines, reload ? 0 : p.kept.length);
    return [{ id: p.head.id, before: p.before, row, messages, reload }];
  });
  const written = run.commit(ready, {
    id: (r) => r.id,
    write: (r, alert) => {
      run.mirror.writeSession(r.row, nowIso);
      if (r.reload) run.mirror.replaceMessages(r.row.id, r.messages);
      else run.mirror.appendMessages(r.messages);
      alert({
        sessionId: r.row.id,
        visitorName: r.row.visitor_name,
        from: r.before?.priority ?? null,
        to: r.row.priority as Priority | null,
      });
    },
  });
  for (const r of written) {
    if (r.before) run.summary.updated += 1;
    else run.summary.inserted += 1;
  }
}

/** Decides how much of the chat list to read: nothing, the new tail, or all of it. */
function planTranscript(
  run: SyncRun,
  head: SessionHead,
  record: RedisSessionRecord,
  before: MirrorState | null,
  hash: string,
): Pending {
  const whole: Pending = { head, record, before, hash, kept: [], overlap: null, lines: null };
  if (run.full || before === null || before.message_count === 0) return whole;
  const kept = run.mirror.lines(redisSessionId(head.id));
  const last = kept.at(-1);
  if (!last || kept.length !== before.message_count || head.chatLength < kept.length) return whole;
  if (head.chatLength === kept.length) {
    // Same length: the newest line tells a rewrite from an untouched transcript.
    return sameLine(head.lastLine, last, kept.length - 1) ? { ...whole, kept, lines: kept } : whole;
  }
  return { ...whole, kept, overlap: last };
}

async function readTranscripts(
  run: SyncRun,
  reader: RedisSessionReader,
  pending: Pending[],
): Promise<void> {
  const tails = pending.filter((p) => p.lines === null && p.head.chatLength > 0);
  const from = (p: Pending) => (p.overlap ? p.kept.length - 1 : 0);
  const first = await reader.readChats(tails.map((p) => ({ id: p.head.id, from: from(p) })));
  const again: Pending[] = [];
  for (const p of tails) {
    const read = first.get(p.head.id);
    if (read instanceof Error || read === undefined) {
      run.fail(p.head.id, read ?? 'chat list was not read');
      continue;
    }
    if (p.overlap && !sameLine(read[0] ?? null, p.overlap, p.kept.length - 1)) {
      // Not the list the mirror copied (rewritten, or trimmed and refilled): read it whole.
      p.kept = [];
      p.overlap = null;
      again.push(p);
      continue;
    }
    settle(run, p, p.overlap ? read.slice(1) : read);
  }
  const second = await reader.readChats(again.map((p) => ({ id: p.head.id, from: 0 })));
  for (const p of again) {
    const read = second.get(p.head.id);
    if (read instanceof Error || read === undefined)
      run.fail(p.head.id, read ?? 'chat list was not read');
    else settle(run, p, read);
  }
  // Sessions with an empty list need no read at all.
  for (const p of pending) if (p.lines === null && p.head.chatLength === 0) p.lines = [];
}

/** Parses the lines read (strictly: a bad line fails the session) after the kept ones. */
function settle(run: SyncRun, p: Pending, raw: readonly string[]): void {
  try {
    p.lines = [...p.kept, ...parseChat(raw, p.kept.length)];
  } catch (error) {
    run.fail(p.head.id, error);
  }
}

function sameLine(raw: string | null, line: ChatLine, index: number): boolean {
  if (raw === null) return false;
  try {
    const parsed = parseChatLine(raw, index);
    return parsed.sender === line.sender && parsed.text === line.text;
  } catch {
    return false;
  }
}
