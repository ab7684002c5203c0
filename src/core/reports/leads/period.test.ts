import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { leadReportParamsSchema } from '../../../shared/lead-report';
import { hourSegments, resolvePeriod } from './period';
import { trend } from './trends';

const period = (p: Record<string, unknown>, zone = 'Europe/London') =>
  resolvePeriod(leadReportParamsSchema.parse({ gymId: 'g', ...p }), zone);
const hoursLong = (p: ReturnType<typeof period>) =>
  (p.end.toMillis() - p.start.toMillis()) / 3_600_000;

describe('report periods', () => {
  it('daily is one calendar day, 23 or 25 hours when the clocks change', () => {
    const spring = period({ type: 'daily', date: '2026-03-29' });
    expect(hoursLong(spring)).toBe(23);
    expect(spring.previousStart.toISO()).toBe('2026-03-28T00:00:00.000+00:00');
    expect(hoursLong(period({ type: 'daily', date: '2026-10-25' }))).toBe(25);
    expect(hoursLong(period({ type: 'daily', date: '2026-10-25' }, 'UTC'))).toBe(24);
  });

  it('weekly is the seven days ending on the date; previous is the seven before', () => {
    const week = period({ type: 'weekly', date: '2026-03-01' });
    expect(week.days).toBe(7);
    expect(week.start.toISODate()).toBe('2026-02-23');
    expect(week.end.toISODate()).toBe('2026-03-02');
    expect(week.previousStart.toISODate()).toBe('2026-02-16');
  });

  it('custom is start..end inclusive; previous has as many calendar days', () => {
    const p = period(
      { type: 'custom', start: '2026-03-25', end: '2026-04-02' },
      'America/New_York',
    );
    expect(p.days).toBe(9);
    expect(p.previousStart.toISO()).toBe('2026-03-16T00:00:00.000-04:00');
    expect(p.end.toISO()).toBe('2026-04-03T00:00:00.000-04:00');
  });

  it('uses the params zone over the default, and refuses unknown zones and long periods', () => {
    expect(period({ type: 'daily', date: '2026-01-01', timezone: 'Asia/Tokyo' }).zone).toBe(
      'Asia/Tokyo',
    );
    expect(() => period({ type: 'daily', date: '2026-01-01' }, 'Mars/Olympus')).toThrow(
      /Unknown time zone/,
    );
    expect(() => period({ type: 'custom', start: '2024-01-01', end: '2026-01-01' })).toThrow(
      /1 to 366 days/,
    );
    expect(() => period({ type: 'daily', date: '2026-02-30' })).toThrow(/not a calendar day/);
  });
});

describe('hour segments', () => {
  const segments = (zone: string, date: string) => {
    const p = period({ type: 'daily', date }, zone);
    return hourSegments(p);
  };

  it('skips the missing hour in spring and repeats hour 1 in autumn', () => {
    const spring = segments('Europe/London', '2026-03-29');
    expect(spring.map((s) => s.hour)).toEqual([0, ...Array.from({ length: 22 }, (_, i) => i + 2)]);
    const autumn = segments('Europe/London', '2026-10-25');
    // 01:00-02:00 twice: one two-hour stretch of hour 1 (BST, then GMT).
    expect(autumn.map((s) => s.hour)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(autumn[1]).toEqual({
      fromMs: Date.parse('2026-10-25T00:00:00Z'),
      toMs: Date.parse('2026-10-25T02:00:00Z'),
      hour: 1,
    });
  });

  it('covers the period without gaps, also in half-hour zones', () => {
    const p = period({ type: 'weekly', date: '2026-10-25' }, 'Asia/Kolkata');
    const s = hourSegments(p);
    expect(s).toHaveLength(168);
    expect(s[0]?.fromMs).toBe(p.start.toMillis());
    expect(s.at(-1)?.toMs).toBe(p.end.toMillis());
    for (let i = 1; i < s.length; i++) expect(s[i]?.fromMs).toBe(s[i - 1]?.toMs);
  });
  it('agrees with Luxon on every local hour of a year, in zones with odd clock changes', () => {
    for (const zone of ['America/Santiago', 'Australia/Lord_Howe', 'Europe/London']) {
      const p = period({ type: 'custom', start: '2026-01-01', end: '2026-12-31' }, zone);
      const s = hourSegments(p);
      expect(s[0]?.fromMs).toBe(p.start.toMillis());
      expect(s.at(-1)?.toMs).toBe(p.end.toMillis());
      s.forEach((seg, i) => {
        if (i > 0) expect(seg.fromMs).toBe(s[i - 1]?.toMs);
        expect(seg.toMs).toBeGreaterThan(seg.fromMs);
        // Change days and a sample of the rest, to keep the test quick.
        if (i % 13 === 0 || seg.toMs - seg.fromMs !== 3_600_000) {
          expect(DateTime.fromMillis(seg.fromMs, { zone }).hour).toBe(seg.hour);
          expect(DateTime.fromMillis(seg.toMs - 1, { zone }).hour).toBe(seg.hour);
        }
      });
    }
  });
});

describe('trends', () => {
  it('is flat within ±1 %, inclusive', () => {
    expect(trend(101, 100)).toEqual({ change_pct: expect.closeTo(1, 9), direction: 'flat' });
    expect(trend(99, 100)).toEqual({ change_pct: expect.closeTo(-1, 9), direction: 'flat' });
    expect(trend(0.505, 0.5).direction).toBe('flat');
    expect(trend(203, 200)).toEqual({ change_pct: 1.5, direction: 'up' });
    expect(trend(197, 200)).toEqual({ change_pct: -1.5, direction: 'down' });
  });

  it('has no percentage when previous is 0 or a rate had no denominator', () => {
    expect(trend(3, 0)).toEqual({ change_pct: null, direction: 'up' });
    expect(trend(0, 0)).toEqual({ change_pct: null, direction: 'flat' });
    expect(trend(null, 0.5)).toEqual({ change_pct: null, direction: 'flat' });
    expect(trend(0.5, null)).toEqual({ change_pct: null, direction: 'flat' });
  });
});
