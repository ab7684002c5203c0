import nodemailer, { type NodemailerError, type Transporter } from 'nodemailer';
import type { SessionDetail } from '../../shared/contract';
import { redactUrl } from '../config/effective';
import { buildSessionReportMessage } from '../reports/session/session-mail';
import { AppError } from '../rpc/errors';
import type { DeliveryReceipt, Notifier, ReportMessage } from './notifier';

export interface EmailNotifierOptions {
  /** SMTP_URL: `smtp://user:pass@host:port` (or `smtps://` for TLS from the first byte). */
  smtpUrl: string | null;
  /** MAIL_FROM, used when a send names no sender. */
  from?: string | null;
  /** Connection, greeting and idle-socket timeout each (the old system's 30 s). */
  timeoutMs?: number;
}

export interface SessionReportMail {
  to: readonly string[];
  from: string;
  botName: string;
  session: SessionDetail;
  pdf: Buffer;
  filename: string;
}

export const SMTP_TIMEOUT_MS = 30_000;

/**
 * Email over SMTP (nodemailer). One transport per notifier, no pool: reports go out a few
 * at a time and a fresh connection per mail recovers by itself from a server restart.
 * Errors say which server failed and why, with the SMTP password replaced by `***`.
 */
export class EmailNotifier implements Notifier {
  readonly channel = 'email' as const;
  readonly #url: string;
  readonly #redacted: string;
  readonly #password: string;
  readonly #from: string | null;
  readonly #transport: Transporter;

  constructor(options: EmailNotifierOptions) {
    const url = parseSmtpUrl(options.smtpUrl);
    this.#url = url.href;
    this.#redacted = redactUrl(url.href);
    this.#password = decodeURIComponent(url.password);
    this.#from = options.from?.trim() || null;
    const timeout = options.timeoutMs ?? SMTP_TIMEOUT_MS;
    this.#transport = nodemailer.createTransport({
      url: this.#url,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      // nodemailer logs nothing unless asked; say so, since its debug log would show AUTH.
      logger: false,
      debug: false,
    });
  }

  /** Where mail goes, safe to show: the SMTP URL with its password replaced. */
  get server(): string {
    return this.#redacted;
  }

  async send(
    message: ReportMessage,
    recipients: readonly string[],
    options: { from?: string } = {},
  ): Promise<DeliveryReceipt> {
    const to = recipients.map((r) => r.trim()).filter(Boolean);
    if (to.length === 0) {
      throw new AppError(
        'invalid_input',
        'No report recipients: set REPORT_RECIPIENTS (or add them in Settings).',
      );
    }
    const from = options.from?.trim() || this.#from;
    if (!from) {
      throw new AppError(
        'invalid_input',
        'No sender address: set MAIL_FROM (or enter it in Settings).',
      );
    }
    try {
      const info = await this.#transport.sendMail({
        from,
        to: [...to],
        subject: message.subject,
        text: message.text,
        html: message.html,
        attachments: message.attachments.map((a) => ({
          filename: a.filename,
          content: a.content,
          contentType: a.contentType,
        })),
      });
      return {
        channel: 'email',
        messageId: typeof info.messageId === 'string' ? info.messageId : null,
        accepted: addresses(info.accepted),
        rejected: addresses(info.rejected),
      };
    } catch (error) {
      throw new AppError('unavailable', this.#describe(error as NodemailerError), {
        cause: error,
      });
    }
  }

  /** The session report mail: subject `"{bot name} Session Report - {user name}"`, PDF attached. */
  sendSessionReport(mail: SessionReportMail): Promise<DeliveryReceipt> {
    const message = buildSessionReportMessage(mail);
    return this.send(message, mail.to, { from: mail.from });
  }

  async close(): Promise<void> {
    this.#transport.close();
  }

  #describe(error: NodemailerError): string {
    const reason = explain(error);
    const text = `Could not send mail through ${this.#redacted}: ${reason}`;
    // Belt and braces: a server that echoes credentials must not put them in our logs.
    return this.#password.length >= 4 ? text.split(this.#password).join('***') : text;
  }
}

function parseSmtpUrl(raw: string | null): URL {
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

function addresses(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((a: unknown) =>
    typeof a === 'string' ? a : String((a as { address?: unknown }).address ?? a),
  );
}

/** What went wrong, in words a person configuring SMTP can act on. */
function explain(error: NodemailerError): string {
  const code = error.originalCode ?? error.code;
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
