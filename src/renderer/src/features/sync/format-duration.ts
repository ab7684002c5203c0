import { formatNumber } from '../../lib/format';

/** "340 ms", "2.4 s", "3 min 5 s": sync runs span all three. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${formatNumber(Math.round(ms))} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${formatNumber(seconds, 1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${formatNumber(minutes)} min ${formatNumber(Math.round(seconds % 60))} s`;
}
