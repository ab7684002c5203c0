import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';

const bin = join(__dirname, '..', '..', 'bin', 'leadwatch.js');
const temp = makeTempDir('leadwatch-cli-');
afterAll(() => temp.cleanup());

function leadwatch(args: string[], env: Record<string, string> = {}) {
  const home = env.LEADWATCH_HOME ?? join(temp.dir, 'home');
  const clean = { ...process.env };
  for (const key of ['REDIS_URL', 'DATABASE_URL', 'SMTP_URL', 'CHROME_PATH']) delete clean[key];
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { ...clean, LEADWATCH_HOME: home, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('leadwatch CLI', () => {
  it('prints help and exits 0', () => {
    const r = leadwatch(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/demo/);
    expect(r.stdout).toMatch(/doctor/);
  });

  it('exits 2 on bad usage, with a hint', () => {
    const unknown = leadwatch(['--no-such-flag']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option/i);
    expect(leadwatch(['demo', '--size', 'huge']).code).toBe(2);
    expect(leadwatch(['demo', '--seed', 'abc']).code).toBe(2);
    expect(leadwatch(['demo', '--into', 'redis']).code).toBe(2);
  });

  it('fills a new data dir with demo data, then doctor reports as JSON', () => {
    const home = join(temp.dir, 'fresh');
    const demo = leadwatch(['demo', '--size', 'small', '--json'], { LEADWATCH_HOME: home });
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    const counts = JSON.parse(demo.stdout) as {
      chatSessions: number;
      webChatSessions: number;
      callLogs: number;
    };
    expect(counts.chatSessions).toBeGreaterThan(0);
    expect(counts.callLogs).toBeGreaterThan(0);
    expect(existsSync(join(home, 'leadwatch.db'))).toBe(true);

    const doctor = leadwatch(['doctor', '--json'], { LEADWATCH_HOME: home });
    const report = JSON.parse(doctor.stdout) as {
      ok: boolean;
      checks: { name: string; status: string; hint: string | null }[];
    };
    expect(doctor.code).toBe(0);
    expect(report.ok).toBe(true);
    const byName = Object.fromEntries(report.checks.map((c) => [c.name, c]));
    expect(byName.database?.status).toBe('ok');
    expect(byName['data dir']?.status).toBe('ok');
    expect(byName.redis?.status).toBe('skip');
    expect(byName.redis?.hint).toMatch(/REDIS_URL/);

    // A second demo into a filled store is refused, says how to replace, exits 1.
    const again = leadwatch(['demo', '--size', 'small'], { LEADWATCH_HOME: home });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/replace/);
    expect(leadwatch(['demo', '--if-empty'], { LEADWATCH_HOME: home }).code).toBe(0);

    const info = JSON.parse(leadwatch(['info', '--json'], { LEADWATCH_HOME: home }).stdout) as {
      counts: { sessions: number };
    };
    expect(info.counts.sessions).toBe(counts.chatSessions + counts.webChatSessions);
  });

  it('doctor fails (exit 1) and says what to do when a configured service is unreachable', () => {
    const r = leadwatch(['doctor', '--json'], {
      REDIS_URL: 'redis://127.0.0.1:1/0',
      DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none',
    });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      ok: boolean;
      checks: { name: string; status: string; detail: string; hint: string }[];
    };
    expect(report.ok).toBe(false);
    const pgCheck = report.checks.find((c) => c.name === 'postgresql');
    expect(pgCheck?.status).toBe('fail');
    expect(pgCheck?.hint).toMatch(/DATABASE_URL/);
    // The password never reaches the output.
    expect(r.stdout).not.toContain('secret');
  });

  it('doctor finds the real Redis and PostgreSQL on this machine', () => {
    const r = leadwatch(['doctor', '--json'], {
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0',
      DATABASE_URL: process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    });
    const report = JSON.parse(r.stdout) as { checks: { name: string; status: string }[] };
    expect(report.checks.find((c) => c.name === 'redis')?.status).toBe('ok');
    expect(report.checks.find((c) => c.name === 'postgresql')?.status).toBe('ok');
  });
});
