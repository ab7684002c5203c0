import { isIP } from 'node:net';
import type { NodemailerError, SMTPTransportOptions } from 'nodemailer';
import { redactUrl } from '../config/effective';
import { AppError } from '../rpc/errors';

/** `?insecure=1` on SMTP_URL: the one explicit way to send a password to a server without TLS. */
export const INSECURE_PARAM = 'insecure';
/** Query options nodemailer reads that would let a session stay in plain text. */
const PLAINTEXT_OPTIONS = ['ignoreTLS', 'requireTLS', 'opportunisticTLS'];
/**
 * Query options with which nodemailer would connect somewhere other than the URL's host
 * (`?service=Outlook365` means smtp.office365.com): the TLS rule judges the URL's host, so
 * that is the one mail goes to.
 */
const ELSEWHERE_OPTIONS = ['service', 'host', 'port', 'proxy'];

export interface SmtpTarget {
  /** For nodemailer: the URL (its query options kept) plus what we insist on. */
  options: SMTPTransportOptions;
  /** The URL with its password replaced, for messages. */
  redacted: string;
  /** Decoded, to scrub it from anything a server echoes back. */
  password: string;
  /** Credentials go to another machine: TLS (smtps:// or STARTTLS) or nothing. */
  tlsRequired: boolean;
}

/** A query value as nodemailer reads it: "false", 0 and "" are false, anything else true. */
function truthy(value: string | null): boolean {
  if (value === null || value === 'false' || value === '') return false;
  const n = Number(value);
  return Number.isNaN(n) ? true : n !== 0;
}

/** This machine: a relay here (or a test's server) sees nothing that left it. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

export function parseSmtpUrl(raw: string | null): URL {
  if (!raw) {
    throw new AppError(
      'unavailable',
      'Mail is not configured: set SMTP_URL (smtp://user:pass@host:port) or enter it in Settings.',
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError(
      'invalid_input',
      'SMTP_URL is not a URL; expected smtp://user:pass@host:port.',
    );
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new AppError(
      'invalid_input',
      `SMTP_URL must start with smtp:// or smtps:// (got ${redactUrl(raw)}).`,
    );
  }
  return url;
}

/**
 * How to reach SMTP_URL. With a user or password and a host that is not this machine, the
 * session must be encrypted before AUTH: smtps:// (TLS from the first byte) or STARTTLS
 * with nodemailer's `requireTLS`, which fails instead of logging in over plain text when
 * the server offers no STARTTLS. `?insecure=1` is the explicit way out, for a trusted
 * network; options in the URL that would turn TLS off are dropped unless it is given.
 */
export function smtpTarget(raw: string | null, timeoutMs: number): SmtpTarget {
  const url = parseSmtpUrl(raw);
  // Only a clear yes: nodemailer-style truthiness would read `?insecure=no` as yes.
  const insecure = ['1', 'true'].includes(url.searchParams.get(INSECURE_PARAM) ?? '');
  url.searchParams.delete(INSECURE_PARAM);
  for (const key of ELSEWHERE_OPTIONS) url.searchParams.delete(key);
  // `?tls.host=` and `?tls.port=` reroute an smtps:// connection past the rule as well.
  // (`?tls.rejectUnauthorized=false` stays: a named choice for a self-signed relay, and the
  // session is still encrypted.)
  for (const key of [...url.searchParams.keys()]) {
    if (/^tls(\.|\[)\s*(host|port)\]?$/i.test(key)) url.searchParams.delete(key);
  }
  const hasCredentials = url.username !== '' || url.password !== '';
  const tlsRequired = hasCredentials && !isLoopbackHost(url.hostname) && !insecure;
  const secureParam = url.searchParams.get('secure');
  const implicitTls = secureParam === null ? url.protocol === 'smtps:' : truthy(secureParam);
  if (tlsRequired) for (const key of PLAINTEXT_OPTIONS) url.searchParams.delete(key);
  const options: SMTPTransportOptions = {
    url: url.href,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // nodemailer logs nothing unless asked; say so, since its debug log would show AUTH.
    logger: false,
    debug: false,
  };
  if (tlsRequired && !implicitTls) options.requireTLS = true;
  return {
    options,
    redacted: redactUrl(raw as string),
    password: decoded(url.password),
    tlsRequired,
  };
}

/** The server could not give the TLS a login to it requires (it offers no STARTTLS). */
export function tlsRefused(error: NodemailerError, target: SmtpTarget): boolean {
  return target.tlsRequired && (error.code === 'ETLS' || error.command === 'STARTTLS');
}

/** A URL's password as the server gets it; a stray `%` leaves it as written. */
function decoded(password: string): string {
  try {
    return decodeURIComponent(password);
  } catch {
    return password;
  }
}

/** What went wrong, in words a person configuring SMTP can act on. */
export function explainSmtpError(error: NodemailerError, target: SmtpTarget): string {
  const code = error.originalCode ?? error.code;
  if (tlsRefused(error, target)) {
    return (
      'the server offers no TLS (STARTTLS), so the SMTP password was not sent to it in clear. ' +
      `Use smtps:// or a server with STARTTLS, or add ?${INSECURE_PARAM}=1 to SMTP_URL to allow ` +
      'an unencrypted login on a network you trust'
    );
  }
  if (code === 'ECONNREFUSED') return 'connection refused (is the SMTP server running?)';
  if (code === 'ENOTFOUND' || code === 'EDNS') return 'the host name was not found';
  if (error.code === 'ETIMEDOUT' || code === 'ETIMEDOUT') {
    const what: Record<string, string> = {
      CONNECT_TIMEOUT: 'connecting',
      GREETING_TIMEOUT: "the server's greeting",
      UPGRADE_TIMEOUT: 'the TLS upgrade',
      SOCKET_TIMEOUT: 'a reply',
    };
    return `timed out waiting for ${what[error.timeoutType ?? ''] ?? 'the server'}`;
  }
  if (error.code === 'EAUTH' || error.code === 'ENOAUTH') {
    return `the server refused the login (${error.response ?? error.message})`;
  }
  if (error.code === 'EENVELOPE' && error.rejected?.length) {
    return `every recipient was rejected (${error.rejected.join(', ')}): ${error.response ?? error.message}`;
  }
  const detail = error.response ?? error.message;
  return code ? `${detail} (${code})` : detail;
}

/** "Could not send mail through …: reason", with the password scrubbed from what a server echoed. */
export function describeSmtpError(error: NodemailerError, target: SmtpTarget): string {
  const text = `Could not send mail through ${target.redacted}: ${explainSmtpError(error, target)}`;
  // Belt and braces: a server that echoes credentials must not put them in our logs.
  return target.password.length >= 4 ? text.split(target.password).join('***') : text;
}
