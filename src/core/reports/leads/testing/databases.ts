/**
 * Throwaway databases for the report tests and the benchmark: a PostgreSQL database of its
 * own (dropped afterwards) and a local store in a temp dir, both filled with the same rows.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createSourceTables, qualified } from '../../../sources/postgres/source-schema';
import { openStore, type Store } from '../../../store/open';
import type { FixtureCall, FixtureLead } from './fixtures';

export const ADMIN_URL =
  process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TempPostgres {
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

/** CREATE DATABASE lw_<prefix>_<random>, and a pool on it. */
export async function tempPostgres(prefix: string): Promise<TempPostgres> {
  const name = `lw_${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  // DROP … WITH (FORCE) ends idle clients; unhandled, their error event would crash the run.
  pool.on('error', () => {});
  return {
    url: url.toString(),
    pool,
    drop: async () => {
      await pool.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export interface TempStore {
  store: Store;
  dir: string;
  drop(): void;
}

export function tempStore(prefix = 'leadwatch-leads-'): TempStore {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = openStore(join(dir, 'leadwatch.db'));
  return {
    store,
    dir,
    drop: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const LEAD_COLUMNS = ['id', 'gym_id', 'branch_id', 'lead_status', 'created_at', 'updated_at'];
const CALL_COLUMNS = [
  'id',
  'lead_id',
  'gym_id',
  'branch_id',
  'user_id',
  'status',
  'outcome',
  'duration',
  'created_at',
];

export async function loadIntoPostgres(
  pool: pg.Pool,
  rows: { leads: FixtureLead[]; calls: FixtureCall[] },
  schema = 'public',
): Promise<void> {
  await createSourceTables(pool, schema);
  await insertPg(pool, qualified(schema, 'leads'), LEAD_COLUMNS, rows.leads);
  await insertPg(pool, qualified(schema, 'call_logs'), CALL_COLUMNS, rows.calls);
}

async function insertPg(pool: pg.Pool, table: string, columns: string[], rows: object[]) {
  const BATCH = 500;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH) as Record<string, unknown>[];
    const values: unknown[] = [];
    const tuples = batch.map(
      (row) => `(${columns.map((c) => `$${values.push(row[c] ?? null)}`).join(', ')})`,
    );
    await pool.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
      values,
    );
  }
}

export function loadIntoStore(store: Store, rows: { leads: FixtureLead[]; calls: FixtureCall[] }) {
  const insert = (table: string, columns: string[]) =>
    store.sqlite.prepare(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    );
  const lead = insert('leads', LEAD_COLUMNS);
  const call = insert('call_logs', CALL_COLUMNS);
  store.sqlite.transaction(() => {
    for (const l of rows.leads) lead.run(l);
    for (const c of rows.calls) call.run(c);
  })();
}
