import type { GymNameEntry, GymNameSaveInput } from '../../shared/gyms';
import type { ReportGym } from '../../shared/lead-report';
import type { Registry } from '../rpc/registry';
import type { GymNameRows } from './gym-name-rows';

export interface GymNameDeps {
  directory: GymNameRows;
  /** Where the directory lives now (the team database or this computer). */
  storage: () => 'postgres' | 'local';
  /** The gyms and branches the lead tables hold, from the source the reports read. */
  seen: () => Promise<{ items: ReportGym[]; source: 'postgres' | 'local' }>;
}

const keyOf = (gymId: string, branchId: string | null) => JSON.stringify([gymId, branchId]);

/**
 * The gym directory as the Reports page edits it: every gym the lead tables hold (most
 * recently active first), each followed by its branches, beside their names; then names
 * kept for ids without rows (left from before).
 */
export class GymNameService {
  constructor(private readonly deps: GymNameDeps) {}

  async list() {
    const [seen, named] = await Promise.all([this.deps.seen(), this.deps.directory.all()]);
    const names = new Map(named.map((g) => [keyOf(g.gymId, g.branchId), g.name]));
    const entry = (gymId: string, branchId: string | null, leads: number, calls: number) => ({
      gymId,
      branchId,
      name: names.get(keyOf(gymId, branchId)) ?? null,
      leads,
      calls,
    });
    const items: GymNameEntry[] = [];
    for (const gym of seen.items) {
      items.push(entry(gym.gymId, null, gym.leads, gym.calls));
      for (const b of gym.branches) items.push(entry(gym.gymId, b.branchId, b.leads, b.calls));
    }
    const listed = new Set(items.map((i) => keyOf(i.gymId, i.branchId)));
    for (const g of named) {
      if (!listed.has(keyOf(g.gymId, g.branchId))) items.push({ ...g, leads: 0, calls: 0 });
    }
    return { items, source: seen.source, storage: this.deps.storage() };
  }

  async save(input: GymNameSaveInput): Promise<GymNameEntry> {
    const { gymId, branchId, name } = input;
    if (name !== '') await this.deps.directory.upsert({ gymId, branchId, name });
    else await this.deps.directory.remove(gymId, branchId);
    const gym = (await this.deps.seen()).items.find((g) => g.gymId === gymId);
    const counts = branchId ? gym?.branches.find((b) => b.branchId === branchId) : gym;
    return {
      gymId,
      branchId,
      name: name || null,
      leads: counts?.leads ?? 0,
      calls: counts?.calls ?? 0,
    };
  }
}

export function registerGymNameHandlers(registry: Registry, gyms: GymNameService): void {
  registry
    .register('gymNames.list', () => gyms.list())
    .register('gymNames.save', (input) => gyms.save(input));
}

/**
 * The directory names of a report's gym and branch, for rendering. A directory that cannot
 * be read (the team database is down) costs the names, not the report: ids are shown.
 */
export async function gymNamesFor(
  directory: Pick<GymNameRows, 'lookup'> | undefined,
  gymId: string,
  branchId: string | null,
): Promise<{ gym: string | null; branch: string | null }> {
  if (!directory) return { gym: null, branch: null };
  try {
    return await directory.lookup(gymId, branchId);
  } catch {
    return { gym: null, branch: null };
  }
}
