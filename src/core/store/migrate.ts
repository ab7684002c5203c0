import type Database from 'better-sqlite3';
import type { Migration } from './migration-files';

export class DatabaseFromFutureError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `This database was written by a newer Leadwatch (schema ${databaseVersion}, this app knows ${appVersion}). ` +
        'Update Leadwatch, or point LEADWATCH_HOME at another folder.',
    );
    this.name = 'DatabaseFromFutureError';
  }
}

/** The schema version a database is at: the number of migrations applied to it. */
export function schemaVersion(db: Database.Database): number {
  ensureTable(db);
  const row = db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number };
  return row.n;
}

/**
 * Applies the pending migrations, forward only, all in one transaction: a failure leaves
 * the database as it was. A database from a newer version is refused, never downgraded.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number {
  ensureTable(db);
  const applied = db.prepare('SELECT idx, tag FROM schema_migrations ORDER BY idx').all() as {
    idx: number;
    tag: string;
  }[];
  const known = new Map(migrations.map((m) => [m.idx, m.tag]));
  const unknown = applied.find((a) => known.get(a.idx) !== a.tag);
  if (unknown) throw new DatabaseFromFutureError(applied.length, migrations.length);

  const done = new Set(applied.map((a) => a.idx));
  const pending = migrations.filter((m) => !done.has(m.idx));
  if (pending.length === 0) return 0;

  const record = db.prepare(
    'INSERT INTO schema_migrations (idx, tag, applied_at) VALUES (?, ?, ?)',
  );
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      record.run(m.idx, m.tag, new Date().toISOString());
    }
  }).immediate();
  return pending.length;
}

function ensureTable(db: Database.Database): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (idx INTEGER PRIMARY KEY, tag TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
}
