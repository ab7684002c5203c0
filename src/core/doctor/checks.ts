import Redis from 'ioredis';
import nodemailer, { type NodemailerError } from 'nodemailer';
import pg from 'pg';
import {
  effectiveConfigNotices,
  missingMailSettings,
  redactUrl,
  SAFE_MONITOR_LEASE_SECONDS,
  type EffectiveConfig,
} from '../config/effective';
import { ensurePrivateDir } from '../config/private-files';
import { redactText } from '../config/redact';
import {
  describeSmtpError,
  smtpTarget,
  tlsRefused,
  type SmtpTarget,
} from '../delivery/smtp-transport';
import { findChrome } from '../render/find-chrome';
import { TEAM_MIGRATIONS } from '../team-db/migrations';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  name: string;
  status: CheckStatus;
  detail: string;
  /** What to do about it, when there is something to do. */
  hint: string | null;
}

const TIMEOUT_MS = 3000;

export function checkNode(version = process.versions.node): CheckResult {
  const major = Number(version.split('.')[0]);
  return major >= 20
    ? { name: 'node', status: 'ok', detail: `Node ${version}`, hint: null }
    : {
        name: 'node',
        status: 'fail',
        detail: `Node ${version}`,
        hint: 'Install Node 20 or newer.',
      };
}

export function checkDataDir(dataDir: string): CheckResult {
  try {
    ensurePrivateDir(dataDir);
    return { name: 'data dir', status: 'ok', detail: dataDir, hint: null };
  } catch (error) {
    // Our sentence says what is wrong with the folder and what to do; no separate hint.
    return { name: 'data dir', status: 'fail', detail: (error as Error).message, hint: null };
  }
}

/** Numeric variables that are set but unusable: Leadwatch runs on the fallback, and says so. */
export function checkEnvironment(config: EffectiveConfig, env: NodeJS.ProcessEnv): CheckResult {
  const notices = effectiveConfigNotices(config, env);
  if (!notices.length)
    return { name: 'environment', status: 'ok', detail: 'no unusable values', hint: null };
  return {
    name: 'environment',
    status: 'warn',
    detail: notices.join(' '),
    hint: 'Give each a whole number above 0, or unset it to use the default.',
  };
}

/**
 * Mail needs a server, a sender and someone to send to: SMTP_URL alone passes the SMTP
 * check, but every report would then fail on the missing From or recipients.
 */
const MAIL_SETTING_WORDS: Record<string, string> = {
  SMTP_URL: 'the mail server',
  MAIL_FROM: 'the From address',
  REPORT_RECIPIENTS: 'comma-separated addresses',
};

export function checkMailSettings(config: EffectiveConfig): CheckResult {
  const name = 'mail settings';
  if (!config.smtpUrl) {
    return {
      name,
      status: 'skip',
      detail: 'no SMTP_URL: reports are made as PDFs, not mailed',
      hint: null,
    };
  }
  const missing = missingMailSettings(config).map((v) => `${v} (${MAIL_SETTING_WORDS[v]})`);
  if (!missing.length) {
    return {
      name,
      status: 'ok',
      detail: `from ${config.mailFrom} to ${config.reportRecipients.join(', ')}`,
      hint: null,
    };
  }
  return {
    name,
    status: 'fail',
    detail: `SMTP_URL is set, but ${missing.map((m) => m.split(' ')[0]).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not: no report can be mailed`,
    hint: `Set ${missing.join(' and ')}, in the environment or in Settings.`,
  };
}

/** A socket error in words, with the (redacted) address it was trying. */
export function describeConnectError(error: unknown, url: string): string {
  const message = error instanceof Error ? error.message : String(error);
  // nodemailer wraps the socket's code in its own (ESOCKET); the message still names it.
  const code = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)\b/.exec(
    `${(error as NodeJS.ErrnoException).code ?? ''} ${message}`,
  )?.[1];
  const where = redactUrl(url);
  switch (code) {
    case 'ECONNREFUSED':
      return `${where}: connection refused, nothing is listening there`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${where}: host not found`;
    case 'ETIMEDOUT':
      return `${where}: unreachable, no answer within ${TIMEOUT_MS / 1000} s`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where}: unreachable (no route to the host)`;
    default:
      return `${where}: ${redactText(message)}`;
  }
}

export function checkChromium(config: EffectiveConfig): CheckResult {
  const chrome = findChrome(config.chromePath);
  if (chrome.exists) {
    return {
      name: 'chromium',
      status: 'ok',
      detail: `${chrome.path}${chrome.configured ? ' (CHROME_PATH)' : ''}`,
      hint: null,
    };
  }
  if (chrome.configured) {
    return {
      name: 'chromium',
      status: 'fail',
      detail: `CHROME_PATH=${chrome.path} is not an executable file`,
      hint: 'Point CHROME_PATH at Chrome or Chromium, or unset it to search the usual places.',
    };
  }
  return {
    name: 'chromium',
    status: 'warn',
    detail: 'no Chrome or Chromium found',
    hint: 'PDF reports need a browser: install Chromium (Debian: apt-get install chromium) or set CHROME_PATH. The desktop app can print with Electron instead.',
  };
}

/**
 * A lease shorter than render + the 30 s mail timeout lets a second instance take over a
 * session whose mail is still on its way: the visitor's report would go out twice. Tests
 * shorten it on purpose, so this warns instead of failing.
 */
export function checkMonitorLease(config: EffectiveConfig): CheckResult {
  const seconds = config.monitorLeaseSeconds;
  if (seconds >= SAFE_MONITOR_LEASE_SECONDS) {
    return { name: 'monitor lease', status: 'ok', detail: `${seconds} s`, hint: null };
  }
  return {
    name: 'monitor lease',
    status: 'warn',
    detail: `MONITOR_LEASE_SECONDS=${seconds} is under ${SAFE_MONITOR_LEASE_SECONDS} s`,
    hint: 'A claim must outlast rendering plus the 30 s mail timeout, or a slow send can be retried by another instance and mailed twice. Unset MONITOR_LEASE_SECONDS (default 300) outside tests.',
  };
}

function notConfigured(name: string, variable: string, what: string): CheckResult {
  return {
    name,
    status: 'skip',
    detail: 'not configured',
    hint: `Set ${variable} (or enter it in Settings) to ${what}. Without it Leadwatch works from its local store.`,
  };
}

export async function checkRedis(url: string | null): Promise<CheckResult> {
  if (!url) return notConfigured('redis', 'REDIS_URL', 'sync chat sessions from Redis');
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // The socket's error (ECONNREFUSED …) says more than connect()'s "Connection is closed.".
  let socketError: unknown = null;
  redis.on('error', (error: unknown) => {
    socketError ??= error;
  });
  try {
    await redis.connect();
    const info = await redis.info('server');
    const version = /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
    return {
      name: 'redis',
      status: 'ok',
      detail: `${redactUrl(url)} (Redis ${version})`,
      hint: null,
    };
  } catch (error) {
    return {
      name: 'redis',
      status: 'fail',
      detail: describeConnectError(socketError ?? error, url),
      hint: 'Start Redis or correct REDIS_URL (redis://host:6379/0).',
    };
  } finally {
    redis.disconnect();
  }
}

export async function checkPostgres(url: string | null): Promise<CheckResult> {
  if (!url)
    return notConfigured('postgresql', 'DATABASE_URL', 'read leads, calls, events and web chats');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>(
      "SELECT current_setting('server_version') AS v",
    );
    return {
      name: 'postgresql',
      status: 'ok',
      detail: `${redactUrl(url)} (PostgreSQL ${rows[0]?.v})`,
      hint: null,
    };
  } catch (error) {
    return {
      name: 'postgresql',
      status: 'fail',
      detail: describeConnectError(error, url),
      hint: 'Start PostgreSQL or correct DATABASE_URL (postgres://user:pass@host:5432/db).',
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Leadwatch's own team tables in DATABASE_URL's `leadwatch` schema: their version, or
 * whether this user may create them on first use.
 */
export async function checkTeamTables(url: string | null): Promise<CheckResult> {
  const name = 'team tables';
  if (!url) {
    return {
      name,
      status: 'ok',
      detail: 'in the local store (no DATABASE_URL): shared only by instances on this data dir',
      hint: null,
    };
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client
      .query<{ version: number | null; can_create: boolean }>(
        `SELECT (SELECT max(version) FROM leadwatch.schema_migrations) AS version,
         has_database_privilege(current_database(), 'CREATE') AS can_create`,
      )
      .catch(async (error: { code?: string }) => {
        if (error.code !== '42P01') throw error; // not "relation does not exist"
        return client.query<{ version: number | null; can_create: boolean }>(
          `SELECT NULL::int AS version, has_database_privilege(current_database(), 'CREATE') AS can_create`,
        );
      });
    const { version, can_create } = rows[0] ?? { version: null, can_create: false };
    const known = TEAM_MIGRATIONS.at(-1)?.version ?? 0;
    if (version === null) {
      return can_create
        ? {
            name,
            status: 'ok',
            detail: 'leadwatch schema not created yet (made on first use)',
            hint: null,
          }
        : {
            name,
            status: 'warn',
            detail: 'leadwatch schema missing, and this user may not create it',
            hint: 'Start Leadwatch once as a user with CREATE on the database, or GRANT CREATE ON DATABASE to this one.',
          };
    }
    if (version > known) {
      return {
        name,
        status: 'fail',
        detail: `leadwatch schema v${version}, newer than this Leadwatch (v${known})`,
        hint: 'Update Leadwatch on this machine: the team database was migrated by a newer version.',
      };
    }
    return {
      name,
      status: 'ok',
      detail: `leadwatch schema v${version}${version < known ? ` (v${known} applied on first use)` : ''}: subscriptions, templates, deliveries shared by the team`,
      hint: null,
    };
  } catch (error) {
    return {
      name,
      status: 'fail',
      detail: describeConnectError(error, url),
      hint: 'Subscriptions and deliveries live in the team database: start PostgreSQL or correct DATABASE_URL.',
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function checkSmtp(url: string | null): Promise<CheckResult> {
  if (!url) return notConfigured('smtp', 'SMTP_URL', 'mail reports');
  let target: SmtpTarget;
  try {
    target = smtpTarget(url, TIMEOUT_MS);
  } catch (error) {
    const hint = 'Set SMTP_URL as smtp://user:pass@host:port (or smtps://).';
    return { name: 'smtp', status: 'fail', detail: (error as Error).message, hint };
  }
  // The mailer's own options: verify() logs in, and no password goes out without TLS.
  const transport = nodemailer.createTransport(target.options);
  try {
    await transport.verify();
    return { name: 'smtp', status: 'ok', detail: redactUrl(url), hint: null };
  } catch (error) {
    const e = error as NodemailerError;
    return {
      name: 'smtp',
      status: 'fail',
      detail: tlsRefused(e, target)
        ? describeSmtpError(e, target)
        : describeConnectError(error, url),
      hint: 'Check SMTP_URL (smtp://user:pass@host:port) and that the server is reachable.',
    };
  } finally {
    transport.close();
  }
}
