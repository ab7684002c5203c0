import type { Store } from '../store/open';
import type { StaffMember, StaffRows } from './staff-rows';

/** The local store's `staff_users` (the demo fills it) as the staff directory. */
export class SqliteStaffRows implements StaffRows {
  constructor(private readonly store: Store) {}

  async names(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = this.store.sqlite
      .prepare(
        `SELECT id, name FROM staff_users WHERE id IN (SELECT value FROM json_each(?)) AND name <> ''`,
      )
      .all(JSON.stringify(ids)) as { id: string; name: string }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async all(): Promise<StaffMember[]> {
    return this.store.sqlite
      .prepare(`SELECT id AS userId, name, email FROM staff_users ORDER BY name, id`)
      .all() as StaffMember[];
  }

  async upsert(m: StaffMember): Promise<void> {
    this.store.sqlite
      .prepare(
        `INSERT INTO staff_users (id, name, email) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email`,
      )
      .run(m.userId, m.name, m.email);
  }

  async remove(userId: string): Promise<void> {
    this.store.sqlite.prepare(`DELETE FROM staff_users WHERE id = ?`).run(userId);
  }
}
