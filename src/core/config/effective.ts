import type { Settings } from '../../shared/contract';

/** The settings every command needs, after DESIGN.md's precedence: flag > environment > stored > default. */
export interface EffectiveConfig {
  redisUrl: string | null;
  /** Prepended to every key of the Redis layout (REDIS_KEY_PREFIX); empty by default. */
  redisKeyPrefix: string;
  databaseUrl: string | null;
  /** Schema of the source tables (DATABASE_SCHEMA); DESIGN.md: `public` unless configured. */
  databaseSchema: string;
  smtpUrl: string | null;
  mailFrom: string | null;
  reportRecipients: string[];
  inactivityMinutes: number;
  monitorIntervalSeconds: number;
  finalizedTtlDays: number;
  /**
   * How long a monitor's claim on a session lasts before another instance may retry it
   * (MONITOR_LEASE_SECONDS). It must outlast a render plus the 30 s mail timeout, or a slow
   * but live sender could be overtaken and the mail sent twice; doctor warns under 60 s.
   */
  monitorLeaseSeconds: number;
  sourceTimezone: string;
  reportTimezone: string;
  chromePath: string | null;
  botName: string;
}

export type ConfigFlags = Partial<{
  redisUrl: string;
  redisKeyPrefix: string;
  databaseUrl: string;
  smtpUrl: string;
  chromePath: string;
}>;

/** Render (≤ 30 s) + mail (30 s timeout) with a wide margin: a live claimer is never overtaken. */
export const DEFAULT_MONITOR_LEASE_SECONDS = 300;
/** Below this, a slow render plus a slow SMTP server may outlast the lease (doctor warns). */
export const SAFE_MONITOR_LEASE_SECONDS = 60;

const machineTimezone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function firstSet(...values: (string | undefined | null)[]): string | null {
  for (const v of values) if (v !== undefined && v !== null && v.trim() !== '') return v.trim();
  return null;
}

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function effectiveConfig(
  stored: Settings,
  env: NodeJS.ProcessEnv = process.env,
  flags: ConfigFlags = {},
): EffectiveConfig {
  const recipients = firstSet(env.REPORT_RECIPIENTS);
  return {
    redisUrl: firstSet(flags.redisUrl, env.REDIS_URL, stored.redisUrl),
    redisKeyPrefix: flags.redisKeyPrefix ?? env.REDIS_KEY_PREFIX ?? '',
    databaseUrl: firstSet(flags.databaseUrl, env.DATABASE_URL, stored.databaseUrl),
    databaseSchema: firstSet(env.DATABASE_SCHEMA) ?? 'public',
    smtpUrl: firstSet(flags.smtpUrl, env.SMTP_URL, stored.smtpUrl),
    mailFrom: firstSet(env.MAIL_FROM, stored.mailFrom),
    reportRecipients: recipients
      ? recipients
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean)
      : stored.reportRecipients,
    inactivityMinutes: positiveInt(env.INACTIVITY_MINUTES, stored.inactivityMinutes),
    monitorIntervalSeconds: positiveInt(
      env.MONITOR_INTERVAL_SECONDS,
      stored.monitorIntervalSeconds,
    ),
    finalizedTtlDays: positiveInt(env.FINALIZED_TTL_DAYS, stored.finalizedTtlDays),
    // Environment only: an operator's knob (and a test's), not a setting users should touch.
    monitorLeaseSeconds: positiveInt(env.MONITOR_LEASE_SECONDS, DEFAULT_MONITOR_LEASE_SECONDS),
    sourceTimezone: firstSet(env.SOURCE_TIMEZONE, stored.sourceTimezone) ?? 'UTC',
    reportTimezone: firstSet(env.REPORT_TIMEZONE, stored.reportTimezone) ?? machineTimezone(),
    chromePath: firstSet(flags.chromePath, env.CHROME_PATH),
    botName: stored.botName,
  };
}

/** A URL with its password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
