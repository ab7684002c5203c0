import { Command, CommanderError } from 'commander';
import { redactText } from '../core/config/redact';
import { AppError } from '../core/rpc/errors';
import { registerDaemon } from './commands/daemon';
import { registerDemo } from './commands/demo';
import { registerDoctor } from './commands/doctor';
import { registerInfo } from './commands/info';
import { registerMonitor, registerSession, registerSync } from './commands/sessions';
import { registerReport } from './commands/report';
// --- subscriptions, scheduler and deliveries (issue 4) ---
import { registerDeliveries } from './commands/deliveries';
import { CliContext } from './context';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from './errors';
import { appVersion } from '../core/app/app-info';

export function buildProgram(ctx: CliContext, setExit: (code: number) => void): Command {
  const program = new Command('leadwatch')
    .description(
      'Leadwatch: chat sessions, leads and reports from your team’s Redis and PostgreSQL',
    )
    .version(appVersion, '-v, --version')
    .option('--json', 'print machine-readable JSON')
    .showHelpAfterError('(run leadwatch --help for usage)')
    .exitOverride();
  registerDemo(program, ctx);
  registerDoctor(program, ctx, setExit);
  registerInfo(program, ctx);
  registerSync(program, ctx);
  registerMonitor(program, ctx);
  registerSession(program, ctx);
  registerDaemon(program, ctx);
  registerReport(program, ctx, setExit);
  // --- subscriptions, scheduler and deliveries (issue 4) ---
  registerDeliveries(program, ctx, setExit);
  overrideExits(program);
  return program;
}

/** Commander exits the process itself unless told not to, on every level of subcommand. */
function overrideExits(cmd: Command): void {
  cmd.exitOverride();
  for (const sub of cmd.commands) overrideExits(sub);
}

/** Runs the CLI and returns its exit code: 0 ok, 1 failed, 2 bad usage. */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const ctx = new CliContext(env);
  let code = EXIT_OK;
  const program = buildProgram(ctx, (c) => (code = c));
  const json = argv.includes('--json');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    return reportError(error, json);
  } finally {
    ctx.close();
  }
}

function reportError(error: unknown, json: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version are "errors" to commander; they are successes to the user.
    if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code))
      return EXIT_OK;
    if (error.exitCode === 0) return EXIT_OK;
    // Commander has printed its message and the hint on stderr; a script still gets JSON.
    if (json) printJsonError('usage', error.message.replace(/^error:\s*/, ''));
    return EXIT_USAGE;
  }
  const usage =
    error instanceof UsageError || (error instanceof AppError && error.type === 'invalid_input');
  const message = redactText(error instanceof Error ? error.message : String(error));
  if (json) {
    const type =
      error instanceof UsageError ? 'usage' : error instanceof AppError ? error.type : 'failed';
    printJsonError(type, message);
  }
  process.stderr.write(`leadwatch: ${message}\n`);
  return usage ? EXIT_USAGE : EXIT_FAILED;
}

/** The contract's error shape ({ ok: false, error: { type, message } }), one line on stdout. */
function printJsonError(type: string, message: string): void {
  process.stdout.write(`${JSON.stringify({ ok: false, error: { type, message } })}\n`);
}
