/**
 * Key names of the seed-001 layout under an optional prefix (tests and side-by-side
 * deployments share one Redis that way).
 */

export interface SessionKeys {
  session: string;
  lead: string;
  chat: string;
  finalized: string;
}

export function sessionKeys(prefix: string, id: string): SessionKeys {
  return {
    session: `${prefix}session:${id}`,
    lead: `${prefix}lead:${id}`,
    chat: `${prefix}session:${id}:chat`,
    finalized: `${prefix}session:${id}:finalized`,
  };
}

/** The SCAN MATCH pattern for session hashes (and, unavoidably, their sub-keys). */
export function sessionScanPattern(prefix: string): string {
  return `${escapeGlob(prefix)}session:*`;
}

const SUB_KEYS = [':chat', ':finalized'];

/** The session id of a `{prefix}session:{id}` key; null for the `:chat`/`:finalized` sub-keys. */
export function sessionIdFromKey(prefix: string, key: string): string | null {
  const head = `${prefix}session:`;
  if (!key.startsWith(head)) return null;
  const id = key.slice(head.length);
  if (id === '' || SUB_KEYS.some((s) => id.endsWith(s))) return null;
  return id;
}

/** A prefix is data, not a pattern: its `*`, `?`, `[`, `]` and `\` match only themselves. */
export function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
