import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { lastDueFire, nextFire, periodFor, type ScheduleSpec } from './period';

const berlinDaily: ScheduleSpec = {
  reportType: 'daily',
  deliveryTime: '07:00',
  deliveryDays: null,
  timezone: 'Europe/Berlin',
};
const at = (iso: string) => new Date(iso);
const longAgo = at('2020-01-01T00:00:00Z');

describe('period math', () => {
  it('daily reports the previous local day, as UTC instants', () => {
    const fire = DateTime.fromISO('2026-11-23T07:00', { zone: 'Europe/Berlin' });
    expect(periodFor('daily', fire)).toEqual({
      start: '2026-11-21T23:00:00.000Z',
      end: '2026-11-22T23:00:00.000Z',
      params: { type: 'daily', date: '2026-11-22', timezone: 'Europe/Berlin' },
    });
  });

  it('weekly reports the seven local days ending yesterday, 167 hours across spring-forward', () => {
    const fire = DateTime.fromISO('2026-03-30T09:00', { zone: 'Europe/Berlin' }); // a Monday
    const p = periodFor('weekly', fire);
    expect(p.params).toEqual({ type: 'weekly', date: '2026-03-29', timezone: 'Europe/Berlin' });
    expect(p.start).toBe('2026-03-22T23:00:00.000Z');
    expect(p.end).toBe('2026-03-29T22:00:00.000Z');
    expect((Date.parse(p.end) - Date.parse(p.start)) / 3_600_000).toBe(167);
  });

  it('the daily period of the fall-back day is 25 hours', () => {
    const p = periodFor('daily', DateTime.fromISO('2026-10-26T07:00', { zone: 'Europe/Berlin' }));
    expect((Date.parse(p.end) - Date.parse(p.start)) / 3_600_000).toBe(25);
  });

  it('the last due run is today once its local time has passed, else yesterday', () => {
    expect(lastDueFire(berlinDaily, at('2026-11-23T06:00:00Z'), longAgo)?.toISO()).toBe(
      '2026-11-23T07:00:00.000+01:00',
    );
    expect(lastDueFire(berlinDaily, at('2026-11-23T05:59:59Z'), longAgo)?.toISO()).toBe(
      '2026-11-22T07:00:00.000+01:00',
    );
  });

  it('never reaches before the subscription existed or the catch-up window', () => {
    expect(
      lastDueFire(berlinDaily, at('2026-11-23T06:30:00Z'), at('2026-11-23T06:10:00Z')),
    ).toBeNull();
    expect(
      lastDueFire(berlinDaily, at('2026-11-23T06:30:00Z'), at('2026-11-23T06:00:00Z')),
    ).not.toBeNull();
  });

  it('weekly runs only on its days; New York evening is the next UTC day', () => {
    const spec: ScheduleSpec = {
      reportType: 'weekly',
      deliveryTime: '20:30',
      deliveryDays: ['mon', 'thu'],
      timezone: 'America/New_York',
    };
    // Sunday 22 Nov 2026 in New York: the last run was Thursday the 19th.
    expect(lastDueFire(spec, at('2026-11-23T00:00:00Z'), longAgo)?.toISO()).toBe(
      '2026-11-19T20:30:00.000-05:00',
    );
    expect(nextFire(spec, at('2026-11-23T00:00:00Z'))?.toISO()).toBe(
      '2026-11-23T20:30:00.000-05:00',
    );
  });

  it('a time in the spring-forward gap runs when the wall clock shows it (moved forward)', () => {
    const spec: ScheduleSpec = { ...berlinDaily, deliveryTime: '02:30' };
    const fire = lastDueFire(spec, at('2026-03-29T02:00:00Z'), longAgo);
    expect(fire?.toISO()).toBe('2026-03-29T03:30:00.000+02:00');
    expect(periodFor('daily', fire!).params.date).toBe('2026-03-28');
  });

  it('seconds are honoured (HH:mm:ss)', () => {
    const spec: ScheduleSpec = { ...berlinDaily, deliveryTime: '07:00:30', timezone: 'UTC' };
    expect(lastDueFire(spec, at('2026-11-23T07:00:29Z'), longAgo)?.toISODate()).toBe('2026-11-22');
    expect(lastDueFire(spec, at('2026-11-23T07:00:30Z'), longAgo)?.toISODate()).toBe('2026-11-23');
  });
});
