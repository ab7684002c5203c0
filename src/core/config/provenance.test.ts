import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../shared/contract';
import { effectiveConfig, effectiveConfigNotices } from './effective';
import { configNotices } from './provenance';

describe('numeric environment variables', () => {
  it('says each unusable one and treats an empty one as unset', () => {
    expect(
      configNotices({
        DELIVERY_POLL_SECONDS: 'soon',
        INACTIVITY_MINUTES: '',
        MONITOR_LEASE_SECONDS: '1.5',
      }),
    ).toEqual([
      'MONITOR_LEASE_SECONDS=1.5 is not a whole number above 0, so it is ignored: using 300. Correct or unset it.',
      'DELIVERY_POLL_SECONDS=soon is not a number above 0, so it is ignored: using 30. Correct or unset it.',
    ]);
  });

  it('names the value the configuration actually uses instead', () => {
    const env = { INACTIVITY_MINUTES: '-5', FINALIZED_TTL_DAYS: '3' };
    const config = effectiveConfig({ ...settingsSchema.parse({}), inactivityMinutes: 9 }, env);
    expect(config.inactivityMinutes).toBe(9);
    expect(config.finalizedTtlDays).toBe(3);
    expect(effectiveConfigNotices(config, env)).toEqual([
      'INACTIVITY_MINUTES=-5 is not a whole number above 0, so it is ignored: using 9. Correct or unset it.',
    ]);
  });
});
