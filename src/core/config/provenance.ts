import type { EffectiveSettings, SettingKey, SettingOrigin, Settings } from '../../shared/contract';

/**
 * Which value of a setting wins and why, after DESIGN.md's precedence (environment > saved >
 * default; CLI flags are applied on top by effectiveConfig). The Settings page shows it, and
 * effectiveConfig reads its values, so both follow one rule.
 */

/** Numeric variables and what they must be; a value that is not is ignored, and said so. */
export const NUMERIC_VARIABLES: Record<string, { integer: boolean; fallback: string }> = {
  INACTIVITY_MINUTES: { integer: true, fallback: 'the saved setting or 5' },
  MONITOR_INTERVAL_SECONDS: { integer: true, fallback: 'the saved setting or 60' },
  FINALIZED_TTL_DAYS: { integer: true, fallback: 'the saved setting or 7' },
  MONITOR_LEASE_SECONDS: { integer: true, fallback: '300' },
  DELIVERY_MAX_ATTEMPTS: { integer: false, fallback: '3' }, // wiring rounds it down
  DELIVERY_BACKOFF_SECONDS: { integer: false, fallback: '60, doubling' },
  DELIVERY_WORKING_TIMEOUT_SECONDS: { integer: false, fallback: '600' },
  DELIVERY_MAX_ATTACHMENT_MB: { integer: false, fallback: '10' },
  DELIVERY_POLL_SECONDS: { integer: false, fallback: '30' },
  DELIVERY_CATCH_UP_DAYS: { integer: false, fallback: '7' },
};

const trimmed = (raw: string | undefined): string | null =>
  raw === undefined || raw.trim() === '' ? null : raw.trim();

/** A set numeric variable's value, or null when it is unset or unusable. */
export function envNumber(env: NodeJS.ProcessEnv, variable: string): number | null {
  const raw = trimmed(env[variable]);
  if (raw === null) return null;
  const n = Number(raw);
  const integer = NUMERIC_VARIABLES[variable]?.integer ?? true;
  return Number.isFinite(n) && n > 0 && (!integer || Number.isInteger(n)) ? n : null;
}

function numericNotice(env: NodeJS.ProcessEnv, variable: string, using: string): string | null {
  const raw = trimmed(env[variable]);
  if (raw === null || envNumber(env, variable) !== null) return null;
  const rule = NUMERIC_VARIABLES[variable]?.integer ? 'a whole number above 0' : 'a number above 0';
  return `${variable}=${JSON.stringify(raw).slice(1, -1)} is not ${rule}, so it is ignored: using ${using}. Correct or unset it.`;
}

/**
 * One sentence per numeric variable that is set but unusable (doctor, daemon and app
 * start-up say them); `using` gives the value actually in use where the caller knows it.
 */
export function configNotices(
  env: NodeJS.ProcessEnv,
  using: Partial<Record<string, number>> = {},
): string[] {
  return Object.entries(NUMERIC_VARIABLES)
    .map(([variable, { fallback }]) =>
      numericNotice(env, variable, using[variable]?.toString() ?? fallback),
    )
    .filter((n): n is string => n !== null);
}

type Saved = ReadonlySet<SettingKey>;

function pick<T>(
  key: SettingKey,
  variable: string,
  fromEnv: T | null,
  stored: Settings,
  saved: Saved,
  isSet: (v: T) => boolean,
  fallback: () => T,
): SettingOrigin<T> {
  if (fromEnv !== null) return { value: fromEnv, source: 'environment', variable, notice: null };
  const value = stored[key] as T;
  if (saved.has(key) && isSet(value)) return { value, source: 'saved', variable, notice: null };
  return { value: isSet(value) ? value : fallback(), source: 'default', variable, notice: null };
}

const nonEmpty = (v: string) => v.trim() !== '';
const machineTimezone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Every configurable setting's effective value, its source and the variable that can set it. */
export function resolveSettings(
  stored: Settings,
  env: NodeJS.ProcessEnv,
  saved: Saved,
): EffectiveSettings {
  const text = (key: SettingKey, variable: string, fallback = '') =>
    pick<string>(key, variable, trimmed(env[variable]), stored, saved, nonEmpty, () => fallback);
  const number = (key: SettingKey, variable: string) => {
    const origin = pick<number>(
      key,
      variable,
      envNumber(env, variable),
      stored,
      saved,
      () => true,
      () => stored[key] as number,
    );
    return { ...origin, notice: numericNotice(env, variable, String(origin.value)) };
  };
  const recipients = trimmed(env.REPORT_RECIPIENTS);
  return {
    redisUrl: text('redisUrl', 'REDIS_URL'),
    databaseUrl: text('databaseUrl', 'DATABASE_URL'),
    smtpUrl: text('smtpUrl', 'SMTP_URL'),
    mailFrom: text('mailFrom', 'MAIL_FROM'),
    reportRecipients: pick<string[]>(
      'reportRecipients',
      'REPORT_RECIPIENTS',
      recipients
        ? recipients
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean)
        : null,
      stored,
      saved,
      (v) => v.length > 0,
      () => [],
    ),
    reportTimezone: text('reportTimezone', 'REPORT_TIMEZONE', machineTimezone()),
    sourceTimezone: text('sourceTimezone', 'SOURCE_TIMEZONE', 'UTC'),
    inactivityMinutes: number('inactivityMinutes', 'INACTIVITY_MINUTES'),
    monitorIntervalSeconds: number('monitorIntervalSeconds', 'MONITOR_INTERVAL_SECONDS'),
    finalizedTtlDays: number('finalizedTtlDays', 'FINALIZED_TTL_DAYS'),
  };
}
