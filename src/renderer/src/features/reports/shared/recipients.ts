import { z } from 'zod';
import type { DeliveryMethod } from '../../../../../shared/deliveries';

const isHttpUrl = (raw: string): boolean => {
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
};

/**
 * The contract's recipient rules, checked before sending so a typo is caught at the field:
 * addresses for email, http(s) URLs for Slack and webhooks, and a webhook needs one.
 * Core checks again and has the last word.
 */
export function recipientsProblem(method: DeliveryMethod, recipients: string[]): string | null {
  if (method === 'webhook' && recipients.length === 0) return 'A webhook needs a URL.';
  const bad = recipients.find((r) =>
    method === 'email' ? !z.email().safeParse(r).success : !isHttpUrl(r),
  );
  if (bad === undefined) return null;
  return method === 'email'
    ? `“${bad}” is not an email address.`
    : `“${bad}” is not an http(s) URL.`;
}
