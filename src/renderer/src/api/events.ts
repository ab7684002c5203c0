import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../shared/contract';
import { subscribe } from './client';

/** Refreshes every query when core says the store changed (a sync, demo data, a QA edit). */
export function useStoreChangedInvalidation(): void {
  const client = useQueryClient();
  useEffect(
    () =>
      subscribe('store.changed', () => {
        void client.invalidateQueries();
      }),
    [client],
  );
}

export function usePriorityRaised(
  onRaised: (payload: EventPayload<'lead.priorityRaised'>) => void,
) {
  useEffect(() => subscribe('lead.priorityRaised', onRaised), [onRaised]);
}

/** The latest 'demo.progress' event while `active`; cleared when it becomes inactive. */
export function useDemoProgress(active: boolean): EventPayload<'demo.progress'> | null {
  const [progress, setProgress] = useState<EventPayload<'demo.progress'> | null>(null);
  useEffect(() => {
    if (!active) return;
    const unsubscribe = subscribe('demo.progress', setProgress);
    return () => {
      unsubscribe();
      setProgress(null);
    };
  }, [active]);
  return progress;
}
