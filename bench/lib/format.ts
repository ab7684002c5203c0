const count = new Intl.NumberFormat('en-US');

export const formatCount = (n: number): string => count.format(Math.round(n));

/** Milliseconds with sensible precision: 0.123, 12.3, 1,234. */
export function formatMs(ms: number): string {
  if (ms < 1) return ms.toFixed(3);
  if (ms < 100) return ms.toFixed(1);
  return formatCount(ms);
}

/** 1.2M/s, 34.5k/s, 120/s. */
export function formatRate(perSec: number, unit: string): string {
  const [value, suffix] =
    perSec >= 1e6 ? [perSec / 1e6, 'M'] : perSec >= 1e4 ? [perSec / 1e3, 'k'] : [perSec, ''];
  if (suffix) return `${value.toFixed(value >= 100 ? 0 : 1)}${suffix} ${unit}/s`;
  return `${perSec < 10 ? perSec.toFixed(1) : formatCount(perSec)} ${unit}/s`;
}

export function round(n: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(n * factor) / factor;
}
