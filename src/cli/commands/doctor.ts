import type { Command } from 'commander';
import { settingsSchema } from '../../shared/contract';
import { effectiveConfig } from '../../core/config/effective';
import type { CheckResult } from '../../core/doctor/checks';
import { runDoctor } from '../../core/doctor/doctor';
import type { CliContext } from '../context';
import { EXIT_FAILED, EXIT_OK } from '../errors';
import { createOutput, table } from '../output';

const MARK: Record<CheckResult['status'], string> = {
  ok: 'ok',
  warn: 'warn',
  fail: 'FAIL',
  skip: '-',
};

function databaseCheck(ctx: CliContext): CheckResult {
  try {
    const { store } = ctx.open();
    return {
      name: 'database',
      status: 'ok',
      detail: `${store.path} (schema ${store.schemaVersion})`,
      hint: null,
    };
  } catch (error) {
    return {
      name: 'database',
      status: 'fail',
      detail: (error as Error).message,
      hint: null,
    };
  }
}

export function registerDoctor(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  program
    .command('doctor')
    .description(
      'check Node, the data dir, the local database, Chromium, Redis, PostgreSQL and SMTP',
    )
    .action(async (_opts, cmd: Command) => {
      const out = createOutput(Boolean(cmd.optsWithGlobals().json));
      const database = databaseCheck(ctx);
      // Without a store there are no saved settings, but every other check still runs on
      // the environment and the defaults: one broken folder must not hide the rest.
      const config =
        database.status === 'ok'
          ? ctx.config()
          : effectiveConfig(settingsSchema.parse({}), ctx.env);
      const report = await runDoctor(ctx.dataDir, config, ctx.env);
      const dataDirFailed = report.checks.some((c) => c.name === 'data dir' && c.status === 'fail');
      if (dataDirFailed && database.status === 'fail')
        database.detail = 'not opened: see the data dir';
      const checks = [...report.checks.slice(0, 2), database, ...report.checks.slice(2)];
      const ok = report.ok && database.status !== 'fail';
      out.result({ ok, dataDir: ctx.dataDir, checks }, () => {
        const rows = [
          ['check', 'status', 'detail'],
          ...checks.map((c) => [c.name, MARK[c.status], c.detail]),
        ];
        const hints = checks
          .filter((c) => c.hint && c.status !== 'ok')
          .map((c) => `- ${c.name}: ${c.hint}`);
        return [
          table(rows),
          hints.length ? `\nWhat to do:\n${hints.join('\n')}` : '',
          ok ? '\nAll required checks passed.' : '\nSome checks failed.',
        ].join('\n');
      });
      setExit(ok ? EXIT_OK : EXIT_FAILED);
    });
}
