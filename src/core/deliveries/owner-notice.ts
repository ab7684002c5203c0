import { isPlainEmail } from '../../shared/recipients';
import { EmailNotifier } from '../delivery/email-notifier';
import type { ChannelConfig, ChannelOptions } from './channels';
import type { DeliveryRequest, DeliveryRow } from './types';

/** The subscription's creator when that is an address, else REPORT_RECIPIENTS. */
export function ownerAddresses(request: DeliveryRequest, config: ChannelConfig): string[] {
  const owner = request.owner?.trim();
  if (owner && isPlainEmail(owner)) return [owner];
  return config.reportRecipients;
}

/**
 * Tells the owner that a delivery failed for good, so a report nobody received does not go
 * unnoticed (the old system only logged it). Returns what to note on the delivery, or null
 * for an ad-hoc send (no subscription: whoever pressed "send now" saw it fail); never
 * throws, since the delivery's own failure is already recorded.
 */
export async function tellOwner(
  row: DeliveryRow,
  request: DeliveryRequest,
  failed: { recipient: string; error: string | null }[],
  ctx: { config: ChannelConfig; options: ChannelOptions },
): Promise<string | null> {
  if (request.trigger === 'manual' && request.subscriptionId === null) return null;
  const to = ownerAddresses(request, ctx.config);
  if (to.length === 0) return 'owner not told: no owner address and no REPORT_RECIPIENTS';
  const what = `${request.params.type} lead report for gym ${request.params.gymId}${
    request.params.branchId ? ` / branch ${request.params.branchId}` : ''
  }`;
  const lines = [
    `Leadwatch could not deliver the ${what} (period from ${row.period_start}) by ${request.method} after ${row.attempts} tries.`,
    '',
    `Last error: ${row.error ?? 'unknown'}`,
    ...(failed.length ? ['', 'Not delivered to:', ...failed.map((f) => `  ${f.recipient}`)] : []),
    '',
    `Retry it from Reports > Deliveries in the app, or run: leadwatch deliveries retry ${row.id}`,
  ];
  const text = lines.join('\n');
  const html = `<pre style="font-family: sans-serif; white-space: pre-wrap">${text.replace(
    /[&<>"']/g,
    (c) => `&#${c.charCodeAt(0)};`,
  )}</pre>`;
  let mailer: EmailNotifier | null = null;
  try {
    mailer = new EmailNotifier({
      smtpUrl: ctx.config.smtpUrl,
      from: ctx.config.mailFrom,
      timeoutMs: ctx.options.smtpTimeoutMs,
    });
    await mailer.send(
      { subject: `Leadwatch: delivery ${row.id} failed (${what})`, text, html, attachments: [] },
      to,
    );
    return `owner told by mail (${to.join(', ')})`;
  } catch (error) {
    return `owner not told: ${(error as Error).message}`;
  } finally {
    await mailer?.close();
  }
}
