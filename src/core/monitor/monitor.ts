import type { Output, SessionDetail, SessionSource } from '../../shared/contract';
import { AppError, toErrorData } from '../rpc/errors';
import type { SessionRepository } from '../sessions/session-repository';
import type { Store } from '../store/open';
import type { SessionClaims } from './claim';

export type SweepResult = Output<'monitor.runOnce'>;
export type EndResult = Output<'sessions.endNow'>;
export type EndOutcome = EndResult['outcome'];

export interface ReportSender {
  /** Renders the session's PDF and mails it; throws when either fails. */
  send(session: SessionDetail): Promise<{ pdfPath: string }>;
  /** Renders the session's PDF into the data dir, mailing nothing. */
  renderToFile(session: SessionDetail): Promise<{ pdfPath: string }>;
  /** The settings mail still needs (SMTP_URL, MAIL_FROM, REPORT_RECIPIENTS); empty when set. */
  mailMissing(): string[];
}

export interface MonitorDeps {
  store: Store;
  sessions: SessionRepository;
  /** The upstream claim store for a source, or null when that source is not connected. */
  claims(source: SessionSource): SessionClaims | null;
  /** Claims in the local store, for sessions no upstream holds (demo data). */
  localClaims: SessionClaims;
  sender: ReportSender;
  inactivityMinutes: number;
  now?: () => Date;
}

interface Candidate {
  id: string;
  source: SessionSource;
  source_id: string;
  empty: number;
  local_only: number;
}

/** Sessions no upstream holds: demo-seeded rows, and the local 'demo' source. */
const LOCAL_ONLY = "(local_only = 1 OR source = 'demo')";

/** "SMTP_URL, MAIL_FROM and REPORT_RECIPIENTS": the missing settings, as a person reads them. */
function listed(names: string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The one line on what to set so that reports are mailed. */
export function mailHint(missing: string[], what: string): string {
  return `Set ${listed(missing)} (Settings) to mail ${what}.`;
}

/**
 * The inactivity monitor (seed 001): sessions idle longer than INACTIVITY_MINUTES and not
 * yet finalized get their report, exactly once across instances thanks to the claims.
 * It reads the local mirror, so a sync must run first for fresh data.
 */
export class InactivityMonitor {
  constructor(private readonly deps: MonitorDeps) {}

  async sweep(): Promise<SweepResult> {
    const result: SweepResult = {
      checked: 0,
      finalized: [],
      skipped: 0,
      failed: [],
      waiting: 0,
      notice: null,
    };
    // Without mail nothing could be finalized: render nothing, say once what to set.
    const missing = this.deps.sender.mailMissing();
    for (const c of this.candidates()) {
      result.checked += 1;
      if (c.empty) {
        result.skipped += 1; // no visitor data and no messages: nothing worth a report
        continue;
      }
      if (missing.length > 0) {
        result.waiting += 1;
        continue;
      }
      try {
        const { outcome } = await this.finish(c);
        if (outcome === 'sent') result.finalized.push(c.id);
      } catch (error) {
        result.failed.push({ id: c.id, error: toErrorData(error).message });
      }
    }
    if (result.waiting > 0) {
      result.notice =
        result.waiting === 1
          ? `1 idle session waits for its report. ${mailHint(missing, 'it')}`
          : `${result.waiting} idle sessions wait for their reports. ${mailHint(missing, 'them')}`;
    }
    return result;
  }

  /** "End session & send report now": the same path, the same claim, no waiting for inactivity. */
  async endNow(id: string): Promise<EndResult> {
    const session = this.deps.sessions.get(id);
    const done = (
      outcome: EndOutcome,
      pdfPath: string | null = null,
      notice: string | null = null,
    ) => ({
      sessionId: session.id,
      outcome,
      pdfPath,
      notice,
    });
    if (session.finalized) return done('already_finalized');
    if (!session.userDataCollected && session.messages.length === 0) return done('skipped_empty');
    const missing = this.deps.sender.mailMissing();
    if (missing.length > 0) {
      // Nothing can be mailed, so nothing is claimed or finalized: the PDF is made and shown.
      const { pdfPath } = await this.deps.sender.renderToFile(session);
      return done('pdf_only', pdfPath, mailHint(missing, 'it'));
    }
    const { outcome, pdfPath } = await this.finish(this.candidate(session.id));
    return done(outcome, pdfPath);
  }

  /** Idle, unfinished sessions that can be claimed: local-only ones and those of connected sources. */
  private candidates(): Candidate[] {
    const sources = (['redis', 'postgres'] as const).filter((s) => this.deps.claims(s) !== null);
    const now = (this.deps.now ?? (() => new Date()))();
    const cutoff = new Date(now.getTime() - this.deps.inactivityMinutes * 60_000).toISOString();
    return this.deps.store.sqlite
      .prepare(
        `SELECT id, source, source_id, ${LOCAL_ONLY} AS local_only,
                (user_data_collected = 0 AND message_count = 0) AS empty
         FROM chat_sessions
         WHERE finalized_at IS NULL AND vanished_at IS NULL
           AND (${LOCAL_ONLY} OR source IN (SELECT value FROM json_each(?)))
           AND last_interaction_at IS NOT NULL AND last_interaction_at <= ?
         ORDER BY last_interaction_at`,
      )
      .all(JSON.stringify(sources), cutoff) as Candidate[];
  }

  private candidate(id: string): Candidate {
    return this.deps.store.sqlite
      .prepare(
        `SELECT id, source, source_id, ${LOCAL_ONLY} AS local_only, 0 AS empty FROM chat_sessions WHERE id = ?`,
      )
      .get(id) as Candidate;
  }

  /** Where the session's report is claimed, and under which key. */
  private claimsFor(c: Candidate): { claims: SessionClaims; key: string } {
    if (c.local_only) return { claims: this.deps.localClaims, key: c.id };
    const claims = this.deps.claims(c.source);
    if (claims) return { claims, key: c.source_id };
    const variable = c.source === 'redis' ? 'REDIS_URL' : 'DATABASE_URL';
    throw new AppError(
      'unavailable',
      `${c.id} came from ${c.source}, which is not connected (set ${variable}): its report is claimed there, so that no other instance sends it too.`,
    );
  }

  private async finish(c: Candidate): Promise<{ outcome: EndOutcome; pdfPath: string | null }> {
    const { claims, key } = this.claimsFor(c);
    const claim = await claims.claim(key);
    if (claim.kind === 'finalized') {
      this.markFinalized(c.id);
      return { outcome: 'already_finalized', pdfPath: null };
    }
    if (claim.kind === 'busy') return { outcome: 'busy', pdfPath: null };
    let pdfPath: string;
    try {
      ({ pdfPath } = await this.deps.sender.send(this.deps.sessions.get(c.id)));
    } catch (error) {
      await claims.release(key, claim.token).catch(() => undefined);
      this.logError(c.id, error);
      throw error;
    }
    // The mail went out: only now is the session finalized, for everyone.
    await claims.complete(key, claim.token);
    this.markFinalized(c.id);
    return { outcome: 'sent', pdfPath };
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
