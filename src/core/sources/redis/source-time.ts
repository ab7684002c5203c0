/**
 * Timestamps as the chatbot writes them: Python's isoformat(), usually without a zone.
 * A zoneless time is wall-clock time in SOURCE_TIMEZONE (default UTC). Anything that is
 * not a plausible ISO 8601 instant is refused with a message saying why, so one odd
 * value fails its own session and nothing else.
 */
import { DateTime, IANAZone } from 'luxon';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Earlier than this is a default value (datetime.min, epoch 0), not a chat. */
const EARLIEST_YEAR = 2000;
/** Clocks drift; a day ahead of ours is a wrong clock or a wrong zone. */
const FUTURE_TOLERANCE_MS = 24 * 3_600_000;

export interface SourceTimeOptions {
  /** IANA zone for times without a zone. */
  zone: string;
  /** Reference for "in the future"; default the current time. */
  nowMs?: number;
}

/** Refuses an unknown IANA zone up front, so a typo in SOURCE_TIMEZONE fails the run once. */
export function assertTimeZone(zone: string): string {
  if (!IANAZone.isValidZone(zone)) {
    throw new Error(`SOURCE_TIMEZONE ${JSON.stringify(zone)} is not an IANA time zone name`);
  }
  return zone;
}

/** The instant as ISO 8601 UTC with milliseconds (extra digits are truncated, not rounded). */
export function parseSourceTime(text: string, options: SourceTimeOptions): string {
  const m = ISO.exec(text.trim());
  if (!m) throw new Error(`${JSON.stringify(text)} is not an ISO 8601 date and time`);
  const [, year, month, day, hour, minute, second, fraction, offset] = m;
  const parts = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second ?? 0),
    millisecond: Number((fraction ?? '').slice(0, 3).padEnd(3, '0')),
  };
  const problem = outOfRange(parts);
  if (problem) throw new Error(`${JSON.stringify(text)} is not a valid date and time (${problem})`);
  if (parts.year < EARLIEST_YEAR)
    throw new Error(`${JSON.stringify(text)} is before ${EARLIEST_YEAR}`);

  let ms: number;
  const wall = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
    parts.millisecond,
  );
  if (offset) {
    const minutes = offsetMinutes(offset);
    if (minutes === null) throw new Error(`${JSON.stringify(text)} has an impossible UTC offset`);
    ms = wall - minutes * 60_000;
  } else if (isUtc(options.zone)) {
    // The common case, a hundred thousand times per sync: no zone database needed.
    ms = wall;
  } else {
    ms = DateTime.fromObject(parts, { zone: options.zone }).toMillis();
    if (!Number.isFinite(ms))
      throw new Error(`${JSON.stringify(text)} cannot be placed in ${options.zone}`);
  }
  if (ms > (options.nowMs ?? Date.now()) + FUTURE_TOLERANCE_MS) {
    throw new Error(`${JSON.stringify(text)} is more than a day in the future`);
  }
  return new Date(ms).toISOString();
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function outOfRange(p: Parts): string | null {
  if (p.month < 1 || p.month > 12) return `month ${p.month}`;
  const days = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  if (p.day < 1 || p.day > days) return `day ${p.day} of a ${days}-day month`;
  if (p.hour > 23) return `hour ${p.hour}`;
  if (p.minute > 59) return `minute ${p.minute}`;
  if (p.second > 59) return `second ${p.second}`;
  return null;
}

const isUtc = (zone: string) => zone === 'UTC' || zone === 'Etc/UTC' || zone === 'utc';

function offsetMinutes(offset: string): number | null {
  if (offset.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 14 * 60 || Number(m[3] ?? 0) > 59) return null;
  return m[1] === '-' ? -minutes : minutes;
}
