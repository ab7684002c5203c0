import { postJson, redactWebhookUrl, WEBHOOK_TIMEOUT_MS } from './http-post';
import type { DeliveryReceipt, Notifier, ReportMessage } from './notifier';

export interface SlackPost {
  text: string;
  /** Block Kit blocks; `text` stays the notification and accessibility fallback. */
  blocks?: unknown[];
}

/**
 * Slack incoming webhooks: one POST of `{text, blocks?}` per webhook URL. Each URL is a
 * channel; a failure names the channel's redacted URL and Slack's answer.
 */
export class SlackNotifier implements Notifier {
  readonly channel = 'slack' as const;

  constructor(private readonly options: { timeoutMs?: number } = {}) {}

  async post(url: string, payload: SlackPost): Promise<void> {
    await postJson(url, payload, {
      label: 'Slack webhook',
      timeoutMs: this.options.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
    });
  }

  /** The Notifier form: the message's plain text to every URL; stops at the first failure. */
  async send(message: ReportMessage, recipients: readonly string[]): Promise<DeliveryReceipt> {
    for (const url of recipients) await this.post(url, { text: message.text });
    return {
      channel: 'slack',
      messageId: null,
      accepted: recipients.map(redactWebhookUrl),
      rejected: [],
    };
  }

  async close(): Promise<void> {}
}
