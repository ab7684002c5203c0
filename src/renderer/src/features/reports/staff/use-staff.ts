import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StaffSaveInput } from '../../../../../shared/staff';
import { call } from '../../../api/client';
import { keys } from '../../../api/keys';

export function useStaff() {
  return useQuery({ queryKey: keys.staff, queryFn: () => call('staff.list') });
}

export function useSaveStaff() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: StaffSaveInput) => call('staff.save', input),
    meta: { inlineError: true },
    onSettled: () => client.invalidateQueries({ queryKey: keys.staff }),
  });
}
