/** A name for a gym id (branchId null) or for one of its branch ids. */
export interface GymName {
  gymId: string;
  branchId: string | null;
  name: string;
}

/**
 * The gym directory: the team PostgreSQL's `leadwatch.gym_names`, or the local store's
 * settings table while there is no team database.
 */
export interface GymNameRows {
  /** The names of a gym and of one of its branches (null where none is given). */
  lookup(
    gymId: string,
    branchId: string | null,
  ): Promise<{ gym: string | null; branch: string | null }>;
  all(): Promise<GymName[]>;
  upsert(entry: GymName): Promise<void>;
  remove(gymId: string, branchId: string | null): Promise<void>;
}
