import type Database from 'better-sqlite3';
import type { Store } from '../store/open';
import type { GymName, GymNameRows } from './gym-name-rows';

/**
 * Gym names on this computer, kept as rows of the settings key-value table (key
 * `gym-name:["gym","branch"]`, the value the entry as JSON) so the local store needs no
 * table of its own; the settings service reads only the keys it knows and passes these by.
 */
const PREFIX = 'gym-name:';
const keyOf = (gymId: string, branchId: string | null) =>
  `${PREFIX}${JSON.stringify([gymId, branchId])}`;

export class SqliteGymNameRows implements GymNameRows {
  constructor(private readonly store: Store) {}

  async lookup(gymId: string, branchId: string | null) {
    const get = this.store.sqlite.prepare('SELECT value FROM settings WHERE key = ?');
    const name = (key: string) => {
      const row = get.get(key) as { value: string } | undefined;
      return row ? parse(row.value)?.name || null : null;
    };
    return {
      gym: name(keyOf(gymId, null)),
      branch: branchId ? name(keyOf(gymId, branchId)) : null,
    };
  }

  async all(): Promise<GymName[]> {
    const rows = this.store.sqlite
      .prepare('SELECT value FROM settings WHERE substr(key, 1, ?) = ? ORDER BY key')
      .all(PREFIX.length, PREFIX) as { value: string }[];
    return rows.map((r) => parse(r.value)).filter((g): g is GymName => g !== null);
  }

  async upsert(g: GymName): Promise<void> {
    upsertGymNames(this.store.sqlite, [g]);
  }

  async remove(gymId: string, branchId: string | null): Promise<void> {
    this.store.sqlite.prepare('DELETE FROM settings WHERE key = ?').run(keyOf(gymId, branchId));
  }
}

function parse(value: string): GymName | null {
  try {
    const g = JSON.parse(value) as Partial<GymName>;
    if (typeof g.gymId !== 'string' || typeof g.name !== 'string') return null;
    return {
      gymId: g.gymId,
      branchId: typeof g.branchId === 'string' ? g.branchId : null,
      name: g.name,
    };
  } catch {
    return null;
  }
}

/** Synchronous, for writers already inside a transaction (the demo seed). */
export function upsertGymNames(db: Database.Database, entries: readonly GymName[]): void {
  const put = db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  for (const g of entries) {
    const entry: GymName = { gymId: g.gymId, branchId: g.branchId, name: g.name };
    put.run(keyOf(g.gymId, g.branchId), JSON.stringify(entry));
  }
}
