import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { EventPayload } from '../../../../shared/contract';
import { useEvent } from '../../api/events';
import { keys } from '../../api/keys';

/**
 * Keeps the delivery history live: each `delivery.changed` refreshes the lists and that
 * delivery's details. Returns the latest event, for "Sending…" progress.
 */
export function useDeliveryEvents(): EventPayload<'delivery.changed'> | null {
  const client = useQueryClient();
  const [latest, setLatest] = useState<EventPayload<'delivery.changed'> | null>(null);
  useEvent('delivery.changed', (payload) => {
    setLatest(payload);
    void client.invalidateQueries({ queryKey: ['deliveries.list'] });
    void client.invalidateQueries({ queryKey: keys.delivery(payload.id) });
  });
  return latest;
}
