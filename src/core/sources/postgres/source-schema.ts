/**
 * The team database's source tables as DESIGN.md lists them ("Source layouts"): what the
 * gym CRM (seed 002), the shop tracker (seed 003) and the web chat (seed 004) write.
 * Leadwatch only reads them; this DDL exists for the demo writer, tests and benchmarks,
 * so it creates nothing that is already there.
 */
import type { QueryResult } from 'pg';

/** A pg Client, PoolClient or Pool: anything that runs a parameterised query. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<QueryResult>;
}

export const sourceTables = [
  'leads',
  'call_logs',
  'events',
  'users',
  'web_chat_sessions',
  'web_chat_messages',
  'web_chat_leads',
] as const;
export type SourceTable = (typeof sourceTables)[number];

/** Column name and PostgreSQL type, in table order. */
export const sourceColumns: Record<SourceTable, readonly (readonly [string, string])[]> = {
  leads: [
    ['id', 'uuid'],
    ['branch_id', 'uuid'],
    ['gym_id', 'uuid'],
    ['first_name', 'text'],
    ['last_name', 'text'],
    ['phone', 'text'],
    ['email', 'text'],
    ['lead_status', 'text'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  call_logs: [
    ['id', 'uuid'],
    ['lead_id', 'uuid'],
    ['branch_id', 'uuid'],
    ['gym_id', 'uuid'],
    ['user_id', 'uuid'],
    ['direction', 'text'],
    ['status', 'text'],
    ['outcome', 'text'],
    ['duration', 'integer'],
    ['created_at', 'timestamptz'],
    ['notes', 'text'],
  ],
  events: [
    ['id', 'bigserial'],
    ['client_id', 'integer'],
    ['user_id', 'text'],
    ['event_type', 'text'],
    ['timestamp', 'timestamptz'],
    ['price', 'numeric'],
    ['quantity', 'integer'],
    ['session_id', 'text'],
  ],
  users: [
    ['client_id', 'integer'],
    ['user_id', 'text'],
    ['email', 'text'],
    ['name', 'text'],
  ],
  web_chat_sessions: [
    ['session_id', 'text'],
    ['started_at', 'timestamptz'],
    ['last_message_at', 'timestamptz'],
    ['completion_status', 'text'],
    ['archive_status', 'text'],
    ['ai_engaged', 'boolean'],
    ['updated_at', 'timestamptz'],
  ],
  web_chat_messages: [
    ['id', 'bigserial'],
    ['session_id', 'text'],
    ['sender', 'text'],
    ['message', 'text'],
    ['created_at', 'timestamptz'],
  ],
  web_chat_leads: [
    ['session_id', 'text'],
    ['name', 'text'],
    ['email', 'text'],
    ['phone', 'text'],
    ['company', 'text'],
    ['answers', 'jsonb'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
};

export const primaryKeys: Record<SourceTable, readonly string[]> = {
  leads: ['id'],
  call_logs: ['id'],
  events: ['id'],
  users: ['client_id', 'user_id'],
  web_chat_sessions: ['session_id'],
  web_chat_messages: ['id'],
  web_chat_leads: ['session_id'],
};

/** The queries the reports run: by gym and time, by client and time, a session's messages. */
const indexes: readonly (readonly [SourceTable, string, readonly string[]])[] = [
  ['leads', 'leads_gym_created_idx', ['gym_id', 'created_at']],
  ['leads', 'leads_gym_updated_idx', ['gym_id', 'updated_at']],
  ['call_logs', 'call_logs_gym_created_idx', ['gym_id', 'created_at']],
  ['call_logs', 'call_logs_lead_idx', ['lead_id']],
  ['events', 'events_client_timestamp_idx', ['client_id', 'timestamp']],
  ['web_chat_messages', 'web_chat_messages_session_idx', ['session_id', 'created_at']],
  ['web_chat_sessions', 'web_chat_sessions_last_message_idx', ['last_message_at']],
];

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Refuses anything but a plain identifier, so a configured schema name can never carry SQL. */
export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(
      `Invalid PostgreSQL schema name: ${JSON.stringify(schema)} (letters, digits and _ only)`,
    );
  }
  return schema;
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** `"schema"."table"`, with the schema name checked. */
export function qualified(schema: string, table: SourceTable): string {
  return `${quoteIdent(assertSchemaName(schema))}.${quoteIdent(table)}`;
}

export function sourceSchemaDdl(schema = 'public'): string[] {
  const statements = [`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(assertSchemaName(schema))}`];
  for (const table of sourceTables) {
    const columns = sourceColumns[table].map(([name, type]) => `${quoteIdent(name)} ${type}`);
    columns.push(`PRIMARY KEY (${primaryKeys[table].map(quoteIdent).join(', ')})`);
    statements.push(
      `CREATE TABLE IF NOT EXISTS ${qualified(schema, table)} (\n  ${columns.join(',\n  ')}\n)`,
    );
  }
  for (const [table, name, columns] of indexes) {
    statements.push(
      `CREATE INDEX IF NOT EXISTS ${quoteIdent(name)} ON ${qualified(schema, table)} (${columns.map(quoteIdent).join(', ')})`,
    );
  }
  return statements;
}

export async function createSourceTables(db: Queryable, schema = 'public'): Promise<void> {
  for (const statement of sourceSchemaDdl(schema)) await db.query(statement);
}
