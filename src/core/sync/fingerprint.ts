/**
 * Fingerprints of upstream records: equal fingerprints mean the mirror already holds
 * exactly this, so an incremental sync skips the session without reading its transcript
 * or writing anything. The scoring and mapping versions are part of every fingerprint,
 * so a release that changes either re-maps each session once.
 */
import { createHash } from 'node:crypto';
import { SCORING_VERSION } from '../scoring/rules';
import type { WebChatSource } from '../sources/postgres/web-chat';
import type { SessionHead } from '../sources/redis/reader';
import { MAPPING_VERSION } from './rows';

const VERSION = `${SCORING_VERSION}.${MAPPING_VERSION}`;

function digest(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64url');
}

const sorted = (hash: Record<string, string>) =>
  Object.entries(hash).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Everything a pipelined head read shows; the zone matters because it changes the times. */
export function redisFingerprint(head: SessionHead, zone: string): string {
  return digest([
    VERSION,
    zone,
    sorted(head.session),
    sorted(head.lead),
    head.chatLength,
    head.lastLine,
    head.finalized,
  ]);
}

/** The session and lead rows as read, and how far the transcript goes. */
export function webChatFingerprint(
  source: Pick<WebChatSource, 'session' | 'lead'>,
  messageCount: number,
  lastMessageId: string | null,
): string {
  return digest([VERSION, source.session, source.lead, messageCount, lastMessageId]);
}
