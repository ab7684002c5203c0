import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useState } from 'react';
import type { EventName, EventPayload } from '../../../shared/contract';
import { subscribe } from './client';

/**
 * Calls `listener` for each push event of this kind while the component is mounted. The
 * latest listener always runs, so callers need not memoise it, and the subscription is
 * made once rather than on every render.
 */
export function useEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): void {
  const onEvent = useEffectEvent(listener);
  useEffect(() => subscribe(event, (payload) => onEvent(payload)), [event]);
}

/** Refreshes every query when core says the store changed (a sync, demo data, a QA edit). */
export function useStoreChangedInvalidation(): void {
  const client = useQueryClient();
  useEvent('store.changed', () => {
    void client.invalidateQueries();
  });
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
