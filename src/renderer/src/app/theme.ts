import {
  createTheme,
  type CSSVariablesResolver,
  type MantineColorScheme,
  type MantineColorSchemeManager,
} from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Darker primary shades keep white text on filled buttons at WCAG AA contrast in both schemes.
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  headings: { fontWeight: '650' },
});

/**
 * Mantine's default "dimmed" grey is below 4.5:1 on white; secondary text is everywhere in
 * this app (emails, timestamps), so it gets one step darker (lighter in dark mode).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  // Field errors (red text, and the input's text and placeholder) at AA contrast too, and
  // the titles of yellow (warning) alerts, whose default amber on pale yellow is 2.7:1.
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-yellow-light-color': '#8a5300',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
    '--mantine-color-yellow-light-color': 'var(--mantine-color-yellow-4)',
  },
});

/**
 * The colour scheme lives in settings (core's store), not localStorage: it survives a
 * reinstall of the renderer and is the same in every window. Mantine only holds it in memory.
 */
export function memoryColorSchemeManager(): MantineColorSchemeManager {
  let value: MantineColorScheme | undefined;
  return {
    get: (defaultValue) => value ?? defaultValue,
    set: (next) => {
      value = next;
    },
    subscribe: () => undefined,
    unsubscribe: () => undefined,
    clear: () => {
      value = undefined;
    },
  };
}
