import type { Priority, SessionSource } from '../../../shared/contract';

/** Highest first, as managers read them. A type-only import keeps zod out of the renderer bundle. */
export const PRIORITIES = [
  'critical',
  'high',
  'medium',
  'low',
] as const satisfies readonly Priority[];
export const SOURCES = ['redis', 'postgres', 'demo'] as const satisfies readonly SessionSource[];

// Compile-time checks that the lists above name every value the contract allows.
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : never;
const _allPriorities: Missing<Priority, (typeof PRIORITIES)[number]> = true;
const _allSources: Missing<SessionSource, (typeof SOURCES)[number]> = true;
void _allPriorities;
void _allSources;

export const priorityLabel: Record<Priority, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/** Mantine colour per priority; shades chosen to keep white badge text at AA contrast. */
export const priorityColor: Record<Priority, string> = {
  critical: 'red.9',
  high: '#c2410c',
  medium: 'blue.9',
  low: 'gray.7',
};

export const sourceLabel: Record<SessionSource, string> = {
  redis: 'Redis',
  postgres: 'PostgreSQL',
  demo: 'Demo',
};

/**
 * Outline-badge colours that keep 4.5:1 contrast in both schemes: a dark shade on white, a
 * light one on the dark background (a fixed Mantine shade can only be right in one of them).
 */
export const markerColor = {
  neutral: 'light-dark(var(--mantine-color-gray-7), var(--mantine-color-dark-0))',
  positive: 'light-dark(var(--mantine-color-teal-9), var(--mantine-color-teal-4))',
  /** Something degraded but not broken (a source down, the app on its mirror). */
  // Mantine's darkest orange is 4.3:1 on white; this one (the High badge's) is 5.2:1.
  warning: 'light-dark(#c2410c, var(--mantine-color-orange-4))',
} as const;
