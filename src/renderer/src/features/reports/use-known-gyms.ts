import { useLocalStorage } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ReportGym } from '../../../../shared/lead-report';
import { call } from '../../api/client';
import { keys } from '../../api/keys';
import { useDeliveries } from './deliveries/use-deliveries';
import { useSubscriptions } from './subscriptions/use-subscriptions';

const MAX_REMEMBERED = 12;

export interface KnownGyms {
  /** Gym ids to offer: those the lead tables hold (most recently active first), then others seen here. */
  gyms: string[];
  /** Counts and branches of the gyms the lead tables hold. */
  details: Map<string, ReportGym>;
  /** Branch ids to offer for a gym: its own when the tables know it, else every one seen. */
  branchesOf(gymId: string): string[];
  remember(gymId: string, branchId: string | null): void;
}

/**
 * Gym and branch ids to offer in the id fields: the gyms in the lead tables
 * (reports.leads.gyms), plus ids this window reported on (remembered) and those of
 * subscriptions and recent deliveries, so a gym with no rows yet can still be picked.
 */
export function useKnownGyms(): KnownGyms {
  const [remembered, setRemembered] = useLocalStorage<{ gyms: string[]; branches: string[] }>({
    key: 'leadwatch.reports.known-ids',
    defaultValue: { gyms: [], branches: [] },
    getInitialValueInEffect: false,
  });
  const listed = useQuery({
    queryKey: keys.reportGyms,
    queryFn: () => call('reports.leads.gyms'),
    // Gyms come and go rarely; a minute-old list is fine and spares a table scan per form.
    staleTime: 60_000,
  });
  const subscriptions = useSubscriptions();
  const deliveries = useDeliveries(null);

  const known = useMemo(() => {
    const details = new Map((listed.data?.items ?? []).map((g) => [g.gymId, g]));
    const gyms = new Set(details.keys());
    const branches = new Set<string>();
    const add = (gymId: string, branchId: string | null) => {
      gyms.add(gymId);
      if (branchId) branches.add(branchId);
    };
    remembered.gyms.forEach((g) => gyms.add(g));
    remembered.branches.forEach((b) => branches.add(b));
    subscriptions.data?.items.forEach((s) => add(s.gymId, s.branchId));
    deliveries.data?.items.forEach((d) => add(d.gymId, d.branchId));
    details.forEach((g) => g.branches.forEach((b) => branches.add(b.branchId)));
    return { gyms: [...gyms], details, branches: [...branches] };
  }, [listed.data, remembered, subscriptions.data, deliveries.data]);

  const branchesOf = (gymId: string) => {
    const own = known.details.get(gymId.trim())?.branches;
    return own ? own.map((b) => b.branchId) : known.branches;
  };

  const remember = (gymId: string, branchId: string | null) =>
    setRemembered((current) => ({
      gyms: [gymId, ...current.gyms.filter((g) => g !== gymId)].slice(0, MAX_REMEMBERED),
      branches: branchId
        ? [branchId, ...current.branches.filter((b) => b !== branchId)].slice(0, MAX_REMEMBERED)
        : current.branches,
    }));

  return { gyms: known.gyms, details: known.details, branchesOf, remember };
}
