import type { SessionDetail, SessionSource } from '../../shared/contract';
import { AppError, toErrorData } from '../rpc/errors';
import type { SessionRepository } from '../sessions/session-repository';
import type { Store } from '../store/open';
import type { SessionClaims } from './claim';

export interface SweepResult {
  checked: number;
  finalized: string[];
  skipped: number;
  failed: { id: string; error: string }[];
}

export type EndOutcome = 'sent' | 'already_finalized' | 'busy' | 'skipped_empty';

export interface ReportSender {
  /** Renders the session's PDF and mails it; throws when either fails. */
  send(session: SessionDetail): Promise<{ pdfPath: string }>;
}

export interface MonitorDeps {
  store: Store;
  sessions: SessionRepository;
  /** The claim store for a source, or null when that source is not connected. */
  claims(source: SessionSource): SessionClaims | null;
  sender: ReportSender;
  inactivityMinutes: number;
  now?: () => Date;
}

interface Candidate {
  id: string;
  source: SessionSource;
  source_id: string;
  empty: number;
}

/**
 * The inactivity monitor (seed 001): sessions idle longer than INACTIVITY_MINUTES and not
 * yet finalized get their report, exactly once across instances thanks to the claims.
 * It reads the local mirror, so a sync must run first for fresh data.
 */
export class InactivityMonitor {
  constructor(private readonly deps: MonitorDeps) {}

  async sweep(): Promise<SweepResult> {
    const result: SweepResult = { checked: 0, finalized: [], skipped: 0, failed: [] };
    for (const c of this.candidates()) {
      result.checked += 1;
      if (c.empty) {
        result.skipped += 1; // no visitor data and no messages: nothing worth a report
        continue;
      }
      try {
        const outcome = await this.finish(c);
        if (outcome === 'sent') result.finalized.push(c.id);
      } catch (error) {
        result.failed.push({ id: c.id, error: toErrorData(error).message });
      }
    }
    return result;
  }

  /** "End session & send report now": the same path, the same claim, no waiting for inactivity. */
  async endNow(id: string): Promise<{ sessionId: string; outcome: EndOutcome }> {
    const session = this.deps.sessions.get(id);
    if (session.finalized) return { sessionId: session.id, outcome: 'already_finalized' };
    if (!session.userDataCollected && session.messages.length === 0) {
      return { sessionId: session.id, outcome: 'skipped_empty' };
    }
    const outcome = await this.finish({
      id: session.id,
      source: session.source,
      source_id: session.sourceId,
      empty: 0,
    });
    return { sessionId: session.id, outcome };
  }

  /** Idle, unfinished sessions of the sources that are connected (only they can be claimed). */
  private candidates(): Candidate[] {
    const sources = (['redis', 'postgres'] as const).filter((s) => this.deps.claims(s) !== null);
    if (sources.length === 0) return [];
    const now = (this.deps.now ?? (() => new Date()))();
    const cutoff = new Date(now.getTime() - this.deps.inactivityMinutes * 60_000).toISOString();
    return this.deps.store.sqlite
      .prepare(
        `SELECT id, source, source_id,
                (user_data_collected = 0 AND message_count = 0) AS empty
         FROM chat_sessions
         WHERE finalized_at IS NULL AND vanished_at IS NULL
           AND source IN (${sources.map(() => '?').join(', ')})
           AND last_interaction_at IS NOT NULL AND last_interaction_at <= ?
         ORDER BY last_interaction_at`,
      )
      .all(...sources, cutoff) as Candidate[];
  }

  private async finish(c: Candidate): Promise<EndOutcome> {
    const claims = this.deps.claims(c.source);
    if (!claims) {
      const variable = c.source === 'redis' ? 'REDIS_URL' : 'DATABASE_URL';
      throw new AppError(
        'unavailable',
        `${c.id} came from ${c.source}, which is not connected (set ${variable}): its report is claimed there, so that no other instance sends it too.`,
      );
    }
    const claim = await claims.claim(c.source_id);
    if (claim.kind === 'finalized') {
      this.markFinalized(c.id);
      return 'already_finalized';
    }
    if (claim.kind === 'busy') return 'busy';
    try {
      await this.deps.sender.send(this.deps.sessions.get(c.id));
    } catch (error) {
      await claims.release(c.source_id, claim.token).catch(() => undefined);
      this.logError(c.id, error);
      throw error;
    }
    // The mail went out: only now is the session finalized, for everyone.
    await claims.complete(c.source_id, claim.token);
    this.markFinalized(c.id);
    return 'sent';
  }

  private markFinalized(id: string): void {
    this.deps.store.sqlite
      .prepare('UPDATE chat_sessions SET finalized_at = ? WHERE id = ? AND finalized_at IS NULL')
      .run(new Date().toISOString(), id);
  }

  private logError(id: string, error: unknown): void {
    this.deps.store.sqlite
      .prepare('INSERT INTO error_log (scope, message, detail) VALUES (?, ?, ?)')
      .run('monitor', `Session report for ${id} failed`, toErrorData(error).message);
  }
}
