import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { keys } from '../../api/keys';

/** Often enough to notice a source going down, rarely enough to cost nothing. */
export const SYNC_STATUS_POLL_MS = 30_000;

/** Whether Redis and PostgreSQL are configured, reachable, and when they last synced. */
export function useSyncStatus() {
  return useQuery({
    queryKey: keys.syncStatus,
    queryFn: () => call('sync.status'),
    refetchInterval: SYNC_STATUS_POLL_MS,
  });
}
