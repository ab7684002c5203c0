import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

/**
 * 'sessions.endNow': finalise a session and mail its report at once, through the same
 * exactly-once claim the inactivity monitor uses. Afterwards the session, the lists (its
 * "Final" marker) and the hot list may all have changed.
 */
export function useEndSessionNow(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['sessions.endNow', id],
    mutationFn: () => call('sessions.endNow', { id }),
    // The outcome, good or bad, is shown next to the button with what to do.
    meta: { inlineError: true },
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['sessions.get', id] }),
        client.invalidateQueries({ queryKey: ['sessions.list'] }),
        client.invalidateQueries({ queryKey: ['leads.hot'] }),
      ]),
  });
}
