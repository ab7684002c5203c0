import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { GymNameSaveInput } from '../../../../../shared/gyms';
import { call } from '../../../api/client';
import { keys } from '../../../api/keys';

export function useGymNames() {
  return useQuery({ queryKey: keys.gymNames, queryFn: () => call('gymNames.list') });
}

/** A lookup of the directory's names: `name(gymId)` for a gym, `name(gymId, branchId)` for a branch. */
export function useGymNameLookup(): (gymId: string, branchId?: string | null) => string | null {
  const list = useGymNames();
  return useMemo(() => {
    const names = new Map(
      (list.data?.items ?? []).map((e) => [JSON.stringify([e.gymId, e.branchId]), e.name]),
    );
    return (gymId, branchId = null) => names.get(JSON.stringify([gymId, branchId])) ?? null;
  }, [list.data]);
}

export function useSaveGymName() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: GymNameSaveInput) => call('gymNames.save', input),
    meta: { inlineError: true },
    onSettled: () => client.invalidateQueries({ queryKey: keys.gymNames }),
  });
}
