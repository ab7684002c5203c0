import type { DeliveryMethod } from '../../../../../shared/deliveries';
import { recipientsProblem as firstRefused } from '../../../../../shared/recipients';

/**
 * The contract's recipient rules (the shared check), run before sending so a typo is caught
 * at the field: one plain address per entry for email, an http(s) URL for Slack and
 * webhooks, and a webhook needs one. Core checks again and has the last word.
 */
export function recipientsProblem(method: DeliveryMethod, recipients: string[]): string | null {
  if (method === 'webhook' && recipients.length === 0) return 'A webhook needs a URL.';
  return firstRefused(method, recipients);
}
