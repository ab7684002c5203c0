/**
 * Writes the demo gym, shop and web chat data into PostgreSQL in the layouts DESIGN.md
 * lists, creating the tables if needed. One transaction; parameterised SQL only. Running
 * it twice with the same seed adds nothing (every row has a fixed primary key and
 * conflicts are skipped); `replace` empties the seven tables first.
 */
import pg from 'pg';
import {
  assertSchemaName,
  createSourceTables,
  qualified,
  sourceTables,
  type Queryable,
  type SourceTable,
} from '../sources/postgres/source-schema';
import { demoStreams, type DemoStreams } from './generate';
import { TableWriter } from './pg-table-writer';
import type {
  CallLog,
  DemoCounts,
  DemoSize,
  GymLead,
  ShopEvent,
  ShopUser,
  WebChatLeadRow,
  WebChatSessionRow,
} from './types';

export interface PostgresDemoOptions {
  seed: number;
  size: DemoSize;
  counts?: Partial<DemoCounts>;
  now?: Date;
  /** Where the source tables live; default 'public'. */
  schema?: string;
  /** Empty the seven source tables first (TRUNCATE … RESTART IDENTITY). */
  replace?: boolean;
}

/** Rows per table: generated, and of those, how many the database took. */
export interface PostgresDemoCounts {
  written: Record<SourceTable, number>;
  inserted: Record<SourceTable, number>;
}

export type PostgresDemoProgress = (p: { step: string; done: number; total: number }) => void;

export async function writeDemoToPostgres(
  client: pg.Client | pg.Pool | pg.PoolClient,
  options: PostgresDemoOptions,
  onProgress: PostgresDemoProgress = () => {},
): Promise<PostgresDemoCounts> {
  const { schema = 'public', replace = false, ...demo } = options;
  assertSchemaName(schema);
  const streams = demoStreams(demo);
  // A transaction needs one connection: take one from a pool (possibly another pg copy's).
  const pooled = isPool(client) ? await client.connect() : null;
  const conn = pooled ?? (client as pg.Client | pg.PoolClient);
  try {
    await conn.query('BEGIN');
    try {
      await createSourceTables(conn, schema);
      if (replace) {
        const tables = sourceTables.map((t) => qualified(schema, t)).join(', ');
        await conn.query(`TRUNCATE ${tables} RESTART IDENTITY`);
      }
      const result = await writeAll(conn, schema, streams, onProgress);
      await conn.query('COMMIT');
      return result;
    } catch (error) {
      await conn.query('ROLLBACK');
      throw error;
    }
  } finally {
    pooled?.release();
  }
}

function isPool(client: pg.Client | pg.Pool | pg.PoolClient): client is pg.Pool {
  return client instanceof pg.Pool || 'totalCount' in client;
}

async function writeAll(
  db: Queryable,
  schema: string,
  streams: DemoStreams,
  onProgress: PostgresDemoProgress,
): Promise<PostgresDemoCounts> {
  const w = writers(db, schema);
  const { counts } = streams.plan;

  const chats = counter('web chat sessions', counts.webChatSessions, onProgress);
  let messageId = 0;
  for (const chat of streams.webChats()) {
    await w.web_chat_sessions.add(chat.session);
    for (const m of chat.messages) await w.web_chat_messages.add({ ...m, id: ++messageId });
    if (chat.lead) await w.web_chat_leads.add(chat.lead);
    chats.tick(1);
  }
  chats.done();

  const gym = counter('gym leads and calls', counts.gymLeads + counts.callLogs, onProgress);
  for (const { lead, calls } of streams.gymLeads()) {
    await w.leads.add(lead);
    for (const c of calls) await w.call_logs.add(c);
    gym.tick(1 + calls.length);
  }
  gym.done();

  const shop = counter('shop users and events', counts.shopUsers + counts.shopEvents, onProgress);
  for (const { user, events } of streams.shopUsers()) {
    await w.users.add(user);
    for (const e of events) await w.events.add(e);
    shop.tick(1 + events.length);
  }
  shop.done();

  for (const t of sourceTables) await w[t].flush();
  // Demo rows carry explicit ids; move the sequences past them so later inserts don't collide.
  for (const t of ['events', 'web_chat_messages'] as const) {
    const table = qualified(schema, t);
    await db.query(
      `SELECT setval(pg_get_serial_sequence($1, 'id'), GREATEST((SELECT max(id) FROM ${table}), 1))`,
      [table],
    );
  }
  const written = {} as Record<SourceTable, number>;
  const inserted = {} as Record<SourceTable, number>;
  for (const t of sourceTables) {
    written[t] = w[t].written;
    inserted[t] = w[t].inserted;
  }
  return { written, inserted };
}

function writers(db: Queryable, schema: string) {
  const writer = <T>(table: SourceTable, values: (row: T) => unknown[]) =>
    new TableWriter<T>(db, schema, table, values);
  return {
    leads: writer<GymLead>('leads', (l) => [
      l.id,
      l.branch_id,
      l.gym_id,
      l.first_name,
      l.last_name,
      l.phone,
      l.email,
      l.lead_status,
      l.created_at,
      l.updated_at,
    ]),
    call_logs: writer<CallLog>('call_logs', (c) => [
      c.id,
      c.lead_id,
      c.branch_id,
      c.gym_id,
      c.user_id,
      c.direction,
      c.status,
      c.outcome,
      c.duration,
      c.created_at,
      c.notes,
    ]),
    events: writer<ShopEvent>('events', (e) => [
      e.id,
      e.client_id,
      e.user_id,
      e.event_type,
      e.timestamp,
      e.price,
      e.quantity,
      e.session_id,
    ]),
    users: writer<ShopUser>('users', (u) => [u.client_id, u.user_id, u.email, u.name]),
    web_chat_sessions: writer<WebChatSessionRow>('web_chat_sessions', (s) => [
      s.session_id,
      s.started_at,
      s.last_message_at,
      s.completion_status,
      s.archive_status,
      s.ai_engaged,
      s.updated_at,
    ]),
    web_chat_messages: writer<{
      id: number;
      session_id: string;
      sender: string;
      message: string;
      created_at: string;
    }>('web_chat_messages', (m) => [m.id, m.session_id, m.sender, m.message, m.created_at]),
    web_chat_leads: writer<WebChatLeadRow>('web_chat_leads', (l) => [
      l.session_id,
      l.name,
      l.email,
      l.phone,
      l.company,
      JSON.stringify(l.answers),
      l.created_at,
      l.updated_at,
    ]),
  };
}

/** Progress for one step, reported every 5,000 units and at the end. */
function counter(step: string, total: number, report: PostgresDemoProgress) {
  let done = 0;
  let last = 0;
  report({ step, done, total });
  return {
    tick(n: number) {
      done += n;
      if (done - last >= 5_000) {
        last = done;
        report({ step, done, total });
      }
    },
    done() {
      if (last !== done || done === 0) report({ step, done, total });
    },
  };
}
