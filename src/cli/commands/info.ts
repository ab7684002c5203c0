import type { Command } from 'commander';
import type { CliContext } from '../context';
import { createOutput, table } from '../output';

export function registerInfo(program: Command, ctx: CliContext): void {
  program
    .command('info')
    .description('show the data dir, schema version and what the local store holds')
    .action(async (_opts, cmd: Command) => {
      const out = createOutput(Boolean(cmd.optsWithGlobals().json));
      const info = await ctx.open().registry.call('app.info');
      out.result(info, () =>
        table([
          ['Leadwatch', info.version],
          ['data dir', info.dataDir],
          ['database', `${info.databasePath} (schema ${info.schemaVersion})`],
          ...Object.entries(info.counts).map(([k, v]) => [k, String(v)]),
        ]),
      );
    });
}
