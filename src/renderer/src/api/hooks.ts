import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { DemoSummary, Input, Priority, SessionList, Settings } from '../../../shared/contract';
import { PRIORITIES } from '../lib/priorities';
import { call } from './client';
import { keys, type SessionFilter } from './keys';

export const SESSION_PAGE_SIZE = 100;

export function useAppInfo() {
  return useQuery({ queryKey: keys.appInfo, queryFn: () => call('app.info') });
}

export function useSettings() {
  return useQuery({
    queryKey: keys.settings,
    queryFn: () => call('settings.get'),
    staleTime: Infinity,
  });
}

/** Saves a partial settings patch; the stored result (with defaults) replaces the cache. */
export function useSetSettings(options: { inlineError?: boolean } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<Settings>) => call('settings.set', patch),
    onSuccess: (settings) => client.setQueryData(keys.settings, settings),
    meta: { inlineError: options.inlineError },
  });
}

function nextOffset(page: SessionList): number | undefined {
  const next = page.offset + page.items.length;
  return next < page.total && page.items.length > 0 ? next : undefined;
}

/** The sessions list, a page of 100 at a time; the virtualised list asks for the next page. */
export function useSessions(filter: SessionFilter) {
  return useInfiniteQuery({
    queryKey: keys.sessionList(filter),
    queryFn: ({ pageParam }) =>
      call('sessions.list', { ...filter, offset: pageParam, limit: SESSION_PAGE_SIZE }),
    initialPageParam: 0,
    getNextPageParam: nextOffset,
    // Keep showing the previous results while a new search runs, so the list does not flash.
    placeholderData: keepPreviousData,
  });
}

export function useRecentSessions(limit = 8) {
  return useQuery({
    queryKey: keys.recentSessions(limit),
    queryFn: () => call('sessions.list', { offset: 0, limit }),
  });
}

/** Totals per priority: one `limit: 1` list call each, which is cheap on the local store. */
export function usePriorityTotals() {
  const query = useQuery({
    queryKey: keys.priorityTotals,
    queryFn: () => call('sessions.priorityTotals'),
  });
  const totals: { priority: Priority; total: number }[] =
    query.data?.totals ?? PRIORITIES.map((priority) => ({ priority, total: 0 }));
  return { isPending: query.isPending, error: query.error, totals };
}

export function useSession(id: string | undefined) {
  return useQuery({
    queryKey: keys.session(id ?? ''),
    queryFn: () => call('sessions.get', { id: id ?? '' }),
    enabled: Boolean(id),
  });
}

/**
 * Loads demo data; afterwards every query may be stale, and the offer is not shown again.
 * `onLoaded` sits on the mutation rather than on mutate(): the offer that started it unmounts
 * as soon as the store is no longer empty, and mutate()'s callbacks would then never run.
 */
export function useSeedDemo(onLoaded?: (summary: DemoSummary) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: Input<'demo.seed'>) => {
      const summary = await call('demo.seed', input);
      await call('settings.set', { demoOffered: true });
      return summary;
    },
    onSuccess: (summary) => onLoaded?.(summary),
    onSettled: () => client.invalidateQueries(),
  });
}

/** Switches the theme at once (optimistically) and stores it; a failed save puts it back. */
export function useSetTheme() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (theme: Settings['theme']) => call('settings.set', { theme }),
    onMutate: async (theme) => {
      await client.cancelQueries({ queryKey: keys.settings });
      const previous = client.getQueryData<Settings>(keys.settings);
      if (previous) client.setQueryData<Settings>(keys.settings, { ...previous, theme });
      return { previous };
    },
    onError: (_error, _theme, context) => {
      if (context?.previous) client.setQueryData(keys.settings, context.previous);
    },
    onSuccess: (settings) => client.setQueryData(keys.settings, settings),
  });
}
