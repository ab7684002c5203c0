import type { LeadReport } from '../../../shared/lead-report';

export type Trend = LeadReport['trends']['leads_created'];

/** Changes of at most this many percent either way read as "flat". */
export const FLAT_WITHIN_PCT = 1;

/**
 * Period over period: change_pct = (current - previous) / previous × 100, null when the
 * previous value is 0 (or a rate that had no denominator). Without a percentage the
 * direction still says which way it went, from 0 up to something, say.
 */
export function trend(current: number | null, previous: number | null): Trend {
  if (current === null || previous === null) return { change_pct: null, direction: 'flat' };
  if (previous === 0) {
    return { change_pct: null, direction: current > 0 ? 'up' : current < 0 ? 'down' : 'flat' };
  }
  const change = ((current - previous) / previous) * 100;
  // The epsilon keeps an exact 1 % (computed as 1.0000000000000002) flat.
  if (Math.abs(change) <= FLAT_WITHIN_PCT + 1e-9) return { change_pct: change, direction: 'flat' };
  return { change_pct: change, direction: change > 0 ? 'up' : 'down' };
}
