import type pg from 'pg';
import type { StaffMember, StaffRows } from './staff-rows';

type Queryable = Pick<pg.Pool, 'query'>;

/** The team's staff directory (`leadwatch.staff`): one name per user id for every machine. */
export class PgStaffRows implements StaffRows {
  constructor(private readonly db: Queryable) {}

  async names(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const r = await this.db.query<{ user_id: string; name: string }>(
      `SELECT user_id, name FROM leadwatch.staff WHERE user_id = ANY($1::text[]) AND name <> ''`,
      [ids],
    );
    return new Map(r.rows.map((row) => [row.user_id, row.name]));
  }

  async all(): Promise<StaffMember[]> {
    const r = await this.db.query<StaffMember>(
      `SELECT user_id AS "userId", name, email FROM leadwatch.staff
       ORDER BY name COLLATE "C", user_id COLLATE "C"`,
    );
    return r.rows;
  }

  async upsert(m: StaffMember): Promise<void> {
    await this.db.query(
      `INSERT INTO leadwatch.staff (user_id, name, email) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE
         SET name = EXCLUDED.name, email = EXCLUDED.email, updated_at = now()`,
      [m.userId, m.name, m.email],
    );
  }

  async remove(userId: string): Promise<void> {
    await this.db.query(`DELETE FROM leadwatch.staff WHERE user_id = $1`, [userId]);
  }
}
