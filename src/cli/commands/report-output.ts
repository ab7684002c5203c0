import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { createOutput } from '../output';

/**
 * A generated report's bytes to stdout, or to --out with a line (or, with --json, an
 * object) saying where. Which source answered goes to a person at a terminal only:
 * stdout is the report itself.
 */
export async function emitReport(
  body: string | Uint8Array,
  source: 'postgres' | 'local',
  where: { out?: string; format: string },
  cmd: Command,
): Promise<void> {
  const from = source === 'postgres' ? 'PostgreSQL' : 'the local store';
  if (!where.out) {
    process.stdout.write(body);
    if (process.stderr.isTTY) process.stderr.write(`(from ${from})\n`);
    return;
  }
  // A new file is private like the data dir's (visitors' data); one that exists keeps its mode.
  await writeFile(where.out, body, { mode: 0o600 });
  createOutput(Boolean(cmd.optsWithGlobals().json)).result(
    { out: where.out, format: where.format, source },
    () => `Report written to ${where.out} (from ${from})`,
  );
}
