import type { LeadReport } from '../../shared/lead-report';
import type { StaffRows } from './staff-rows';

/**
 * The directory names of a report's staff, for rendering. A directory that cannot be read
 * (the team database is down) costs the names, not the report: ids are shown instead.
 */
export async function staffNamesFor(
  staff: Pick<StaffRows, 'names'> | undefined,
  report: LeadReport,
): Promise<Map<string, string>> {
  if (!staff || report.staff.length === 0) return new Map();
  try {
    return await staff.names(report.staff.map((s) => s.user_id));
  } catch {
    return new Map();
  }
}
