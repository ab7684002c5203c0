import { useMantineColorScheme } from '@mantine/core';
import { useEffect } from 'react';
import type { Settings } from '../../../shared/contract';

/** Applies the stored theme whenever it changes (first load, another window, the Settings page). */
export function ThemeSync({ theme }: { theme: Settings['theme'] }) {
  const { setColorScheme } = useMantineColorScheme();
  useEffect(() => setColorScheme(theme), [theme, setColorScheme]);
  return null;
}
