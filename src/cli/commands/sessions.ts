import { Option, type Command } from 'commander';
import { copyFile } from 'node:fs/promises';
import type { CliContext } from '../context';
import { createOutput, endProgress, table } from '../output';

const json = (cmd: Command) => Boolean(cmd.optsWithGlobals().json);

const notSetUp = {
  redis:
    'Nothing to sync from Redis: it is not configured. Set REDIS_URL (or save a Redis URL in Settings).',
  postgres:
    'Nothing to sync from PostgreSQL: it is not configured. Set DATABASE_URL (or save a database URL in Settings).',
} as const;

export function registerSync(program: Command, ctx: CliContext): void {
  program
    .command('sync')
    .description(
      'mirror chat sessions from Redis and PostgreSQL into the local store (incremental)',
    )
    .addOption(
      new Option('--source <source>', 'which source')
        .choices(['redis', 'postgres', 'all'])
        .default('all'),
    )
    .action(async (opts: { source: 'redis' | 'postgres' | 'all' }, cmd: Command) => {
      const out = createOutput(json(cmd));
      const core = ctx.open();
      const stop = core.events.subscribe((event, payload) => {
        if (event !== 'sync.progress') return;
        const p = payload as { source: string; step: string; done: number; total: number };
        out.progress(`${p.source} ${p.step}: ${p.done}/${p.total}`);
      });
      try {
        const { results } = await core.registry.call('sync.run', { source: opts.source });
        endProgress();
        // Asked for one source that is not set up: that is a failure, and it names what to set.
        if (results.length === 0 && opts.source !== 'all') throw new Error(notSetUp[opts.source]);
        out.result({ results }, () =>
          results.length === 0
            ? 'Nothing to sync: neither Redis nor PostgreSQL is configured. Set REDIS_URL and/or DATABASE_URL (or save them in Settings).'
            : table([
                [
                  'source',
                  'scanned',
                  'inserted',
                  'updated',
                  'unchanged',
                  'vanished',
                  'failed',
                  'ms',
                ],
                ...results.map((r) => [
                  r.source,
                  ...[
                    r.scanned,
                    r.inserted,
                    r.updated,
                    r.unchanged,
                    r.vanished,
                    r.failed.length,
                  ].map(String),
                  String(Math.round(r.durationMs)),
                ]),
              ]) +
              results
                .flatMap((r) => [
                  ...(r.error ? [`\n  ${r.source}: ${r.error}`] : []),
                  ...r.failed.map((f) => `\n  ${r.source} ${f.id}: ${f.error}`),
                ])
                .join(''),
        );
      } finally {
        stop();
      }
    });
}

export function registerMonitor(program: Command, ctx: CliContext): void {
  program
    .command('monitor')
    .description(
      'report sessions idle longer than INACTIVITY_MINUTES (exactly once across instances)',
    )
    .requiredOption('--once', 'run one sweep and exit (use `leadwatch daemon` to keep running)')
    .action(async (_opts, cmd: Command) => {
      const out = createOutput(json(cmd));
      const result = await ctx.open().registry.call('monitor.runOnce');
      out.result(result, () =>
        [
          `checked ${result.checked}, reported ${result.finalized.length}, skipped ${result.skipped} empty, failed ${result.failed.length}`,
          ...result.finalized.map((id) => `  sent ${id}`),
          ...result.failed.map((f) => `  failed ${f.id}: ${f.error}`),
          ...(result.notice ? [result.notice] : []),
        ].join('\n'),
      );
    });
}

export function registerSession(program: Command, ctx: CliContext): void {
  const session = program.command('session').description('one chat session');
  session
    .command('report <id>')
    .description(
      'render the session’s PDF report (kept in the data dir’s reports/, copied to --out)',
    )
    .option('--out <file>', 'where to write the PDF')
    .action(async (id: string, opts: { out?: string }, cmd: Command) => {
      const out = createOutput(json(cmd));
      const r = await ctx.open().registry.call('sessions.renderReport', { id });
      if (opts.out) await copyFile(r.pdfPath, opts.out);
      const written = opts.out ?? r.pdfPath;
      out.result({ ...r, out: written }, () => `${r.sessionId}: ${written} (${r.bytes} bytes)`);
    });
  session
    .command('end <id>')
    .description(
      'end the session now and mail its report (same exactly-once claim as the monitor); without mail settings, only make its PDF',
    )
    .action(async (id: string, _opts, cmd: Command) => {
      const out = createOutput(json(cmd));
      const r = await ctx.open().registry.call('sessions.endNow', { id });
      const said = {
        sent: 'report sent, session finalized',
        already_finalized: 'its report was already sent',
        busy: 'another instance is sending its report right now',
        skipped_empty: 'nothing to report (no visitor data, no messages)',
        pdf_only: 'PDF made, not mailed (the session stays open)',
      } as const;
      out.result(r, () =>
        [
          `${r.sessionId}: ${said[r.outcome]}`,
          ...(r.pdfPath ? [`  PDF: ${r.pdfPath}`] : []),
          ...(r.notice ? [`  ${r.notice}`] : []),
        ].join('\n'),
      );
    });
}
