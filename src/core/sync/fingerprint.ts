/**
 * Fingerprints of upstream records: equal fingerprints mean the mirror already holds
 * exactly this, so an incremental sync skips the session without reading its transcript
 * or writing anything. The scoring and mapping versions are part of every fingerprint,
 * so a release that changes either re-maps each session once.
 */
import { createHash, type Hash } from 'node:crypto';
import { SCORING_VERSION } from '../scoring/rules';
import type { WebChatSource } from '../sources/postgres/web-chat';
import type { SessionHead } from '../sources/redis/reader';
import { MAPPING_VERSION } from './rows';

const VERSION = `${SCORING_VERSION}.${MAPPING_VERSION}`;

function digest(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64url');
}

/**
 * Everything a pipelined head read shows; the zone matters because it changes the times.
 * Fed to the hash field by field (this runs for every session on every sync): no JSON.
 */
export function redisFingerprint(head: SessionHead, zone: string): string {
  const h = createHash('sha1');
  h.update(`${VERSION}\u0000${zone}\u0000`);
  addHash(h, head.session);
  addHash(h, head.lead);
  h.update(`${head.chatLength}\u0000${head.finalized ? 1 : 0}\u0000`);
  h.update(head.lastLine === null ? 'N' : `L${head.lastLine}`);
  return h.digest('base64url');
}

/** Fields in key order, each delimited, so no two different hashes feed the same bytes. */
function addHash(h: Hash, hash: Record<string, string>): void {
  const keys = Object.keys(hash).sort();
  h.update(`${keys.length}\u0000`);
  for (const k of keys) h.update(`${k.length}:${k}${(hash[k] ?? '').length}:${hash[k] ?? ''}`);
}

/** The session and lead rows as read, and how far the transcript goes. */
export function webChatFingerprint(
  source: Pick<WebChatSource, 'session' | 'lead'>,
  messageCount: number,
  lastMessageId: string | null,
): string {
  return digest([VERSION, source.session, source.lead, messageCount, lastMessageId]);
}
