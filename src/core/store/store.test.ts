import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { DatabaseFromFutureError, migrate } from './migrate';
import { readMigrationFiles, renderEmbeddedMigrations } from './migration-files';
import { migrations } from './migrations.gen';
import { openStore } from './open';
import { readFileSync } from 'node:fs';

const migrationsDir = join(__dirname, 'migrations');

describe('local store', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  it('embeds exactly the migrations drizzle-kit generated (run npm run db:generate)', () => {
    expect(migrations).toEqual(readMigrationFiles(migrationsDir));
    expect(readFileSync(join(__dirname, 'migrations.gen.ts'), 'utf8')).toBe(
      renderEmbeddedMigrations(migrationsDir),
    );
  });

  it('creates every table on first open, in WAL mode, and reopens without re-applying', () => {
    const path = join(temp.dir, 'a', 'leadwatch.db');
    const store = openStore(path);
    const tables = store.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name")
      .all()
      .map((r) => (r as { name: string }).name);
    for (const t of [
      'chat_sessions',
      'chat_messages',
      'chat_messages_fts',
      'leads',
      'call_logs',
      'shop_events',
      'shop_users',
      'staff_users',
      'qa_reviews',
      'report_templates',
      'subscriptions',
      'deliveries',
      'delivery_log',
      'job_runs',
      'error_log',
      'settings',
    ]) {
      expect(tables).toContain(t);
    }
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.schemaVersion).toBe(migrations.length);
    store.close();
    const again = openStore(path);
    expect(again.schemaVersion).toBe(migrations.length);
    again.close();
  });

  it('applies migrations one by one to an older database', () => {
    const db = new Database(join(temp.dir, 'step.db'));
    for (let i = 1; i <= migrations.length; i++) {
      expect(migrate(db, migrations.slice(0, i))).toBe(1);
    }
    expect(migrate(db, migrations)).toBe(0);
    db.close();
  });

  it('rolls back every migration of a run when one fails', () => {
    const db = new Database(join(temp.dir, 'broken.db'));
    const broken = [
      ...migrations,
      { idx: migrations.length, tag: 'broken', sql: 'CREATE TABLE x (a); SELEC nonsense;' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    const n = db
      .prepare("SELECT COUNT(*) n FROM sqlite_master WHERE name = 'chat_sessions'")
      .get() as { n: number };
    expect(n.n).toBe(0);
    db.close();
  });

  it('refuses a database written by a newer version with a message that says what to do', () => {
    const path = join(temp.dir, 'future.db');
    openStore(path).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_migrations (idx, tag, applied_at) VALUES (?, ?, ?)').run(
      999,
      '0999_future',
      'x',
    );
    db.close();
    expect(() => openStore(path)).toThrow(DatabaseFromFutureError);
    expect(() => openStore(path)).toThrow(/newer Leadwatch/);
  });

  it('keeps the full-text index in step with inserts, updates and deletes', () => {
    const store = openStore(join(temp.dir, 'fts.db'));
    const s = store.sqlite;
    s.prepare(
      "INSERT INTO chat_sessions (id, source, source_id) VALUES ('demo:1', 'demo', '1')",
    ).run();
    s.prepare(
      "INSERT INTO chat_messages (session_id, seq, sender, text) VALUES ('demo:1', 0, 'user', 'What does the premium plan cost?')",
    ).run();
    const count = (q: string) =>
      (
        s
          .prepare('SELECT COUNT(*) n FROM chat_messages_fts WHERE chat_messages_fts MATCH ?')
          .get(q) as { n: number }
      ).n;
    expect(count('premium')).toBe(1);
    s.prepare(
      "UPDATE chat_messages SET text = 'Tell me about the basic plan' WHERE session_id = 'demo:1'",
    ).run();
    expect(count('premium')).toBe(0);
    expect(count('basic')).toBe(1);
    s.prepare("DELETE FROM chat_sessions WHERE id = 'demo:1'").run();
    expect(count('basic')).toBe(0);
    store.close();
  });
});
