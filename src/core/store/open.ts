import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate, schemaVersion } from './migrate';
import { migrations } from './migrations.gen';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

export interface Store {
  /** Drizzle over the connection, for typed queries. */
  db: Db;
  /** The raw connection, for FTS and hand-tuned aggregate SQL. */
  sqlite: Database.Database;
  path: string;
  schemaVersion: number;
  close(): void;
}

/**
 * Opens (and creates) the local store: WAL so readers never wait on the writer, foreign
 * keys on, a busy timeout so two processes (app and CLI) can share the file, and every
 * pending migration applied before anything reads it.
 */
export function openStore(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    migrate(sqlite, migrations);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return {
    db: drizzle(sqlite, { schema }),
    sqlite,
    path,
    schemaVersion: schemaVersion(sqlite),
    close: () => sqlite.close(),
  };
}

export const latestSchemaVersion = migrations.length;
