/**
 * Churn activity from the local store's mirror (`shop_events`, `shop_users`). Times are
 * ISO 8601 UTC text there, so the window's bounds compare as text. The scan reads the
 * covering index of migration 0006 alone.
 */
import type Database from 'better-sqlite3';
import {
  activitySql,
  type ActivityQuery,
  type ChurnBackend,
  type CustomerName,
  type UserActivityRow,
} from './features';

const SQLITE = {
  param: (name: string) => `@${name}`,
  money: (sum: string) => `ROUND(${sum}, 2)`,
  int: (e: string) => e,
  // Unary + keeps the planner off the (client_id, timestamp) index, whose range looks
  // narrower, and on the covering (client, user, session, …) one: no row lookups, no sort.
  scanTimestamp: '+"timestamp"',
};

export class SqliteChurnBackend implements ChurnBackend {
  readonly source = 'local' as const;
  private readonly activityStatement: Database.Statement;
  private readonly namesStatement: Database.Statement;

  constructor(db: Database.Database) {
    this.activityStatement = db.prepare(activitySql('shop_events', SQLITE));
    this.namesStatement = db.prepare(
      `SELECT user_id, name, email FROM shop_users
       WHERE client_id = ? AND user_id IN (SELECT value FROM json_each(?))`,
    );
  }

  activity(query: ActivityQuery): Promise<UserActivityRow[]> {
    return Promise.resolve(this.activityStatement.all(query) as UserActivityRow[]);
  }

  names(clientId: number, userIds: readonly string[]): Promise<CustomerName[]> {
    const rows = this.namesStatement.all(clientId, JSON.stringify(userIds));
    return Promise.resolve(rows as CustomerName[]);
  }
}
