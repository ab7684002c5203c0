import type pg from 'pg';
import type { GymName, GymNameRows } from './gym-name-rows';

type Queryable = Pick<pg.Pool, 'query'>;

/** The gym itself is stored with branch_id '' (a primary key column cannot be null). */
const branchKey = (branchId: string | null) => branchId ?? '';

/** The team's gym directory (`leadwatch.gym_names`): one name per gym and branch id for every machine. */
export class PgGymNameRows implements GymNameRows {
  constructor(private readonly db: Queryable) {}

  async lookup(gymId: string, branchId: string | null) {
    const r = await this.db.query<{ branch_id: string; name: string }>(
      `SELECT branch_id, name FROM leadwatch.gym_names
       WHERE gym_id = $1 AND branch_id IN ('', $2) AND name <> ''`,
      [gymId, branchKey(branchId)],
    );
    const byBranch = new Map(r.rows.map((row) => [row.branch_id, row.name]));
    return {
      gym: byBranch.get('') ?? null,
      branch: branchId ? (byBranch.get(branchId) ?? null) : null,
    };
  }

  async all(): Promise<GymName[]> {
    const r = await this.db.query<{ gym_id: string; branch_id: string; name: string }>(
      `SELECT gym_id, branch_id, name FROM leadwatch.gym_names
       ORDER BY gym_id COLLATE "C", branch_id COLLATE "C"`,
    );
    return r.rows.map((row) => ({
      gymId: row.gym_id,
      branchId: row.branch_id === '' ? null : row.branch_id,
      name: row.name,
    }));
  }

  async upsert(g: GymName): Promise<void> {
    await this.db.query(
      `INSERT INTO leadwatch.gym_names (gym_id, branch_id, name) VALUES ($1, $2, $3)
       ON CONFLICT (gym_id, branch_id) DO UPDATE SET name = EXCLUDED.name, updated_at = now()`,
      [g.gymId, branchKey(g.branchId), g.name],
    );
  }

  async remove(gymId: string, branchId: string | null): Promise<void> {
    await this.db.query(`DELETE FROM leadwatch.gym_names WHERE gym_id = $1 AND branch_id = $2`, [
      gymId,
      branchKey(branchId),
    ]);
  }
}
