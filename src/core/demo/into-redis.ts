/**
 * Writes the demo chatbot sessions into a Redis exactly as the seed-001 chatbot does:
 * `session:{id}` hash, `lead:{id}` hash, `session:{id}:chat` list (oldest first). Never a
 * `:finalized` key: deciding that a session is finished is Leadwatch's job.
 */
import type { Redis } from 'ioredis';
import { batches, demoStreams } from './generate';
import type { DemoCounts, DemoSize, RedisChatSession } from './types';

export interface RedisDemoOptions {
  seed: number;
  size: DemoSize;
  counts?: Partial<DemoCounts>;
  now?: Date;
  /** Prepended to every key, so tests and side-by-side demos stay apart. */
  prefix?: string;
}

export interface RedisDemoCounts {
  chatSessions: number;
  leads: number;
  chatMessages: number;
}

export type RedisDemoProgress = (p: { step: string; done: number; total: number }) => void;

const BATCH_SESSIONS = 500;

export async function writeDemoToRedis(
  redis: Redis,
  options: RedisDemoOptions,
  onProgress?: RedisDemoProgress,
): Promise<RedisDemoCounts> {
  const { prefix = '', ...demo } = options;
  const streams = demoStreams(demo);
  const total = streams.plan.counts.chatSessions;
  const counts: RedisDemoCounts = { chatSessions: 0, leads: 0, chatMessages: 0 };
  onProgress?.({ step: 'redis sessions', done: 0, total });
  for (const batch of batches(streams.chatSessions(), BATCH_SESSIONS)) {
    const pipeline = redis.pipeline();
    for (const s of batch) {
      queueSession(pipeline, prefix, s);
      counts.chatSessions += 1;
      counts.leads += s.lead ? 1 : 0;
      counts.chatMessages += s.chat.length;
    }
    const results = await pipeline.exec();
    const failed = results?.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
    onProgress?.({ step: 'redis sessions', done: counts.chatSessions, total });
  }
  return counts;
}

type Pipeline = ReturnType<Redis['pipeline']>;

export const redisKeys = (prefix: string, id: string) => ({
  session: `${prefix}session:${id}`,
  lead: `${prefix}lead:${id}`,
  chat: `${prefix}session:${id}:chat`,
});

function queueSession(pipeline: Pipeline, prefix: string, s: RedisChatSession): void {
  const keys = redisKeys(prefix, s.id);
  // Writing the same seed again must not append a second copy of the transcript.
  pipeline.del(keys.session, keys.lead, keys.chat);
  pipeline.hset(keys.session, { ...s.session });
  if (s.lead) pipeline.hset(keys.lead, { ...s.lead });
  if (s.chat.length > 0) pipeline.rpush(keys.chat, ...s.chat);
}
