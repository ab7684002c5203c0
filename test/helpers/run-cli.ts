import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const LEADWATCH_BIN = join(__dirname, '..', '..', 'bin', 'leadwatch.js');

/** Settings a developer's shell may carry that would change what a test's CLI run sees. */
const AMBIENT = [
  'REDIS_URL',
  'REDIS_KEY_PREFIX',
  'DATABASE_URL',
  'DATABASE_SCHEMA',
  'SMTP_URL',
  'MAIL_FROM',
  'REPORT_RECIPIENTS',
  'REPORT_TIMEZONE',
];

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The real `leadwatch` in a child process, with only `env` on top of a cleaned environment.
 * Asynchronous, so servers living in the test's process (an SMTP sink) keep answering.
 */
export function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const clean = { ...process.env };
  for (const key of AMBIENT) delete clean[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LEADWATCH_BIN, ...args], { env: { ...clean, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
