import type { DemoCounts, DemoOptions, DemoPlan, DemoSize } from './types';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** 'small' keeps tests quick; 'standard' fills the app's pages and charts convincingly. */
export const demoSizes: Record<DemoSize, DemoCounts> = {
  small: {
    chatSessions: 30,
    webChatSessions: 15,
    gymLeads: 150,
    callLogs: 600,
    shopUsers: 60,
    shopEvents: 3_000,
  },
  standard: {
    chatSessions: 120,
    webChatSessions: 60,
    gymLeads: 900,
    callLogs: 5_000,
    shopUsers: 400,
    shopEvents: 40_000,
  },
};

/** The current hour: the default "now", so two runs a few minutes apart produce the same data. */
export function currentHour(): Date {
  const now = Date.now();
  return new Date(now - (now % HOUR_MS));
}

export function resolvePlan(options: DemoOptions): DemoPlan {
  if (!Number.isInteger(options.seed)) throw new Error('The demo seed must be an integer');
  const counts = { ...demoSizes[options.size] };
  for (const [key, value] of Object.entries(options.counts ?? {}) as [keyof DemoCounts, number][]) {
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`counts.${key} must be an integer >= 0`);
    counts[key] = value;
  }
  return { seed: options.seed, nowMs: (options.now ?? currentHour()).getTime(), counts };
}

/**
 * Splits `total` over items with the given weights, exactly, without holding the shares:
 * item i gets round(total * cum(i+1) / W) - round(total * cum(i) / W). Callers replay the
 * weights in the same order, so huge counts stream with O(1) memory.
 */
export class Apportioner {
  private cumulative = 0;
  private given = 0;

  constructor(
    private readonly total: number,
    private readonly weightSum: number,
  ) {}

  next(weight: number): number {
    if (this.weightSum <= 0) return 0;
    this.cumulative += weight;
    const upTo = Math.round((this.total * this.cumulative) / this.weightSum);
    const share = upTo - this.given;
    this.given = upTo;
    return share;
  }
}

export const iso = (ms: number): string => new Date(Math.floor(ms)).toISOString();
