import type { Command } from 'commander';
import type { LeadReportParams } from '../../shared/lead-report';
import { AppError } from '../../core/rpc/errors';
import type { CliContext } from '../context';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../errors';
import { createOutput } from '../output';
import { deliveryLine } from './delivery-text';

export interface SendOptions {
  out?: string;
  to?: string;
}

/** `--to a@x.com, b@y.com` as the list core checks; none given means the configured default. */
export function parseRecipients(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  const list = raw
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  if (list.length === 0)
    throw new UsageError('--to needs at least one address, like a@example.com');
  return list;
}

/**
 * `report leads … --send`: the app's Send now (reports.leads.sendNow, email), so the report is
 * recorded in the delivery history, rendered and mailed by the same runner. The delivery id
 * and how it ended are the result; exit 1 unless it was sent.
 */
export async function sendLeadReport(
  ctx: CliContext,
  params: LeadReportParams,
  opts: SendOptions,
  cmd: Command,
  setExit: (code: number) => void,
): Promise<void> {
  if (opts.out) throw new UsageError('--send mails the report; leave out --out (or drop --send)');
  if (cmd.getOptionValueSource('format') === 'cli') {
    throw new UsageError('--send mails the PDF report; --format is for printing, leave it out');
  }
  const recipients = parseRecipients(opts.to);
  if (recipients.length === 0 && ctx.config().reportRecipients.length === 0) {
    throw new UsageError(
      '--send needs recipients: pass --to a@example.com,b@example.com, or set REPORT_RECIPIENTS (or save them in Settings)',
    );
  }
  const out = createOutput(Boolean(cmd.optsWithGlobals().json));
  const { registry } = ctx.open();
  const { id } = await registry
    .call('reports.leads.sendNow', { params, method: 'email', recipients })
    .catch((error: unknown) => {
      if (error instanceof AppError && error.type === 'invalid_input') {
        throw new UsageError(`--to: ${readableRefusal(error.message, recipients)}`);
      }
      throw error;
    });
  // The detail says who got it; the report itself stays out (it is what was mailed, and large).
  const { report: _report, ...delivery } = await registry.call('deliveries.get', { id });
  setExit(delivery.status === 'sent' ? EXIT_OK : EXIT_FAILED);
  out.result(delivery, () => deliveryLine(delivery));
}

/**
 * Core's refusal in the words of the command line: the contract's "✖ reason → at
 * recipients[1]" becomes the reason, with the refused entry quoted when it does not say it.
 */
export function readableRefusal(message: string, recipients: readonly string[]): string {
  const body = message.replace(/^reports\.leads\.sendNow:\s*/, '');
  const issues = [...body.matchAll(/✖\s*(.+)\n\s*→ at recipients\[(\d+)\]/g)];
  if (issues.length === 0) return body.replace(/✖\s*/g, '').replace(/\s*\n\s*/g, ' ');
  return issues
    .map(([, said, index]) => {
      const entry = recipients[Number(index)] ?? '';
      const reason = said!.trim().replace(/\.$/, '');
      const named = reason.includes(entry) || reason.includes(JSON.stringify(entry).slice(1, -1));
      return named ? reason : `“${entry}”: ${reason}`;
    })
    .join('; ');
}
