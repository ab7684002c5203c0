import type { StaffEntry, StaffSaveInput } from '../../shared/staff';
import type { Registry } from '../rpc/registry';
import type { StaffRows } from './staff-rows';

export interface StaffDeps {
  directory: StaffRows;
  /** Where the directory lives now (the team database or this computer). */
  storage: () => 'postgres' | 'local';
  /** Call log user ids and counts, from the same source the reports read. */
  seen: () => Promise<{
    items: { user_id: string; calls: number }[];
    source: 'postgres' | 'local';
  }>;
}

/**
 * The staff directory as the Reports page edits it: every user id the call logs hold
 * (busiest first) beside its name, then names for ids without calls (left from before).
 */
export class StaffService {
  constructor(private readonly deps: StaffDeps) {}

  async list() {
    const [seen, named] = await Promise.all([this.deps.seen(), this.deps.directory.all()]);
    const byId = new Map(named.map((m) => [m.userId, m]));
    const items: StaffEntry[] = seen.items.map((s) => ({
      userId: s.user_id,
      name: byId.get(s.user_id)?.name ?? null,
      email: byId.get(s.user_id)?.email ?? null,
      calls: Number(s.calls),
    }));
    const listed = new Set(items.map((i) => i.userId));
    for (const m of named) {
      if (!listed.has(m.userId)) items.push({ ...m, calls: 0 });
    }
    return { items, source: seen.source, storage: this.deps.storage() };
  }

  async save(input: StaffSaveInput): Promise<StaffEntry> {
    const named = input.name !== '';
    const email = named ? input.email || null : null;
    if (named) await this.deps.directory.upsert({ userId: input.userId, name: input.name, email });
    else await this.deps.directory.remove(input.userId);
    const calls = (await this.deps.seen()).items.find((s) => s.user_id === input.userId)?.calls;
    return {
      userId: input.userId,
      name: named ? input.name : null,
      email,
      calls: Number(calls ?? 0),
    };
  }
}

export function registerStaffHandlers(registry: Registry, staff: StaffService): void {
  registry
    .register('staff.list', () => staff.list())
    .register('staff.save', (input) => staff.save(input));
}
