import { z } from 'zod';

/** A user id the call logs hold, with its directory name if it has one. */
export const staffEntrySchema = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** Calls in the lead tables (0: named in the directory but no calls there). */
  calls: z.number().int(),
});
export type StaffEntry = z.infer<typeof staffEntrySchema>;

export const staffListSchema = z.object({
  items: z.array(staffEntrySchema),
  /** Where the call counts came from. */
  source: z.enum(['postgres', 'local']),
  /** Where the names are kept: the team database, or this computer. */
  storage: z.enum(['postgres', 'local']),
});

/** A name for a user id; an empty name removes it from the directory. */
export const staffSaveInputSchema = z.object({
  userId: z.string().trim().min(1).max(200),
  name: z.string().trim().max(120),
  email: z
    .union([z.email(), z.literal('')])
    .nullable()
    .default(null),
});
export type StaffSaveInput = z.output<typeof staffSaveInputSchema>;
