import type pg from 'pg';
import { demoStreams } from '../demo/generate';
import type { DemoOptions } from '../demo/types';
import { migrateTeamDb } from '../team-db/migrations';
import { demoGymNames } from '../gyms/demo-gyms';
import { PgGymNameRows } from '../gyms/pg-gym-name-rows';
import { PgStaffRows } from './pg-staff-rows';

/**
 * The demo's staff names into the team database's staff directory, and its gym and branch
 * names into the gym directory, so reports on the demo data in PostgreSQL show names as
 * they do on the local store.
 */
export async function writeDemoStaff(pool: pg.Pool, demo: DemoOptions): Promise<number> {
  await migrateTeamDb(pool);
  const rows = new PgStaffRows(pool);
  const { gym } = demoStreams(demo);
  const staff = gym.staff;
  for (const s of staff) await rows.upsert({ userId: s.id, name: s.name, email: s.email });
  const gyms = new PgGymNameRows(pool);
  for (const g of demoGymNames(gym)) await gyms.upsert(g);
  return staff.length;
}
