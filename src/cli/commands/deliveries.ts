import { Option, type Command } from 'commander';
import type { DeliverySummary } from '../../shared/deliveries';
import { deliveryStatusSchema } from '../../shared/deliveries';
import { AppError } from '../../core/rpc/errors';
import type { CliContext } from '../context';
import { EXIT_FAILED, EXIT_OK } from '../errors';
import { UsageError } from '../errors';
import { createOutput, table } from '../output';
import { deliveryLine, sendAgainCommand } from './delivery-text';

const json = (cmd: Command) => Boolean(cmd.optsWithGlobals().json);

function describe(d: DeliverySummary): string {
  const what = d.error ?? d.note ?? '';
  return what.length > 80 ? `${what.slice(0, 79)}…` : what;
}

function rows(items: DeliverySummary[]): string {
  return table([
    ['id', 'status', 'method', 'report', 'gym', 'period start', 'tries', 'updated', 'error / note'],
    ...items.map((d) => [
      String(d.id),
      d.status,
      d.method,
      d.reportType,
      d.gymId,
      d.periodStart.slice(0, 16).replace('T', ' '),
      `${d.attempts}/${d.maxAttempts}`,
      d.updatedAt.slice(0, 19).replace('T', ' '),
      describe(d),
    ]),
  ]);
}

/**
 * `leadwatch deliveries [--status S]` lists the delivery history; `deliveries retry <id>`
 * runs one again in this process (exit 0 when it was sent, 1 when it was not).
 */
export function registerDeliveries(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  const deliveries = program
    .command('deliveries')
    .description('report deliveries (scheduled and sent now), newest first')
    .addOption(
      new Option('--status <status>', 'only this status').choices(deliveryStatusSchema.options),
    )
    .option('--limit <n>', 'how many', '50')
    .action(async (opts: { status?: DeliverySummary['status']; limit: string }, cmd: Command) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
        throw new UsageError('--limit must be a whole number from 1 to 500');
      }
      const out = createOutput(json(cmd));
      const list = await ctx
        .open()
        .registry.call('deliveries.list', { status: opts.status, limit });
      out.result(list, () =>
        list.items.length === 0
          ? `No deliveries${opts.status ? ` with status ${opts.status}` : ''}.`
          : `${rows(list.items)}${list.total > list.items.length ? `\n(${list.items.length} of ${list.total})` : ''}`,
      );
    });

  deliveries
    .command('retry <id>')
    .description('run a failed (or waiting) delivery again now, with a fresh round of tries')
    .action(async (raw: string, _opts, cmd: Command) => {
      const id = Number(raw);
      if (!Number.isInteger(id) || id < 1) throw new UsageError(`not a delivery id: ${raw}`);
      const out = createOutput(json(cmd));
      const d = await retry(ctx, id);
      setExit(d.status === 'sent' ? EXIT_OK : EXIT_FAILED);
      out.result(d, () => deliveryLine(d));
    });
}

/** Core's refusal of a sent delivery names the app's Send now; here it names the command. */
async function retry(ctx: CliContext, id: number) {
  const core = ctx.open();
  try {
    return await core.registry.call('deliveries.retry', { id });
  } catch (error) {
    if (!(error instanceof AppError && error.type === 'conflict')) throw error;
    const d = await core.registry.call('deliveries.get', { id });
    if (d.status !== 'sent') throw error;
    throw new AppError(
      'conflict',
      `Delivery ${id} was already sent. For another copy, send the report again: ${sendAgainCommand(d)}`,
    );
  }
}
