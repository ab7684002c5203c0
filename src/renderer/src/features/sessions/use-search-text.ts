import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useEffectEvent, useState } from 'react';

export const SEARCH_DEBOUNCE_MS = 200;

/**
 * The search box's text, kept in step with the route's query: typing updates the route
 * ~200 ms after the last key (the list fetches from the route), and a query arriving from
 * outside (the header's global search, a deep link) replaces the text.
 */
export function useSearchText(
  routeQuery: string | undefined,
  writeQuery: (query: string | undefined) => void,
) {
  const [text, setText] = useState(routeQuery ?? '');
  const [debounced] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);

  // Adjusting state while rendering (React's pattern for "props changed"): only a route change
  // that is not our own debounced write replaces what the person is typing.
  const [seenQuery, setSeenQuery] = useState(routeQuery);
  if (routeQuery !== seenQuery) {
    setSeenQuery(routeQuery);
    if ((routeQuery ?? '') !== debounced.trim()) setText(routeQuery ?? '');
  }

  const write = useEffectEvent((value: string) => {
    const query = value.trim() || undefined;
    if (query !== routeQuery) writeQuery(query);
  });
  useEffect(() => write(debounced), [debounced]);

  return [text, setText] as const;
}
