/**
 * Who may use the bridge. The token never leaves this process except in the address the
 * person who started the bridge is given (`#token=…`, a fragment: browsers do not send it
 * to any server). Every request that does something proves it:
 *
 * - /rpc and POST /events/ticket carry it in the x-leadwatch-token header;
 * - GET /events (EventSource cannot set headers) carries a ticket instead: random,
 *   single-use and valid for TICKET_TTL_MS, obtained from POST /events/ticket. A ticket
 *   in a URL can end up in a log or the history, so it is worthless once used or expired.
 *   A cookie was the other choice, but cookies do not keep ports apart: every other server
 *   on 127.0.0.1 would be sent it and could overwrite it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const TICKET_TTL_MS = 30_000;
/** Unspent tickets kept at most; past it the oldest is forgotten. */
const MAX_TICKETS = 64;

export interface Access {
  readonly token: string;
  tokenMatches(given: string | string[] | null | undefined): boolean;
  issueTicket(): string;
  /** True once for a ticket issued less than TICKET_TTL_MS ago; it is spent either way. */
  redeemTicket(given: string | null): boolean;
}

export function createAccess(now: () => number = Date.now): Access {
  const token = randomBytes(32).toString('hex');
  const expected = Buffer.from(token);
  const tickets = new Map<string, number>();

  const prune = () => {
    const time = now();
    for (const [ticket, expiresAt] of tickets) if (expiresAt <= time) tickets.delete(ticket);
    while (tickets.size >= MAX_TICKETS) {
      const oldest = tickets.keys().next().value;
      if (oldest === undefined) break;
      tickets.delete(oldest);
    }
  };

  return {
    token,
    tokenMatches(given) {
      if (typeof given !== 'string') return false;
      const actual = Buffer.from(given);
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
    issueTicket() {
      prune();
      const ticket = randomBytes(24).toString('hex');
      tickets.set(ticket, now() + TICKET_TTL_MS);
      return ticket;
    },
    redeemTicket(given) {
      if (!given) return false;
      const expiresAt = tickets.get(given);
      tickets.delete(given);
      return expiresAt !== undefined && expiresAt > now();
    },
  };
}

/**
 * The bridge's own origins: a page opened as 127.0.0.1 or as localhost (both are served).
 * A request with no Origin header is not a cross-origin browser request; anything else is.
 */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}
