import { z } from 'zod';

/**
 * The one check for every recipient list (contract, settings, core's senders, the page's
 * fields). Mail servers and nodemailer read an address string as a list: a comma, a
 * `"Name" <addr>` or a line break in one entry becomes extra RCPT TO addresses the person
 * never typed. So an email recipient is one bare address and nothing else, and a Slack or
 * webhook recipient is one http(s) URL. zod only, so the renderer can share it.
 */

export type RecipientMethod = 'email' | 'slack' | 'webhook';

/** RFC 5321's limit for a forward path's address. */
const MAX_EMAIL = 254;
const MAX_URL = 2000;
/** How much of a refused entry a message quotes: enough to find it, never a page. */
const QUOTE_MAX = 60;

const plainEmail = z.email();

/** The entry as a message shows it: quoted, with CR/LF and other controls visible as escapes. */
function quote(raw: string): string {
  const short = raw.length > QUOTE_MAX ? `${raw.slice(0, QUOTE_MAX)}…` : raw;
  return JSON.stringify(short);
}

/** Why `raw` is not one plain address, or null when it is one. */
function emailReason(raw: string): string | null {
  if (/[\r\n]/.test(raw)) return 'it contains a line break';
  if (/[,;]/.test(raw)) return 'it holds more than one address; give one address per recipient';
  if (/[<>"]/.test(raw)) {
    return 'give the bare address, without a name or angle brackets (name@example.com)';
  }
  if (raw.length > MAX_EMAIL) return `it is longer than ${MAX_EMAIL} characters`;
  if (!plainEmail.safeParse(raw).success) return 'expected one address like name@example.com';
  return null;
}

/** A webhook URL as a message may show it: its path and query can hold the token. */
function showUrl(raw: string): string {
  try {
    const u = new URL(raw);
    return quote(`${u.protocol}//${u.host}${u.pathname.length > 1 || u.search ? '/…' : ''}`);
  } catch {
    return quote(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
  }
}

function urlReason(raw: string): string | null {
  // The URL parser drops tabs and line breaks silently; what was typed must be what is posted.
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(raw)) return 'it contains a space or a line break';
  if (raw.length > MAX_URL) return `it is longer than ${MAX_URL} characters`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'it is not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'only http:// and https:// webhook URLs can be posted to';
  }
  return null;
}

/** The sentence saying why one entry is refused (it names the entry), or null when it is fine. */
export function emailAddressProblem(raw: string): string | null {
  const reason = emailReason(raw);
  return reason && `Recipient ${quote(raw)} is not an email address: ${reason}.`;
}

export function webhookUrlProblem(raw: string): string | null {
  const reason = urlReason(raw);
  return reason && `Recipient ${showUrl(raw)} is not an http(s) URL: ${reason}.`;
}

export function recipientProblem(method: RecipientMethod, raw: string): string | null {
  return method === 'email' ? emailAddressProblem(raw) : webhookUrlProblem(raw);
}

/** True when `raw` is one bare address (what a mail may be sent to). */
export const isPlainEmail = (raw: string): boolean => emailReason(raw) === null;

/** The first refused entry of a list, as a sentence; null when every entry is fine. */
export function recipientsProblem(
  method: RecipientMethod,
  recipients: readonly string[],
): string | null {
  for (const r of recipients) {
    const problem = recipientProblem(method, r);
    if (problem) return problem;
  }
  return null;
}

/**
 * A sender (MAIL_FROM): a bare address, or `Display Name <address>` with a name that has
 * no line break, comma, quote or bracket (what nodemailer would otherwise parse further).
 */
export function mailFromProblem(raw: string): string | null {
  const named = /^([^<>]*)<([^<>]*)>$/.exec(raw);
  const name = named?.[1] ?? '';
  const address = (named?.[2] ?? raw).trim();
  if (/[\r\n]/.test(raw)) return `Sender ${quote(raw)} is not valid: it contains a line break.`;
  if (/[,;"<>]/.test(name) || (!named && /[<>]/.test(raw))) {
    return `Sender ${quote(raw)} is not valid: use name@example.com or Name <name@example.com>, with no comma, quote or bracket in the name.`;
  }
  const reason = emailReason(address);
  return reason && `Sender ${quote(raw)} is not valid: ${reason}.`;
}

/** One recipient as the contract takes it: shape only; `refineRecipients` checks the content. */
export const recipientEntrySchema = z.string().trim().min(1).max(MAX_URL);

/** Adds one issue per refused entry at `recipients[i]` (for an object's superRefine). */
export function refineRecipients(
  method: RecipientMethod,
  recipients: readonly string[],
  ctx: z.RefinementCtx,
  path: (string | number)[] = ['recipients'],
): void {
  recipients.forEach((r, i) => {
    const message = recipientProblem(method, r);
    if (message) ctx.addIssue({ code: 'custom', path: [...path, i], message });
  });
}

/** An email recipient on its own (settings' REPORT_RECIPIENTS). */
export const emailRecipientSchema = z
  .string()
  .trim()
  .superRefine((r, ctx) => {
    const message = emailAddressProblem(r);
    if (message) ctx.addIssue({ code: 'custom', message });
  });

/** MAIL_FROM as stored: empty (unset) or a valid sender. */
export const mailFromSchema = z
  .string()
  .trim()
  .max(200)
  .superRefine((r, ctx) => {
    const message = r === '' ? null : mailFromProblem(r);
    if (message) ctx.addIssue({ code: 'custom', message });
  });
