import { Center, SegmentedControl, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Settings } from '../../../shared/contract';
import { useSetTheme, useSettings } from '../api/hooks';

type ThemeValue = Settings['theme'];

export const themeLabels: Record<ThemeValue, string> = {
  light: 'Light',
  dark: 'Dark',
  auto: 'Follow system',
};

const icons: Record<ThemeValue, ReactNode> = {
  light: <IconSun size={16} aria-hidden />,
  dark: <IconMoon size={16} aria-hidden />,
  auto: <IconDeviceDesktop size={16} aria-hidden />,
};

const data = (['light', 'dark', 'auto'] as const).map((value) => ({
  value,
  label: (
    <Tooltip label={`${themeLabels[value]} theme`} withArrow openDelay={400}>
      <Center>
        {icons[value]}
        <VisuallyHidden>{`${themeLabels[value]} theme`}</VisuallyHidden>
      </Center>
    </Tooltip>
  ),
}));

/** Light / dark / auto in the header: applied at once and remembered in settings. */
export function ThemeToggle() {
  const settings = useSettings();
  const setTheme = useSetTheme();
  return (
    <SegmentedControl
      aria-label="Colour theme"
      size="xs"
      value={settings.data?.theme ?? 'auto'}
      data={data}
      onChange={(next) => setTheme.mutate(next as ThemeValue)}
    />
  );
}
