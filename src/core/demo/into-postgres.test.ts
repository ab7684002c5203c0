import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceColumns, sourceTables, type SourceTable } from '../sources/postgres/source-schema';
import { generateDemo } from './generate';
import { writeDemoToPostgres } from './into-postgres';

const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `lwtest_demo_${randomUUID().replace(/-/g, '')}`;
const now = new Date('2025-06-10T14:00:00.000Z');

function urlFor(db: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${db}`;
  return url.toString();
}

describe('writeDemoToPostgres', () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  let pool: pg.Pool;
  const data = generateDemo({ seed: 5, size: 'small', now });
  const expected: Record<SourceTable, number> = {
    leads: data.gymLeads.length,
    call_logs: data.callLogs.length,
    events: data.shopEvents.length,
    users: data.shopUsers.length,
    web_chat_sessions: data.webChats.length,
    web_chat_messages: data.webChats.reduce((n, w) => n + w.messages.length, 0),
    web_chat_leads: data.webChats.filter((w) => w.lead).length,
  };

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    pool = new pg.Pool({ connectionString: urlFor(database), max: 3 });
  });
  afterAll(async () => {
    await pool?.end();
    // Not WITH (FORCE): a pool client still closing would get a FATAL it has no listener
    // for (an uncaught error in the run). A plain DROP waits up to 5 s for it to go.
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.end();
  });

  const countRows = async (schema: string) => {
    const out = {} as Record<SourceTable, number>;
    for (const t of sourceTables) {
      const { rows } = await pool.query<{ n: string }>(
        `SELECT COUNT(*) AS n FROM "${schema}"."${t}"`,
      );
      out[t] = Number(rows[0]?.n);
    }
    return out;
  };

  it('creates the source tables with the DESIGN.md columns and inserts the generated rows', async () => {
    const steps = new Set<string>();
    const result = await writeDemoToPostgres(pool, { seed: 5, size: 'small', now }, (p) =>
      steps.add(p.step),
    );
    expect(result.written).toEqual(expected);
    expect(result.inserted).toEqual(expected);
    expect(await countRows('public')).toEqual(expected);
    expect(steps.size).toBe(3);

    const { rows } = await pool.query<{
      table_name: string;
      column_name: string;
      data_type: string;
    }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    );
    for (const t of sourceTables) {
      const columns = rows.filter((r) => r.table_name === t).map((r) => r.column_name);
      expect(columns).toEqual(sourceColumns[t].map(([name]) => name));
    }
    const typeOf = (t: string, c: string) =>
      rows.find((r) => r.table_name === t && r.column_name === c)?.data_type;
    expect(typeOf('leads', 'id')).toBe('uuid');
    expect(typeOf('events', 'id')).toBe('bigint');
    expect(typeOf('events', 'timestamp')).toBe('timestamp with time zone');
    expect(typeOf('events', 'price')).toBe('numeric');
    expect(typeOf('web_chat_leads', 'answers')).toBe('jsonb');
    expect(typeOf('web_chat_sessions', 'ai_engaged')).toBe('boolean');
  });

  it('stores values faithfully: times, prices, answers, nulls', async () => {
    const call = data.callLogs.find((c) => c.status === 'missed' && c.outcome === null);
    if (!call) throw new Error('expected a missed call without outcome');
    const { rows: calls } = await pool.query('SELECT * FROM call_logs WHERE id = $1', [call.id]);
    expect(calls[0]).toMatchObject({ duration: 0, outcome: null, status: 'missed' });
    expect((calls[0] as { created_at: Date }).created_at.toISOString()).toBe(call.created_at);

    const lead = data.webChats.find((w) => w.lead)?.lead;
    const { rows: leads } = await pool.query(
      'SELECT answers FROM web_chat_leads WHERE session_id = $1',
      [lead?.session_id],
    );
    expect(leads[0]?.answers).toEqual(lead?.answers);

    const event = data.shopEvents.find((e) => e.event_type === 'purchase');
    const { rows: events } = await pool.query(
      'SELECT price::float8 AS price, quantity FROM events WHERE id = $1',
      [event?.id],
    );
    expect(events[0]).toEqual({ price: event?.price, quantity: event?.quantity });
  });

  it('is idempotent, keeps sequences ahead of the demo ids, and replaces on request', async () => {
    const again = await writeDemoToPostgres(pool, { seed: 5, size: 'small', now });
    expect(Object.values(again.inserted).every((n) => n === 0)).toBe(true);
    expect(await countRows('public')).toEqual(expected);

    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO events (client_id, user_id, event_type, "timestamp") VALUES (1, 'x', 'page_view', now()) RETURNING id`,
    );
    expect(Number(rows[0]?.id)).toBe(expected.events + 1);

    const replaced = await writeDemoToPostgres(pool, {
      seed: 6,
      size: 'small',
      now,
      replace: true,
    });
    expect(replaced.inserted.call_logs).toBe(expected.call_logs);
    expect((await countRows('public')).events).toBe(expected.events);
  });

  it('writes into another schema with a plain client, and refuses an unsafe schema name', async () => {
    const client = new pg.Client({ connectionString: urlFor(database) });
    await client.connect();
    try {
      const result = await writeDemoToPostgres(client, {
        seed: 5,
        size: 'small',
        now,
        schema: 'team_a',
        counts: { gymLeads: 30, callLogs: 2_500, shopUsers: 5, shopEvents: 1_200 },
      });
      expect(result.inserted.call_logs).toBe(2_500);
      expect((await countRows('team_a')).events).toBe(1_200);
      await expect(
        writeDemoToPostgres(client, {
          seed: 5,
          size: 'small',
          now,
          schema: 'x"; DROP TABLE leads; --',
        }),
      ).rejects.toThrow(/schema name/);
      // The failed call rolled back and left the connection usable.
      expect((await client.query('SELECT 1 AS one')).rows[0]).toEqual({ one: 1 });
    } finally {
      await client.end();
    }
  });
});
