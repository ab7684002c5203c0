import { z } from 'zod';

/**
 * A gym, or one of its branches, with the name reports show for it: the lead tables hold
 * only ids (seed 002), so names come from this directory.
 */
export const gymNameEntrySchema = z.object({
  gymId: z.string(),
  /** null: the gym itself. */
  branchId: z.string().nullable(),
  name: z.string().nullable(),
  /** Leads and calls in the lead tables (0 for a name kept for an id without rows). */
  leads: z.number().int(),
  calls: z.number().int(),
});
export type GymNameEntry = z.infer<typeof gymNameEntrySchema>;

export const gymNameListSchema = z.object({
  /** Each gym, then its branches, most recently active gym first. */
  items: z.array(gymNameEntrySchema),
  /** Where the ids and counts came from. */
  source: z.enum(['postgres', 'local']),
  /** Where the names are kept: the team database, or this computer. */
  storage: z.enum(['postgres', 'local']),
});

/** A name for a gym (branchId null) or a branch; an empty name removes it. */
export const gymNameSaveInputSchema = z.object({
  gymId: z.string().trim().min(1).max(200),
  branchId: z.string().trim().min(1).max(200).nullable().default(null),
  name: z.string().trim().max(120),
});
export type GymNameSaveInput = z.output<typeof gymNameSaveInputSchema>;
