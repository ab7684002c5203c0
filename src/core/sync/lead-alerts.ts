/**
 * Hot-lead detection: a session whose priority rises to high or critical (compared with
 * what the mirror had) is announced once per level, ever. The announced levels live in
 * lead_alerts and are written in the same transaction as the session, so a restart, a
 * re-run or a second instance never repeats one (INSERT OR IGNORE under an IMMEDIATE
 * transaction: only one writer inserts the row, and only it announces).
 */
import type Database from 'better-sqlite3';
import type { Priority } from '../../shared/contract';
import { hotPriorities, isHot, priorityRank } from '../scoring/priority';
import type { Store } from '../store/open';
import type { PriorityRaised } from './types';

export interface PriorityChange {
  sessionId: string;
  visitorName: string | null;
  from: Priority | null;
  to: Priority | null;
}

export class LeadAlerts {
  private readonly insert: Database.Statement;

  constructor(store: Store) {
    this.insert = store.sqlite.prepare(
      'INSERT OR IGNORE INTO lead_alerts (session_id, level, announced, at) VALUES (?, ?, ?, ?)',
    );
  }

  /**
   * Records a rise to a hot level and returns the event to announce, or null. Call it in
   * the transaction that writes the session; announce after it commits. With `announce`
   * false the level is recorded silently (a first sync's history). Hot levels passed on
   * the way up (medium -> critical passes high) are recorded silently too: a lead that
   * was announced critical is not announced again as merely high.
   */
  check(change: PriorityChange, announce: boolean, now: string): PriorityRaised | null {
    const { to, from } = change;
    if (!isHot(to) || priorityRank(to) <= priorityRank(from)) return null;
    for (const level of hotPriorities) {
      if (priorityRank(level) < priorityRank(to)) this.insert.run(change.sessionId, level, 0, now);
    }
    const fresh = this.insert.run(change.sessionId, to, announce ? 1 : 0, now).changes === 1;
    if (!fresh || !announce) return null;
    return { sessionId: change.sessionId, visitorName: change.visitorName, from, to };
  }
}
