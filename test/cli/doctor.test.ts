import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { makeTempDir } from '../helpers/temp-dir';

const bin = join(__dirname, '..', '..', 'bin', 'leadwatch.js');
const temp = makeTempDir('leadwatch-doctor-');
afterAll(() => temp.cleanup());

const CONFIG_VARIABLES = [
  'REDIS_URL',
  'DATABASE_URL',
  'SMTP_URL',
  'MAIL_FROM',
  'REPORT_RECIPIENTS',
  'CHROME_PATH',
  'INACTIVITY_MINUTES',
  'MONITOR_INTERVAL_SECONDS',
  'LEADWATCH_HOME',
  'XDG_CONFIG_HOME',
];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the CLI asynchronously (the SMTP sink lives in this process) with a clean config. */
function leadwatch(args: string[], env: Record<string, string>, cwd = temp.dir): Promise<Run> {
  const clean = { ...process.env };
  for (const key of CONFIG_VARIABLES) delete clean[key];
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...clean, ...env }, cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

interface Check {
  name: string;
  status: string;
  detail: string;
  hint: string | null;
}

const checksOf = (r: Run) => {
  const report = JSON.parse(r.stdout) as { ok: boolean; checks: Check[] };
  return { ok: report.ok, by: Object.fromEntries(report.checks.map((c) => [c.name, c])) };
};

describe('leadwatch doctor', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.close();
  });

  it('fails with a row saying what to set when SMTP_URL is set but MAIL_FROM and REPORT_RECIPIENTS are not', async () => {
    const home = join(temp.dir, 'mail');
    const r = await leadwatch(['doctor'], {
      LEADWATCH_HOME: home,
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    });
    expect(r.stdout).not.toContain('All required checks passed');
    expect(r.stdout).toMatch(
      /mail settings\s+FAIL\s+SMTP_URL is set, but MAIL_FROM and REPORT_RECIPIENTS are not/,
    );
    expect(r.stdout).toContain('Set MAIL_FROM (the From address) and REPORT_RECIPIENTS');
    expect(r.code).toBe(1);

    const complete = await leadwatch(['doctor', '--json'], {
      LEADWATCH_HOME: home,
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      MAIL_FROM: 'leadwatch@example.com',
      REPORT_RECIPIENTS: 'manager@example.com',
    });
    expect(checksOf(complete).by['mail settings']?.status).toBe('ok');
  });

  it('prints no password of DATABASE_URL, REDIS_URL or SMTP_URL, in userinfo or in the query string', async () => {
    const r = await leadwatch(['doctor', '--json'], {
      LEADWATCH_HOME: join(temp.dir, 'redact'),
      DATABASE_URL:
        'postgres://127.0.0.1:1/none?user=app&password=pg-query-secret&sslpassword=pg-ssl-secret',
      REDIS_URL: 'redis://:redis-user-secret@127.0.0.1:1/0?password=redis-query-secret',
      SMTP_URL: 'smtp://127.0.0.1:1?user=mailer&pass=smtp-query-secret',
      MAIL_FROM: 'leadwatch@example.com',
      REPORT_RECIPIENTS: 'manager@example.com',
    });
    expect(r.code).toBe(1);
    const output = r.stdout + r.stderr;
    expect(output).not.toMatch(/secret/);
    const { by } = checksOf(r);
    expect(by.postgresql?.detail).toContain('password=•••');
    expect(by.redis?.detail).toContain('redis://:•••@127.0.0.1:1/0?password=•••');
    expect(by.smtp?.detail).toContain('pass=•••');
  });

  it('says a closed Redis port refused the connection, with the address, instead of "Connection is closed."', async () => {
    const r = await leadwatch(['doctor', '--json'], {
      LEADWATCH_HOME: join(temp.dir, 'closed'),
      REDIS_URL: 'redis://:pw@127.0.0.1:1/0',
    });
    const redis = checksOf(r).by.redis;
    expect(redis?.status).toBe('fail');
    expect(redis?.detail).toBe(
      'redis://:•••@127.0.0.1:1/0: connection refused, nothing is listening there',
    );
  });

  it('says an unusable INACTIVITY_MINUTES or MONITOR_INTERVAL_SECONDS is ignored, and what is used', async () => {
    const r = await leadwatch(['doctor', '--json'], {
      LEADWATCH_HOME: join(temp.dir, 'numbers'),
      INACTIVITY_MINUTES: 'abc',
      MONITOR_INTERVAL_SECONDS: '-5',
    });
    const env = checksOf(r).by.environment;
    expect(env?.status).toBe('warn');
    expect(env?.detail).toContain(
      'INACTIVITY_MINUTES=abc is not a whole number above 0, so it is ignored: using 5. Correct or unset it.',
    );
    expect(env?.detail).toContain('MONITOR_INTERVAL_SECONDS=-5 is not a whole number above 0');
  });

  it('daemon says at start-up that an unusable INACTIVITY_MINUTES is ignored', async () => {
    const clean = { ...process.env };
    for (const key of CONFIG_VARIABLES) delete clean[key];
    const child = spawn(process.execPath, [bin, 'daemon'], {
      env: { ...clean, LEADWATCH_HOME: join(temp.dir, 'daemon'), INACTIVITY_MINUTES: '-5' },
    });
    let stdout = '';
    const warned = new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('sweep')) resolve();
      }),
    );
    const closed = new Promise((resolve) => child.on('close', resolve));
    await Promise.race([warned, closed]);
    child.kill('SIGTERM');
    await closed;
    expect(stdout).toMatch(
      /warning: INACTIVITY_MINUTES=-5 is not a whole number above 0, so it is ignored: using 5\. Correct or unset it\./,
    );
  });

  it('with a data dir it cannot write says so and what to do, and still runs every other check', async () => {
    const r = await leadwatch(['doctor', '--json'], {
      LEADWATCH_HOME: '/sys/leadwatch-doctor',
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    });
    expect(r.code).toBe(1);
    const { by } = checksOf(r);
    expect(by['data dir']?.status).toBe('fail');
    expect(by['data dir']?.detail).toMatch(
      /^Leadwatch's data folder \/sys\/leadwatch-doctor is not writable \(permission denied\)\. Set LEADWATCH_HOME to a folder you can write to/,
    );
    expect(by.database?.status).toBe('fail');
    expect(by.database?.detail).toBe('not opened: see the data dir');
    // The rest ran on the environment: SMTP answered, the missing mail settings were found.
    expect(by.smtp?.status).toBe('ok');
    expect(by['mail settings']?.status).toBe('fail');
    expect(by.chromium).toBeDefined();
    expect(by.environment?.status).toBe('ok');
  });

  it('fails at once under /proc instead of spinning a core forever', async () => {
    const r = await leadwatch(['info'], { LEADWATCH_HOME: '/proc/leadwatch-x' });
    expect(r.ms).toBeLessThan(15_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Leadwatch's data folder /proc/leadwatch-x cannot be created there");
  });

  it('info says the data folder is not writable in our words, not a raw EACCES … mkdir', async () => {
    const r = await leadwatch(['info'], { LEADWATCH_HOME: '/sys/leadwatch-info' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^leadwatch: Leadwatch's data folder \/sys\/leadwatch-info is not writable \(permission denied\)\. Set LEADWATCH_HOME/,
    );
    expect(r.stderr).not.toMatch(/mkdir '/);
  });

  it('ignores an empty XDG_CONFIG_HOME instead of using ./Leadwatch in the current folder', async () => {
    const cwd = join(temp.dir, 'cwd');
    const home = join(temp.dir, 'userhome');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(cwd, { recursive: true });
    const r = await leadwatch(['info', '--json'], { XDG_CONFIG_HOME: '', HOME: home }, cwd);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { dataDir: string }).dataDir).toBe(
      join(home, '.config', 'Leadwatch'),
    );
  });
});
