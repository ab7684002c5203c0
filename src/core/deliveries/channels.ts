import { EmailNotifier } from '../delivery/email-notifier';
import type { ReportMessage } from '../delivery/notifier';
import { SlackNotifier } from '../delivery/slack-notifier';
import { WebhookNotifier } from '../delivery/webhook-notifier';
import type { DeliveryMethod } from '../../shared/deliveries';
import { recipientProblem } from '../../shared/recipients';
import type { ProducedReport } from './types';

export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface ChannelConfig {
  smtpUrl: string | null;
  mailFrom: string | null;
  reportRecipients: string[];
  slackWebhookUrl: string | null;
  /** REPORT_TIMEZONE: the days of an ad-hoc report that names no zone. */
  reportTimezone: string;
}

export interface ChannelOptions {
  /** Total attachment size above which the mail goes as a summary (default 10 MB). */
  maxAttachmentBytes?: number;
  smtpTimeoutMs?: number;
  webhookTimeoutMs?: number;
}

export interface RecipientOutcome {
  recipient: string;
  error: string | null;
  /** Trying again cannot help (the recipient itself is malformed): fail now, do not retry. */
  permanent?: boolean;
}

/** Where a subscription with no recipients sends: the configured defaults. */
export function defaultRecipients(method: DeliveryMethod, config: ChannelConfig): string[] {
  if (method === 'email') return config.reportRecipients;
  if (method === 'slack') return config.slackWebhookUrl ? [config.slackWebhookUrl] : [];
  return [];
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A mail whose attachments are over the limit goes without them: the summary stays, a note
 * says where the file is kept, and the caller records the warning. Mail servers refuse big
 * messages (often at 10-25 MB), and an empty or bounced mail helps nobody.
 */
export function fitAttachments(
  message: ReportMessage,
  limit: number,
  keptAt: string | null,
): { message: ReportMessage; warning: string | null } {
  const total = message.attachments.reduce((n, a) => n + a.content.length, 0);
  if (total <= limit) return { message, warning: null };
  const names = message.attachments.map((a) => a.filename).join(', ');
  const where = keptAt ? `it is kept at ${keptAt}` : 'it is kept in the Leadwatch data folder';
  const notice = `The report file (${names}, ${size(total)}) is larger than the ${size(limit)} mail limit, so it is not attached; ${where}.`;
  return {
    message: {
      ...message,
      attachments: [],
      text: `${notice}\n\n${message.text}`,
      html: `<p><strong>${escapeHtml(notice)}</strong></p>\n${message.html}`,
    },
    warning: `attachment ${size(total)} over the ${size(limit)} limit: sent as a summary; ${where}`,
  };
}

/**
 * Sends the report to the recipients still owed it and says, per recipient, whether it
 * went. Never throws: a channel failure is every recipient's error, so the caller can
 * record it and retry only those.
 */
export async function sendToRecipients(
  method: DeliveryMethod,
  content: ProducedReport,
  recipients: readonly string[],
  ctx: { deliveryId: number; config: ChannelConfig; options: ChannelOptions },
): Promise<{ outcomes: RecipientOutcome[]; warning: string | null }> {
  // Recipients are fixed at claim time, so one that is malformed (a REPORT_RECIPIENTS entry
  // read from the environment) never becomes sendable: it fails for good, and is never
  // handed to a channel that might read more addresses out of it.
  const refused: RecipientOutcome[] = [];
  const valid: string[] = [];
  for (const r of recipients) {
    const problem = recipientProblem(method, r);
    if (problem) refused.push({ recipient: r, error: problem, permanent: true });
    else valid.push(r);
  }
  if (valid.length === 0) return { outcomes: refused, warning: null };
  const sent = await sendValid(method, content, valid, ctx);
  return { outcomes: [...refused, ...sent.outcomes], warning: sent.warning };
}

async function sendValid(
  method: DeliveryMethod,
  content: ProducedReport,
  recipients: readonly string[],
  ctx: { deliveryId: number; config: ChannelConfig; options: ChannelOptions },
): Promise<{ outcomes: RecipientOutcome[]; warning: string | null }> {
  if (method === 'email') return sendMail(content, recipients, ctx);
  const outcomes: RecipientOutcome[] = [];
  const slack = new SlackNotifier({ timeoutMs: ctx.options.webhookTimeoutMs });
  const webhook = new WebhookNotifier({ timeoutMs: ctx.options.webhookTimeoutMs });
  for (const url of recipients) {
    try {
      if (method === 'slack') {
        await slack.post(url, { text: content.slackText, blocks: content.slackBlocks });
      } else {
        await webhook.post(url, content.report, { id: ctx.deliveryId });
      }
      outcomes.push({ recipient: url, error: null });
    } catch (error) {
      outcomes.push({ recipient: url, error: (error as Error).message });
    }
  }
  return { outcomes, warning: null };
}

async function sendMail(
  content: ProducedReport,
  recipients: readonly string[],
  ctx: { config: ChannelConfig; options: ChannelOptions },
): Promise<{ outcomes: RecipientOutcome[]; warning: string | null }> {
  const limit = ctx.options.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  const { message, warning } = fitAttachments(content.message, limit, content.pdfPath);
  const allFailed = (error: unknown) => ({
    outcomes: recipients.map((recipient) => ({ recipient, error: (error as Error).message })),
    warning,
  });
  let mailer: EmailNotifier;
  try {
    mailer = new EmailNotifier({
      smtpUrl: ctx.config.smtpUrl,
      from: ctx.config.mailFrom,
      timeoutMs: ctx.options.smtpTimeoutMs,
    });
  } catch (error) {
    return allFailed(error);
  }
  try {
    // One mail to everyone still owed it; the server's per-address answer (RCPT TO) says
    // who got it, so a retry mails only the ones it refused.
    const receipt = await mailer.send(message, recipients);
    const accepted = new Set(receipt.accepted.map((a) => a.toLowerCase()));
    const outcomes = recipients.map((recipient) => ({
      recipient,
      error: accepted.has(recipient.toLowerCase()) ? null : 'the mail server refused this address',
    }));
    return { outcomes, warning };
  } catch (error) {
    return allFailed(error);
  } finally {
    await mailer.close();
  }
}
