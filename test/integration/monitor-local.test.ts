/**
 * The embedded default: demo data in the local store, no Redis, no PostgreSQL. Session
 * reports are claimed in the local store, so the whole flow (idle session, PDF, mail,
 * finalized) runs with SQLite and an SMTP server alone, exactly once for every process on
 * one data dir; with no mail settings "end now" still makes the PDF and says what to set.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/core';
import { seedLocalStore } from '../../src/core/demo/seed-local';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { makeTempDir } from '../helpers/temp-dir';

const ROOT = join(__dirname, '..', '..');
const temp = makeTempDir('leadwatch-monitor-local-');
let smtp: SmtpSink;
const cores: Core[] = [];

const base = {
  INACTIVITY_MINUTES: '5',
  REPORT_TIMEZONE: 'UTC',
  CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium',
};
const mail = () => ({
  SMTP_URL: smtp.url,
  MAIL_FROM: 'leadwatch@example.com',
  REPORT_RECIPIENTS: 'sales@example.com',
});

/** A data dir holding a few demo sessions, all idle for an hour and more. */
function seededDir(name: string): string {
  const dataDir = join(temp.dir, name);
  const core = createCore({ dataDir, env: base });
  seedLocalStore(core.store, { seed: 11, size: 'small', replace: false }, () => undefined, {
    now: new Date(Date.now() - 3600_000),
    counts: {
      chatSessions: 3,
      webChatSessions: 1,
      gymLeads: 0,
      callLogs: 0,
      shopUsers: 0,
      shopEvents: 0,
    },
  });
  core.close();
  return dataDir;
}

function instance(dataDir: string, env: Record<string, string>): Core {
  const core = createCore({ dataDir, env: { ...base, ...env } });
  cores.push(core);
  return core;
}

/** Sessions worth a report: visitor data or messages (the monitor skips the empty ones). */
async function reportable(core: Core): Promise<string[]> {
  const { items } = await core.registry.call('sessions.list', { limit: 100 });
  return items.filter((s) => s.messageCount > 0 || s.visitorName !== null).map((s) => s.id);
}

/** The file id a mail reports on, from its attachment `session_{id}.pdf`. */
const mailedFiles = () =>
  smtp.inbox.map((m) => m.attachments.map((a) => a.filename ?? '').join(','));

/** `node bin/leadwatch.js …` as a separate process, with only the environment given. */
function leadwatch(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['bin/leadwatch.js', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code) => resolve({ code, stdout, stderr })),
  );
}

beforeAll(async () => {
  smtp = await startSmtpSink();
});

afterAll(async () => {
  for (const core of cores) core.close();
  await smtp.close();
  temp.cleanup();
});

describe('session reports on the embedded default (SQLite and SMTP only)', () => {
  it('a sweep mails each idle demo session once, with its PDF, and finalizes it', async () => {
    smtp.inbox.length = 0;
    const core = instance(seededDir('sweep'), mail());
    const due = await reportable(core);
    expect(due.length).toBeGreaterThan(0);

    const run = await core.registry.call('monitor.runOnce');
    expect(run.failed).toEqual([]);
    expect([...run.finalized].sort()).toEqual([...due].sort());
    expect(run.notice).toBeNull();
    expect(smtp.inbox).toHaveLength(due.length);
    expect(new Set(mailedFiles()).size).toBe(due.length);
    for (const m of smtp.inbox) {
      expect(m.to && 'text' in m.to ? m.to.text : '').toContain('sales@example.com');
      expect(m.attachments[0]?.content.subarray(0, 5).toString()).toBe('%PDF-');
    }
    for (const id of due) {
      expect((await core.registry.call('sessions.get', { id })).finalized).toBe(true);
    }
    // Nothing is left: a second sweep sends nothing more.
    expect((await core.registry.call('monitor.runOnce')).finalized).toEqual([]);
    expect(smtp.inbox).toHaveLength(due.length);
  });

  it('without mail settings, "end now" makes the PDF, says what to set, and finalizes nothing', async () => {
    smtp.inbox.length = 0;
    const dataDir = seededDir('no-smtp');
    const core = instance(dataDir, {});
    const [id] = await reportable(core);
    const r = await core.registry.call('sessions.endNow', { id: id! });
    expect(r.outcome).toBe('pdf_only');
    expect(r.pdfPath).toMatch(/\.pdf$/);
    expect(readFileSync(r.pdfPath!).subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.notice).toBe('Set SMTP_URL, MAIL_FROM and REPORT_RECIPIENTS (Settings) to mail it.');
    expect((await core.registry.call('sessions.get', { id: id! })).finalized).toBe(false);

    // The sweep renders nothing while mail is not set up and says why once, not per session.
    const reports = readdirSync(join(dataDir, 'reports'));
    const sweep = await core.registry.call('monitor.runOnce');
    expect(sweep.finalized).toEqual([]);
    expect(sweep.failed).toEqual([]);
    expect(sweep.waiting).toBe((await reportable(core)).length);
    expect(sweep.notice).toMatch(
      /^\d+ idle sessions? waits? for (its|their) reports?\. Set SMTP_URL/,
    );
    expect(readdirSync(join(dataDir, 'reports'))).toEqual(reports);
    const logged = core.store.sqlite
      .prepare("SELECT COUNT(*) AS n FROM error_log WHERE scope = 'monitor'")
      .get() as { n: number };
    expect(logged.n).toBe(0);
    expect(smtp.inbox).toHaveLength(0);
  });

  it('`leadwatch session end` twice mails one report and exits 0 both times', async () => {
    smtp.inbox.length = 0;
    const dataDir = seededDir('cli-end');
    const probe = instance(dataDir, {});
    const [id] = await reportable(probe);
    const env = { LEADWATCH_HOME: dataDir, ...mail() };

    const first = await leadwatch(['session', 'end', id!], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`${id}: report sent, session finalized`);
    expect(first.stdout).toMatch(/PDF: .*\.pdf/);
    const second = await leadwatch(['session', 'end', id!, '--json'], env);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({
      sessionId: id,
      outcome: 'already_finalized',
    });
    expect(smtp.inbox).toHaveLength(1);

    // Without mail settings the CLI says it made only the PDF, where it is and what to set.
    const [other] = (await reportable(probe)).filter((s) => s !== id);
    const pdfOnly = await leadwatch(['session', 'end', other!], { LEADWATCH_HOME: dataDir });
    expect(pdfOnly.code).toBe(0);
    expect(pdfOnly.stdout).toContain('PDF made, not mailed');
    const path = /PDF: (.+\.pdf)/.exec(pdfOnly.stdout)?.[1];
    expect(path && existsSync(path)).toBe(true);
    expect(pdfOnly.stdout).toContain('Set SMTP_URL, MAIL_FROM and REPORT_RECIPIENTS');
    expect(smtp.inbox).toHaveLength(1);
  });

  it('two monitor processes racing on one data dir send each report once', async () => {
    smtp.inbox.length = 0;
    const dataDir = seededDir('race');
    const due = await reportable(instance(dataDir, {}));
    expect(due.length).toBeGreaterThan(1);
    const env = { LEADWATCH_HOME: dataDir, ...mail() };
    const runs = await Promise.all([
      leadwatch(['monitor', '--once', '--json'], env),
      leadwatch(['monitor', '--once', '--json'], env),
    ]);
    const results = runs.map((r) => {
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { finalized: string[]; failed: unknown[] };
    });
    const sent = results.flatMap((r) => r.finalized);
    expect(results.flatMap((r) => r.failed)).toEqual([]);
    expect([...sent].sort()).toEqual([...due].sort()); // each once, none twice
    expect(smtp.inbox).toHaveLength(due.length);
    expect(new Set(mailedFiles()).size).toBe(due.length);
  });
});
