import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../shared/contract';
import { effectiveConfig } from '../config/effective';
import { checkMonitorLease } from '../doctor/checks';

const stored = settingsSchema.parse({});
const lease = (value?: string) =>
  effectiveConfig(stored, value === undefined ? {} : { MONITOR_LEASE_SECONDS: value })
    .monitorLeaseSeconds;

describe('MONITOR_LEASE_SECONDS', () => {
  it('defaults to 5 minutes, well over a render plus the 30 s mail timeout', () => {
    expect(lease()).toBe(300);
    expect(checkMonitorLease(effectiveConfig(stored, {})).status).toBe('ok');
  });

  it('takes whole seconds from 1 up; anything else keeps the default', () => {
    expect(lease('3')).toBe(3);
    expect(lease('1')).toBe(1);
    for (const bad of ['0', '-5', '2.5', 'soon', '']) expect(lease(bad)).toBe(300);
  });

  it('is accepted short (tests), but doctor warns under 60 s and says why', () => {
    const check = checkMonitorLease(effectiveConfig(stored, { MONITOR_LEASE_SECONDS: '20' }));
    expect(check.status).toBe('warn');
    expect(check.hint).toMatch(/twice/);
    expect(checkMonitorLease(effectiveConfig(stored, { MONITOR_LEASE_SECONDS: '60' })).status).toBe(
      'ok',
    );
  });
});
