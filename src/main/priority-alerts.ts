/**
 * What a lead-priority notification says and whether it is shown: once per session and
 * level, so a session that bounces high -> medium -> high does not alert twice for high.
 * No Electron import: tested under Node.
 */
import type { EventPayload } from '../shared/contract';

type PriorityRaised = EventPayload<'lead.priorityRaised'>;

export class AlertOnce {
  private readonly seen = new Set<string>();

  constructor(private readonly limit = 5_000) {}

  /** True the first time a (sessionId, level) pair is offered. */
  take(sessionId: string, level: string): boolean {
    const key = JSON.stringify([sessionId, level]);
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    // Bounded for an app that runs for weeks in the tray: the oldest pairs are forgotten.
    if (this.seen.size > this.limit) {
      const oldest = this.seen.values().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    return true;
  }
}

/**
 * Visitor-supplied text as one plain line: no control characters, and no angle brackets,
 * which some Linux notification servers read as markup (links included).
 */
export function plainLine(text: string, max = 80): string {
  const line = text
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/[<>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export function priorityAlertText(payload: PriorityRaised): { title: string; body: string } {
  const who = plainLine(payload.visitorName ?? '') || 'A visitor';
  const from = payload.from ? ` (was ${payload.from})` : '';
  return {
    title: payload.to === 'critical' ? 'Critical lead' : `Lead priority: ${payload.to}`,
    body: `${who} is now ${payload.to} priority${from}.`,
  };
}
