import type { Settings } from '../../shared/contract';

import { configNotices, envNumber, resolveSettings } from './provenance';

export { redactUrl } from './redact';

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
  databaseSchema: string;
  smtpUrl: string;
  chromePath: string;
}>;

/** Render (≤ 30 s) + mail (30 s timeout) with a wide margin: a live claimer is never overtaken. */
export const DEFAULT_MONITOR_LEASE_SECONDS = 300;
/** Below this, a slow render plus a slow SMTP server may outlast the lease (doctor warns). */
export const SAFE_MONITOR_LEASE_SECONDS = 60;

function firstSet(...values: (string | undefined | null)[]): string | null {
  for (const v of values) if (v !== undefined && v !== null && v.trim() !== '') return v.trim();
  return null;
}

const orNull = (v: string) => (v.trim() === '' ? null : v);

export function effectiveConfig(
  stored: Settings,
  env: NodeJS.ProcessEnv = process.env,
  flags: ConfigFlags = {},
): EffectiveConfig {
  // Which of environment, saved and default wins is resolveSettings' rule (the Settings page
  // shows the same); flags only go over the top here.
  const r = resolveSettings(stored, env, new Set());
  return {
    redisUrl: firstSet(flags.redisUrl, r.redisUrl.value),
    redisKeyPrefix: flags.redisKeyPrefix ?? env.REDIS_KEY_PREFIX ?? '',
    databaseUrl: firstSet(flags.databaseUrl, r.databaseUrl.value),
    databaseSchema: firstSet(flags.databaseSchema, env.DATABASE_SCHEMA) ?? 'public',
    smtpUrl: firstSet(flags.smtpUrl, r.smtpUrl.value),
    mailFrom: orNull(r.mailFrom.value),
    reportRecipients: r.reportRecipients.value,
    inactivityMinutes: r.inactivityMinutes.value,
    monitorIntervalSeconds: r.monitorIntervalSeconds.value,
    finalizedTtlDays: r.finalizedTtlDays.value,
    // Environment only: an operator's knob (and a test's), not a setting users should touch.
    monitorLeaseSeconds: envNumber(env, 'MONITOR_LEASE_SECONDS') ?? DEFAULT_MONITOR_LEASE_SECONDS,
    sourceTimezone: r.sourceTimezone.value,
    reportTimezone: r.reportTimezone.value,
    chromePath: firstSet(flags.chromePath, env.CHROME_PATH),
    botName: stored.botName,
  };
}

/** Unusable numeric variables, each with the value this configuration uses instead. */
export function effectiveConfigNotices(config: EffectiveConfig, env: NodeJS.ProcessEnv): string[] {
  return configNotices(env, {
    INACTIVITY_MINUTES: config.inactivityMinutes,
    MONITOR_INTERVAL_SECONDS: config.monitorIntervalSeconds,
    FINALIZED_TTL_DAYS: config.finalizedTtlDays,
    MONITOR_LEASE_SECONDS: config.monitorLeaseSeconds,
  });
}

/** The settings mail still needs (SMTP_URL, MAIL_FROM, REPORT_RECIPIENTS); empty when all are set. */
export function missingMailSettings(config: EffectiveConfig): string[] {
  const missing: [string, boolean][] = [
    ['SMTP_URL', !config.smtpUrl?.trim()],
    ['MAIL_FROM', !config.mailFrom?.trim()],
    ['REPORT_RECIPIENTS', config.reportRecipients.every((r) => !r.trim())],
  ];
  return missing.filter(([, absent]) => absent).map(([name]) => name);
}
