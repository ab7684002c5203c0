/** A name for a call_logs user id: the source tables hold only ids. */
export interface StaffMember {
  userId: string;
  name: string;
  email: string | null;
}

/** The staff directory: the team PostgreSQL's `leadwatch.staff`, or the local `staff_users`. */
export interface StaffRows {
  /** Names for these ids (ids without one are absent). */
  names(ids: readonly string[]): Promise<Map<string, string>>;
  all(): Promise<StaffMember[]>;
  upsert(member: StaffMember): Promise<void>;
  remove(userId: string): Promise<void>;
}
