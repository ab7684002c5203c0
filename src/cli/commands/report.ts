/**
 * `leadwatch report leads …`: one lead performance report (issue 4), printed or written
 * to --out in the chosen format (each format is one renderer in `formats`), or mailed
 * with --send through the delivery ledger (report-send.ts).
 */
import { Option, type Command } from 'commander';
import type { Output as ContractOutput } from '../../shared/contract';
import { leadReportParamsSchema, type LeadReportParams } from '../../shared/lead-report';
import {
  renderLeadReportHtml,
  renderLeadReportPdf,
  type LeadRenderOptions,
} from '../../core/reports/leads/render/render';
import { leadRenderOptions } from '../../core/reports/leads/render/render-choice';
import type { CliContext } from '../context';
import { UsageError } from '../errors';
import { registerChurnReport } from './report-churn';
import { sendLeadReport } from './report-send';
import { emitReport } from './report-output';

type Generated = ContractOutput<'reports.leads.generate'>;
type Format = 'json' | 'html' | 'pdf';

/** Turns a generated report into the bytes the format prints or writes. */
type Renderer = (generated: Generated, ctx: CliContext) => Promise<string | Uint8Array>;

const formats: Record<Format, Renderer> = {
  // Exactly the report JSON: no envelope, no source, so pipes and webhooks get the schema.
  json: (g) => Promise.resolve(`${JSON.stringify(g.report, null, 2)}\n`),
  // The built-in layout for the report's type; the same HTML the app previews and the PDF prints.
  html: async (g, ctx) => renderLeadReportHtml(g.report, await builtinOptions(g, ctx)),
  // Printed by core's one warm Chromium (closed with the core when the command ends).
  pdf: async (g, ctx) =>
    renderLeadReportPdf(ctx.open().pdf, g.report, await builtinOptions(g, ctx)),
};

/** The built-in layout for the report's type, with staff and gym names, as the app renders it. */
function builtinOptions(g: Generated, ctx: CliContext): Promise<LeadRenderOptions> {
  const core = ctx.open();
  return leadRenderOptions(
    { templates: core.leadTemplates, staff: core.team.staff, gyms: core.team.gymNames },
    g.report,
    null,
  );
}

export interface LeadsOptions {
  type?: 'daily' | 'weekly' | 'custom';
  date?: string;
  start?: string;
  end?: string;
  gym: string;
  branch?: string;
  timezone?: string;
  format: Format;
  out?: string;
  send?: boolean;
  to?: string;
}

export function registerReport(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  const report = program.command('report').description('lead performance and churn reports');
  registerChurnReport(report, ctx);
  report
    .command('leads')
    .description(
      'a daily, weekly or custom lead performance report for one gym (PostgreSQL if configured, else the local store)',
    )
    .addOption(new Option('--type <type>', 'report type').choices(['daily', 'weekly', 'custom']))
    .option('--date <YYYY-MM-DD>', 'daily: that day; weekly: the last of the seven days')
    .option('--start <YYYY-MM-DD>', 'custom: first day (inclusive)')
    .option('--end <YYYY-MM-DD>', 'custom: last day (inclusive)')
    .requiredOption('--gym <id>', 'gym id')
    .option('--branch <id>', 'only this branch')
    .option('--timezone <zone>', 'IANA time zone of the days (default REPORT_TIMEZONE)')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['json', 'html', 'pdf'])
        .default('json'),
    )
    .option('--out <file>', 'write to this file instead of stdout')
    .option(
      '--send',
      'mail the PDF report now instead of printing it, recorded in `leadwatch deliveries` (as the app’s Send now)',
    )
    .option('--to <emails>', 'with --send: recipients, comma-separated (default REPORT_RECIPIENTS)')
    .action(async (opts: LeadsOptions, cmd: Command) => {
      const params = parseParams(opts);
      if (opts.send) return sendLeadReport(ctx, params, opts, cmd, setExit);
      if (opts.to) throw new UsageError('--to goes with --send (who to mail the report to)');
      if (opts.format === 'pdf' && !opts.out && process.stdout.isTTY) {
        throw new UsageError('--format pdf is binary: write it with --out FILE (or pipe it)');
      }
      const generated = await ctx.open().registry.call('reports.leads.generate', params);
      await emitReport(await formats[opts.format](generated, ctx), generated.source, opts, cmd);
    });
}

/** Flags to the contract's params; anything the schema refuses is a usage error (exit 2). */
export function parseParams(o: LeadsOptions): LeadReportParams {
  const type = o.type ?? (o.start || o.end ? 'custom' : undefined);
  if (!type)
    throw new UsageError('say which period: --type daily|weekly --date D, or --start D --end D');
  if (type !== 'custom' && (o.start || o.end)) {
    throw new UsageError(`--start/--end make a custom report; --type ${type} takes --date`);
  }
  if (type === 'custom' && o.date)
    throw new UsageError('a custom report takes --start and --end, not --date');
  const parsed = leadReportParamsSchema.safeParse({
    type,
    gymId: o.gym,
    branchId: o.branch ?? null,
    date: o.date,
    start: o.start,
    end: o.end,
    timezone: o.timezone,
  });
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  }
  return parsed.data;
}
