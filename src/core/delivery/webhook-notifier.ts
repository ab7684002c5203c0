import { postJson, redactWebhookUrl, WEBHOOK_TIMEOUT_MS } from './http-post';
import type { DeliveryReceipt, Notifier, ReportMessage } from './notifier';

/**
 * A generic JSON webhook (n8n, Zapier, a script): the report JSON itself is the body, so a
 * workflow reads `leads.created` directly. The delivery id goes in headers, with an
 * Idempotency-Key, so a receiver can drop a repeat after a retry it already handled.
 */
export class WebhookNotifier implements Notifier {
  readonly channel = 'webhook' as const;

  constructor(private readonly options: { timeoutMs?: number } = {}) {}

  async post(url: string, body: unknown, delivery?: { id: number }): Promise<void> {
    const headers: Record<string, string> = { 'user-agent': 'Leadwatch' };
    if (delivery) {
      headers['x-leadwatch-delivery'] = String(delivery.id);
      headers['idempotency-key'] = `leadwatch-delivery-${delivery.id}`;
    }
    await postJson(url, body, {
      label: 'Webhook',
      timeoutMs: this.options.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
      headers,
    });
  }

  /** The Notifier form: posts the message's subject and text (for callers with no report JSON). */
  async send(message: ReportMessage, recipients: readonly string[]): Promise<DeliveryReceipt> {
    for (const url of recipients) {
      await this.post(url, { subject: message.subject, text: message.text });
    }
    return {
      channel: 'webhook',
      messageId: null,
      accepted: recipients.map(redactWebhookUrl),
      rejected: [],
    };
  }

  async close(): Promise<void> {}
}
