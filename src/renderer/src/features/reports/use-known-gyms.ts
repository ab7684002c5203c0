import { useLocalStorage } from '@mantine/hooks';
import { useMemo } from 'react';
import { useDeliveries } from './deliveries/use-deliveries';
import { useSubscriptions } from './subscriptions/use-subscriptions';

const MAX_REMEMBERED = 12;

/**
 * Gym and branch ids to offer in the id fields. The contract has no "list gyms" method yet,
 * so these are the ids this window has reported on (remembered), plus those of subscriptions
 * and recent deliveries.
 */
export function useKnownGyms() {
  const [remembered, setRemembered] = useLocalStorage<{ gyms: string[]; branches: string[] }>({
    key: 'leadwatch.reports.known-ids',
    defaultValue: { gyms: [], branches: [] },
    getInitialValueInEffect: false,
  });
  const subscriptions = useSubscriptions();
  const deliveries = useDeliveries(null);

  const known = useMemo(() => {
    const gyms = new Set(remembered.gyms);
    const branches = new Set(remembered.branches);
    const add = (gymId: string, branchId: string | null) => {
      gyms.add(gymId);
      if (branchId) branches.add(branchId);
    };
    subscriptions.data?.items.forEach((s) => add(s.gymId, s.branchId));
    deliveries.data?.items.forEach((d) => add(d.gymId, d.branchId));
    return { gyms: [...gyms], branches: [...branches] };
  }, [remembered, subscriptions.data, deliveries.data]);

  const remember = (gymId: string, branchId: string | null) =>
    setRemembered((current) => ({
      gyms: [gymId, ...current.gyms.filter((g) => g !== gymId)].slice(0, MAX_REMEMBERED),
      branches: branchId
        ? [branchId, ...current.branches.filter((b) => b !== branchId)].slice(0, MAX_REMEMBERED)
        : current.branches,
    }));

  return { ...known, remember };
}
