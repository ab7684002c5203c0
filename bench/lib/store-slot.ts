import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/core/store/open';

/**
 * A local store a case can throw away and open afresh between runs (an empty mirror for
 * every cold sync). The previous file goes with it, so a run of many cold syncs does not
 * fill the disk. Hand close() to ctx.defer.
 */
export class StoreSlot {
  private current: { store: Store; path: string } | null = null;
  private opened = 0;

  constructor(
    private readonly dir: string,
    private readonly name: string,
  ) {}

  /** The open store; opens an empty one if none is open. */
  get store(): Store {
    return this.current?.store ?? this.fresh();
  }

  /** Closes and deletes the current store, then opens an empty one (migrations applied). */
  fresh(): Store {
    this.close();
    const path = join(this.dir, `${this.name}-${++this.opened}.db`);
    this.current = { store: openStore(path), path };
    return this.current.store;
  }

  close(): void {
    if (!this.current) return;
    const { store, path } = this.current;
    this.current = null;
    store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  }
}

/** Rows in a table, or of one session list (JSON array of ids) when `ids` is given. */
export function countRows(
  store: Store,
  table: 'chat_sessions' | 'chat_messages',
  ids?: readonly string[],
): number {
  const column = table === 'chat_sessions' ? 'id' : 'session_id';
  const sql = ids
    ? `SELECT COUNT(*) AS n FROM ${table} WHERE ${column} IN (SELECT value FROM json_each(?))`
    : `SELECT COUNT(*) AS n FROM ${table}`;
  const statement = store.sqlite.prepare(sql);
  const row = (ids ? statement.get(JSON.stringify(ids)) : statement.get()) as { n: number };
  return row.n;
}
