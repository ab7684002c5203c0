/**
 * Reads the chatbot's sessions out of Redis without hurting it: SCAN (never KEYS) to
 * find them, then one pipeline per batch of sessions, so 100,000 sessions cost a few
 * hundred round trips. A failed command fails only its own session; a lost connection
 * fails the read.
 */
import type { Redis } from 'ioredis';
import { sessionIdFromKey, sessionKeys, sessionScanPattern } from './keys';

export interface RedisReaderOptions {
  /** Prepended to every key; default none. */
  prefix?: string;
  /** SCAN's COUNT hint. */
  scanCount?: number;
}

/** What one pipelined look at a session returns: enough to tell whether it changed. */
export interface SessionHead {
  id: string;
  /** `{}` when the hash is gone (deleted between SCAN and this read). */
  session: Record<string, string>;
  /** `{}` when there is no `lead:{id}`. */
  lead: Record<string, string>;
  chatLength: number;
  /** The newest chat line, so a list rewritten to the same length still looks changed. */
  lastLine: string | null;
  /** `session:{id}:finalized` holds "true" (a monitor's lease value does not count). */
  finalized: boolean;
  /** A Redis error on one of the session's keys, e.g. WRONGTYPE. */
  error: string | null;
}

export interface ChatRequest {
  id: string;
  /** First list index to read; the read runs to the end of the list. */
  from: number;
}

type PipelineResult = [Error | null, unknown][];

const COMMANDS_PER_HEAD = 5;

export class RedisSessionReader {
  readonly prefix: string;
  private readonly scanCount: number;

  constructor(
    private readonly redis: Redis,
    options: RedisReaderOptions = {},
  ) {
    this.prefix = options.prefix ?? '';
    this.scanCount = options.scanCount ?? 1_000;
  }

  /** Every session id under the prefix, each once (SCAN may repeat a key), in SCAN order. */
  async discover(onBatch?: (found: number) => void): Promise<string[]> {
    const seen = new Set<string>();
    const pattern = sessionScanPattern(this.prefix);
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', this.scanCount);
      for (const key of keys) {
        const id = sessionIdFromKey(this.prefix, key);
        if (id !== null) seen.add(id);
      }
      cursor = next;
      onBatch?.(seen.size);
    } while (cursor !== '0');
    return [...seen];
  }

  /** HGETALL session and lead, LLEN and LINDEX -1 of the chat, GET finalized: one pipeline. */
  async readHeads(ids: readonly string[]): Promise<SessionHead[]> {
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) {
      const k = sessionKeys(this.prefix, id);
      pipeline.hgetall(k.session).hgetall(k.lead).llen(k.chat).lindex(k.chat, -1).get(k.finalized);
    }
    const results = await run(pipeline);
    return ids.map((id, i) => {
      const at = i * COMMANDS_PER_HEAD;
      const reply = (k: number) => results[at + k] ?? [new Error('no reply'), null];
      let failed: Error | null = null;
      for (let k = 0; k < COMMANDS_PER_HEAD && !failed; k++) failed = reply(k)[0];
      const [session, lead, length, last, finalized] = [0, 1, 2, 3, 4].map((k) => reply(k)[1]);
      return {
        id,
        session: failed ? {} : asHash(session),
        lead: failed ? {} : asHash(lead),
        chatLength: typeof length === 'number' ? length : 0,
        lastLine: typeof last === 'string' ? last : null,
        finalized: finalized === 'true',
        error: failed ? `Redis: ${failed.message}` : null,
      };
    });
  }

  /** LRANGE from each request's index to the end; an Error for a session whose read failed. */
  async readChats(requests: readonly ChatRequest[]): Promise<Map<string, string[] | Error>> {
    const out = new Map<string, string[] | Error>();
    if (requests.length === 0) return out;
    const pipeline = this.redis.pipeline();
    for (const r of requests) pipeline.lrange(sessionKeys(this.prefix, r.id).chat, r.from, -1);
    const results = await run(pipeline);
    requests.forEach((r, i) => {
      const [error, value] = results[i] ?? [new Error('no reply'), null];
      if (error) out.set(r.id, new Error(`Redis: ${error.message}`));
      else out.set(r.id, Array.isArray(value) ? value.map(String) : []);
    });
    return out;
  }
}

async function run(pipeline: ReturnType<Redis['pipeline']>): Promise<PipelineResult> {
  const results = await pipeline.exec();
  if (!results) throw new Error('Redis discarded the pipeline');
  return results;
}

function asHash(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) out[k] = String(v);
  return out;
}
