/**
 * `leadwatch report churn --client N --week-ending D`: the weekly churn report (seed 003)
 * as JSON, from PostgreSQL's `events` if configured, else the local store's shop tables.
 */
import type { Command } from 'commander';
import { churnReportParamsSchema, type ChurnReportParams } from '../../shared/churn-report';
import type { CliContext } from '../context';
import { UsageError } from '../errors';
import { emitReport } from './report-output';

interface ChurnOptions {
  client: string;
  weekEnding: string;
  timezone?: string;
  out?: string;
}

export function registerChurnReport(report: Command, ctx: CliContext): void {
  report
    .command('churn')
    .description(
      'the weekly churn report for one shop client (PostgreSQL if configured, else the local store)',
    )
    .requiredOption('--client <id>', 'client id (the events table’s client_id)')
    .requiredOption('--week-ending <YYYY-MM-DD>', 'the last of the seven days')
    .option('--timezone <zone>', 'IANA time zone of the days (default REPORT_TIMEZONE)')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (opts: ChurnOptions, cmd: Command) => {
      const generated = await ctx.open().registry.call('reports.churn.generate', churnParams(opts));
      const body = `${JSON.stringify(generated.report, null, 2)}\n`;
      await emitReport(body, generated.source, { out: opts.out, format: 'json' }, cmd);
    });
}

export function churnParams(o: ChurnOptions): ChurnReportParams {
  const clientId = /^\d+$/.test(o.client) ? Number(o.client) : Number.NaN;
  if (!Number.isSafeInteger(clientId))
    throw new UsageError(`--client takes a number, not ${o.client}`);
  const parsed = churnReportParamsSchema.safeParse({
    clientId,
    weekEnding: o.weekEnding,
    timezone: o.timezone,
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
}
