import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertSchemaName,
  createSourceTables,
  qualified,
  quoteIdent,
  sourceSchemaDdl,
  sourceTables,
} from './source-schema';

const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `lwtest_schema_${randomUUID().replace(/-/g, '')}`;

describe('source schema DDL', () => {
  it('accepts plain identifiers only', () => {
    expect(assertSchemaName('public')).toBe('public');
    expect(assertSchemaName('Team_2')).toBe('Team_2');
    for (const bad of [
      '',
      '2team',
      'a-b',
      'a b',
      'x"; DROP TABLE leads; --',
      'a'.repeat(64),
      'é',
    ]) {
      expect(() => assertSchemaName(bad)).toThrow(/schema name/);
    }
  });

  it('quotes every identifier', () => {
    expect(quoteIdent('a"b')).toBe('"a""b"');
    expect(qualified('team', 'events')).toBe('"team"."events"');
    const ddl = sourceSchemaDdl('team').join('\n');
    expect(ddl).toContain('CREATE TABLE IF NOT EXISTS "team"."call_logs"');
    expect(ddl).toContain('"timestamp" timestamptz');
  });

  describe('against PostgreSQL', () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    let client: pg.Client;

    beforeAll(async () => {
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      const url = new URL(adminUrl);
      url.pathname = `/${database}`;
      client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
    });
    afterAll(async () => {
      await client?.end();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    });

    it('creates the seven tables with their primary keys, and running it again changes nothing', async () => {
      await createSourceTables(client, 'Mixed_Case');
      await createSourceTables(client, 'Mixed_Case');
      const { rows } = await client.query<{ table_name: string; keys: string }>(
        `SELECT tc.table_name, string_agg(kcu.column_name, ',' ORDER BY kcu.ordinal_position) AS keys
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu
           ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
         WHERE tc.table_schema = $1 AND tc.constraint_type = 'PRIMARY KEY'
         GROUP BY tc.table_name ORDER BY tc.table_name`,
        ['Mixed_Case'],
      );
      expect(rows.map((r) => r.table_name)).toEqual([...sourceTables].sort());
      expect(Object.fromEntries(rows.map((r) => [r.table_name, r.keys]))).toMatchObject({
        users: 'client_id,user_id',
        web_chat_leads: 'session_id',
        events: 'id',
      });
    });
  });
});
