import { describe, expect, it } from 'vitest';
import { describePeriod, formatChange, formatDuration, formatRate, humanize } from './format';

describe('formatting for people', () => {
  it('rates, durations and changes', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(0.5)).toBe('50 %');
    expect(formatRate(0.66101)).toBe('66.1 %');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(197.4)).toBe('3:17');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatChange(12.46)).toBe('+12.5 %');
    expect(formatChange(-3)).toBe('\u22123 %');
    expect(formatChange(0.01)).toBe('0 %');
    expect(humanize('not_interested')).toBe('Not interested');
  });

  it('periods in their own zone, end exclusive, across DST and years', () => {
    const p = (start: string, end: string, timezone = 'Europe/London') =>
      describePeriod({ period: { start, end, timezone } });
    expect(p('2026-03-29T00:00:00.000+00:00', '2026-03-30T00:00:00.000+01:00')).toMatchObject({
      label: 'Sunday 29 March 2026',
      days: 1,
      previousLabel: 'previous day',
      slug: '2026-03-29',
    });
    expect(p('2026-10-26T00:00:00.000+00:00', '2026-11-02T00:00:00.000+00:00')).toMatchObject({
      label: '26 Oct – 1 Nov 2026',
      days: 7,
      previousLabel: 'previous week',
    });
    expect(p('2026-12-28T00:00:00.000+00:00', '2027-01-07T00:00:00.000+00:00')).toMatchObject({
      label: '28 Dec 2026 – 6 Jan 2027',
      previousLabel: 'previous 10 days',
    });
  });
});
