import { describe, expect, it } from 'vitest';
import { emptyDraft, inputOf, validateDraft } from '../subscriptions/subscription-draft';
import {
  formatBytes,
  formatDuration,
  formatRate,
  formatWrittenPeriod,
  lineOf,
} from './format-report';
import { recipientsProblem } from './recipients';

describe('report helpers', () => {
  it('finds the line in core template messages', () => {
    expect(lineOf('The template cannot be used: line 3: syntax error in a {{ … }}')).toBe(3);
    expect(lineOf('line 12: "foo" is not a field of the report data')).toBe(12);
    expect(lineOf('no line here (online 4)')).toBeNull();
  });

  it('shows periods as the calendar days they were written in, end exclusive', () => {
    const day = formatWrittenPeriod(
      '2026-03-29T00:00:00.000+01:00',
      '2026-03-30T00:00:00.000+02:00',
    );
    expect(day).not.toContain('–');
    expect(day).toContain('29');
    const week = formatWrittenPeriod(
      '2026-11-16T00:00:00.000-05:00',
      '2026-11-23T00:00:00.000-05:00',
    );
    expect(week).toMatch(/16.*–.*22/);
  });

  it('formats rates and durations, with a dash for null', () => {
    expect(formatRate(0.4567)).toBe('45.7 %');
    expect(formatRate(null)).toBe('—');
    expect(formatDuration(197)).toBe('3:17');
    expect(formatDuration(null)).toBe('—');
  });

  it('shows file sizes in whole kilobytes, megabytes with one decimal', () => {
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(102_961)).toBe('101 KB');
    expect(formatBytes(3 * 1024 * 1024 + 200_000)).toMatch(/^3[.,]2 MB$/);
  });

  it('checks recipients with the contract rules per method', () => {
    expect(recipientsProblem('email', [])).toBeNull();
    expect(recipientsProblem('email', ['a@b.example'])).toBeNull();
    expect(recipientsProblem('email', ['nope'])).toContain('not an email address');
    expect(recipientsProblem('webhook', [])).toBe('A webhook needs a URL.');
    expect(recipientsProblem('slack', ['ftp://x'])).toContain('http(s) URL');
  });

  it('validates a subscription draft with the contract schema, per field', () => {
    const draft = { ...emptyDraft('Europe/London'), reportType: 'weekly' as const };
    expect(validateDraft(draft)).toMatchObject({
      gymId: 'Enter the gym id.',
      deliveryDays: 'A weekly report needs at least one day.',
    });
    expect(
      validateDraft({ ...draft, gymId: 'g1', deliveryDays: ['mon'], timezone: 'Mars/Base' }),
    ).toEqual({ timezone: 'Not a time zone name (e.g. Europe/London).' });
    const ok = { ...draft, gymId: ' g1 ', branchId: ' ', deliveryDays: ['mon' as const] };
    expect(validateDraft(ok)).toEqual({});
    expect(inputOf(ok)).toMatchObject({ gymId: 'g1', branchId: null, deliveryDays: ['mon'] });
    expect(inputOf({ ...ok, reportType: 'daily', deliveryDays: [] }).deliveryDays).toBeNull();
  });
});
