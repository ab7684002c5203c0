/**
 * Churn activity from the team PostgreSQL (DESIGN.md "Source layouts": `events` and
 * `users` in the configured schema). Parameterised SQL only; the schema name is validated
 * and quoted by `qualified`.
 */
import type pg from 'pg';
import { AppError } from '../../rpc/errors';
import { qualified } from '../../sources/postgres/source-schema';
import {
  activitySql,
  type ActivityQuery,
  type ChurnBackend,
  type CustomerName,
  type UserActivityRow,
} from './features';

const ORDER: readonly (keyof ActivityQuery)[] = [
  'clientId',
  'scanStart',
  'previousStart',
  'start',
  'baseStart',
  'end',
];

const POSTGRES = {
  param: (name: keyof ActivityQuery) =>
    `$${ORDER.indexOf(name) + 1}${name === 'clientId' ? '::int' : '::timestamptz'}`,
  // price is numeric upstream: exact cents, then a float for JSON.
  money: (sum: string) => `ROUND(${sum}, 2)::float8`,
  int: (e: string) => `(${e})::int`,
  scanTimestamp: '"timestamp"',
};

export class PostgresChurnBackend implements ChurnBackend {
  readonly source = 'postgres' as const;
  private readonly activityText: string;
  private readonly namesText: string;

  constructor(
    private readonly pool: pg.Pool,
    schema = 'public',
  ) {
    this.activityText = activitySql(qualified(schema, 'events'), POSTGRES);
    this.namesText = `SELECT user_id, name, email FROM ${qualified(schema, 'users')}
      WHERE client_id = $1 AND user_id = ANY($2::text[])`;
  }

  async activity(query: ActivityQuery): Promise<UserActivityRow[]> {
    const params = ORDER.map((k) => query[k]);
    return (await this.query<UserActivityRow>(this.activityText, params)).rows;
  }

  async names(clientId: number, userIds: readonly string[]): Promise<CustomerName[]> {
    return (await this.query<CustomerName>(this.namesText, [clientId, userIds])).rows;
  }

  private async query<T extends pg.QueryResultRow>(text: string, params: unknown[]) {
    try {
      return await this.pool.query<T>(text, params);
    } catch (error) {
      if ((error as { code?: unknown }).code === '42P01') {
        const message = error instanceof Error ? error.message : String(error);
        throw new AppError('unavailable', `PostgreSQL has no shop event tables here: ${message}`, {
          cause: error,
        });
      }
      throw error;
    }
  }
}
