import nodemailer, { type NodemailerError, type Transporter } from 'nodemailer';
import type { SessionDetail } from '../../shared/contract';
import { emailAddressProblem, mailFromProblem } from '../../shared/recipients';
import { buildSessionReportMessage } from '../reports/session/session-mail';
import { AppError } from '../rpc/errors';
import type { DeliveryReceipt, Notifier, ReportMessage } from './notifier';
import { describeSmtpError, smtpTarget, type SmtpTarget } from './smtp-transport';

export interface EmailNotifierOptions {
  /**
   * SMTP_URL: `smtp://user:pass@host:port` (or `smtps://` for TLS from the first byte). With
   * credentials and a host other than this machine TLS is required (`?insecure=1` waives it).
   */
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
  readonly #target: SmtpTarget;
  readonly #from: string | null;
  readonly #transport: Transporter;

  constructor(options: EmailNotifierOptions) {
    this.#target = smtpTarget(options.smtpUrl, options.timeoutMs ?? SMTP_TIMEOUT_MS);
    this.#from = options.from?.trim() || null;
    this.#transport = nodemailer.createTransport(this.#target.options);
  }

  /** Where mail goes, safe to show: the SMTP URL with its password replaced. */
  get server(): string {
    return this.#target.redacted;
  }

  async send(
    message: ReportMessage,
    recipients: readonly string[],
    options: { from?: string } = {},
  ): Promise<DeliveryReceipt> {
    const { to, from } = this.check(recipients, options.from);
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
      throw new AppError('unavailable', describeSmtpError(error as NodemailerError, this.#target), {
        cause: error,
      });
    }
  }

  /**
   * The recipients and sender a send would use, or an `invalid_input` AppError naming the
   * first bad one. The last wall: nodemailer reads "a@x, b@y", `"n" <c@y>` or a line break
   * in one entry as more addresses, so only bare addresses ever reach it, whatever the
   * entry point (and a delivery fails for good instead of being retried with them).
   */
  check(recipients: readonly string[], sender?: string): { to: string[]; from: string } {
    const to = recipients.map((r) => r.trim()).filter(Boolean);
    if (to.length === 0) {
      throw new AppError(
        'invalid_input',
        'No report recipients: set REPORT_RECIPIENTS (or add them in Settings).',
      );
    }
    const from = sender?.trim() || this.#from;
    if (!from) {
      throw new AppError(
        'invalid_input',
        'No sender address: set MAIL_FROM (or enter it in Settings).',
      );
    }
    const problem = to.map(emailAddressProblem).find(Boolean) ?? mailFromProblem(from);
    if (problem) throw new AppError('invalid_input', `Nothing was sent. ${problem}`);
    return { to, from };
  }

  /** The session report mail: subject `"{bot name} Session Report - {user name}"`, PDF attached. */
  sendSessionReport(mail: SessionReportMail): Promise<DeliveryReceipt> {
    const message = buildSessionReportMessage(mail);
    return this.send(message, mail.to, { from: mail.from });
  }

  async close(): Promise<void> {
    this.#transport.close();
  }
}

function addresses(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((a: unknown) =>
    typeof a === 'string' ? a : String((a as { address?: unknown }).address ?? a),
  );
}
