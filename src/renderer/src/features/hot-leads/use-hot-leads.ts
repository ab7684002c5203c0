import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { usePriorityTotals } from '../../api/hooks';
import { keys } from '../../api/keys';

/** One list size for the drawer and the dashboard card, so they share one cached query. */
export const HOT_LIST_LIMIT = 50;

/** High and critical leads, critical first, then the most recent. */
export function useHotLeads(limit = HOT_LIST_LIMIT) {
  return useQuery({
    queryKey: keys.hotLeads(limit),
    queryFn: () => call('leads.hot', { limit }),
  });
}

/**
 * The exact number of hot leads. 'leads.hot' is capped (at most 200 rows), so the count
 * comes from the per-priority totals the dashboard already asks for (same cache).
 */
export function useHotLeadCount() {
  const { totals, isPending, error } = usePriorityTotals();
  const totalOf = (priority: 'critical' | 'high') =>
    totals.find((t) => t.priority === priority)?.total ?? 0;
  const critical = totalOf('critical');
  const high = totalOf('high');
  return { count: critical + high, critical, high, isPending, error };
}
