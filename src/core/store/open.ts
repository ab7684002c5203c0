import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { dirname } from 'node:path';
import {
  ensurePrivateDir,
  ensurePrivateFile,
  folderError,
  narrowIfPresent,
} from '../config/private-files';
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
  if (path !== ':memory:') preparePrivateFile(path);
  const sqlite = new Database(path);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    migrate(sqlite, migrations);
    // SQLite gives -wal and -shm the database file's mode; these narrow ones an older version left.
    if (path !== ':memory:') for (const suffix of ['-wal', '-shm']) narrowIfPresent(path + suffix);
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

/** The store's folder 0700 and its file 0600 before SQLite opens it (SQLite would use the umask). */
function preparePrivateFile(path: string): void {
  ensurePrivateDir(dirname(path));
  try {
    ensurePrivateFile(path);
  } catch (error) {
    throw folderError(dirname(path), error);
  }
}

export const latestSchemaVersion = migrations.length;
