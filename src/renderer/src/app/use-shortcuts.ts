import { useHotkeys } from '@mantine/hooks';
import type { RefObject } from 'react';
import { navigate } from '../router/router';
import { NAV_ITEMS } from './nav-items';

/**
 * App-wide keys. Ctrl/⌘+1..5 and Ctrl/⌘+K work even while typing (they are not text);
 * '/' only outside text fields, where it would otherwise be a character.
 */
export function useGlobalShortcuts(searchRef: RefObject<HTMLInputElement | null>): void {
  const focusSearch = () => {
    searchRef.current?.focus();
    searchRef.current?.select();
  };
  useHotkeys(
    [
      ...NAV_ITEMS.map(
        ({ page }, index) => [`mod+${index + 1}`, () => navigate({ page })] as [string, () => void],
      ),
      ['mod+K', focusSearch],
    ],
    [],
  );
  useHotkeys([['/', focusSearch]]);
}
