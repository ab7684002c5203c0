import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeliveryStatus } from '../../../../../shared/deliveries';
import { call } from '../../../api/client';
import { keys } from '../../../api/keys';

export const DELIVERY_PAGE_SIZE = 100;

export function useDeliveries(status: DeliveryStatus | null) {
  return useQuery({
    queryKey: keys.deliveries(status),
    queryFn: () =>
      call('deliveries.list', { status: status ?? undefined, limit: DELIVERY_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

export function useDelivery(id: number | null) {
  return useQuery({
    queryKey: keys.delivery(id ?? 0),
    queryFn: () => call('deliveries.get', { id: id ?? 0 }),
    enabled: id !== null,
  });
}

/** Runs a failed delivery again now: a fresh round of tries. */
export function useRetryDelivery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call('deliveries.retry', { id }),
    meta: { inlineError: true },
    onSettled: (_data, _error, id) =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['deliveries.list'] }),
        client.invalidateQueries({ queryKey: keys.delivery(id) }),
      ]),
  });
}
