import { DateTime } from 'luxon';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './plan';
import type { Rng, Weighted } from './random';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DDTHH:MM:SS` in UTC with no zone: how Python's naive isoformat() writes it. */
export function naiveSeconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

export type ZoneStyle = 'naive' | 'offset' | 'z';

/**
 * A UTC instant the way the chatbot writes `last_interaction`: Python's isoformat() with
 * microseconds, naive (no zone: the real system's usual output), `+00:00`, or `Z`.
 */
export function pythonIso(ms: number, extraMicros: number, style: ZoneStyle): string {
  const micros = (((ms % 1000) + 1000) % 1000) * 1000 + extraMicros;
  const base = `${naiveSeconds(ms)}.${pad(micros, 6)}`;
  if (style === 'naive') return base;
  return style === 'offset' ? `${base}+00:00` : `${base}Z`;
}

/**
 * Wall-clock arithmetic in one IANA zone, fast enough for a million calls: the zone's
 * offset is looked up once per day (Luxon), not per timestamp.
 */
export class LocalClock {
  private readonly offsets = new Map<number, number>();

  constructor(readonly zone: string) {}

  /** The local calendar day (days since 1970-01-01 in local time) an instant falls on. */
  dayOf(ms: number): number {
    return Math.floor((ms + this.offsetMs(Math.floor(ms / DAY_MS))) / DAY_MS);
  }

  /** The UTC instant of `hour` (fractional) local time on local day `day`. */
  at(day: number, hour: number): number {
    return day * DAY_MS + hour * HOUR_MS - this.offsetMs(day);
  }

  /** ISO weekday of a local day: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
  weekday(day: number): number {
    return ((((day + 3) % 7) + 7) % 7) + 1;
  }

  private offsetMs(day: number): number {
    let offset = this.offsets.get(day);
    if (offset === undefined) {
      offset = DateTime.fromMillis(day * DAY_MS + 12 * HOUR_MS, { zone: this.zone }).offset;
      this.offsets.set(day, offset);
    }
    return offset * MINUTE_MS;
  }
}

/** Picks a fractional hour of the day from an hourly curve (weights per whole hour). */
export function hourFromCurve(rng: Rng, curve: Weighted<number>): number {
  return rng.weighted(curve) + rng.next();
}

/**
 * A source timestamp as the local store keeps it (ISO 8601 UTC, milliseconds). Python's
 * naive isoformat() has no zone: demo data is written in UTC, so it is read as UTC.
 */
export function sourceTimeToIso(text: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    text.trim(),
  );
  if (!m) return null;
  const fraction = (m[3] ?? '').slice(0, 4);
  const zone = (m[4] ?? 'Z').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(`${m[1]}T${m[2]}${fraction}${zone}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
