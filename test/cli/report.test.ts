/**
 * `leadwatch report leads` (and `report churn`) as a user runs it: the exact report JSON on stdout (from the
 * local store, and from PostgreSQL when DATABASE_URL is set), --out, and exit codes.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresLeadReportBackend } from '../../src/core/reports/leads/postgres-backend';
import { computeLeadReport } from '../../src/core/reports/leads/service';
import { SqliteLeadReportBackend } from '../../src/core/reports/leads/sqlite-backend';
import { tempPostgres, type TempPostgres } from '../../src/core/reports/leads/testing/databases';
import { leadReportParamsSchema, leadReportSchema } from '../../src/shared/lead-report';
import { parseParams, type LeadsOptions } from '../../src/cli/commands/report';
import { UsageError } from '../../src/cli/errors';
import { makeTempDir } from '../helpers/temp-dir';
import { churnParams as churnParamsOf } from '../../src/cli/commands/report-churn';
import { builtinChurnModel } from '../../src/core/reports/churn/model';
import { computeChurnReport } from '../../src/core/reports/churn/report';
import { SqliteChurnBackend } from '../../src/core/reports/churn/sqlite-backend';
import { churnReportSchema } from '../../src/shared/churn-report';

const bin = join(__dirname, '..', '..', 'bin', 'leadwatch.js');
const temp = makeTempDir('leadwatch-cli-report-');
const home = join(temp.dir, 'home');
let pgDb: TempPostgres;
let gymId: string;

function leadwatch(args: string[], env: Record<string, string> = {}) {
  const clean = { ...process.env };
  for (const key of ['REDIS_URL', 'DATABASE_URL', 'DATABASE_SCHEMA', 'SMTP_URL', 'REPORT_TIMEZONE'])
    delete clean[key];
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { ...clean, LEADWATCH_HOME: home, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  expect(leadwatch(['demo', '--size', 'small', '--seed', '3']).code).toBe(0);
  const db = new Database(join(home, 'leadwatch.db'), { readonly: true });
  gymId = (
    db.prepare('SELECT gym_id FROM leads ORDER BY gym_id LIMIT 1').get() as { gym_id: string }
  ).gym_id;
  db.close();
  pgDb = await tempPostgres('leads_cli');
  const into = leadwatch([
    'demo',
    '--into',
    'postgres',
    '--database-url',
    pgDb.url,
    '--size',
    'small',
    '--seed',
    '3',
  ]);
  expect(into.code).toBe(0);
});
afterAll(async () => {
  await pgDb?.drop();
  temp.cleanup();
});

// Yesterday in London: the demo's data runs up to the current hour.
const date = () => DateTime.now().setZone('Europe/London').minus({ days: 1 }).toISODate() ?? '';
const weekly = () => [
  'report',
  'leads',
  '--type',
  'weekly',
  '--date',
  date(),
  '--gym',
  gymId,
  '--timezone',
  'Europe/London',
];
const params = () =>
  leadReportParamsSchema.parse({ type: 'weekly', date: date(), gymId, timezone: 'Europe/London' });

describe('leadwatch report leads', () => {
  it('prints exactly the report JSON from the local store', async () => {
    const r = leadwatch(weekly());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const printed = leadReportSchema.strict().parse(JSON.parse(r.stdout));
    expect(printed.calls.total).toBeGreaterThan(0);
    const db = new Database(join(home, 'leadwatch.db'), { readonly: true });
    try {
      const expected = await computeLeadReport(new SqliteLeadReportBackend(db), params(), 'UTC');
      expect(r.stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    } finally {
      db.close();
    }
  });

  it('reads PostgreSQL when DATABASE_URL is set, REPORT_TIMEZONE by default', async () => {
    const args = weekly().slice(0, -2);
    const r = leadwatch(args, { DATABASE_URL: pgDb.url, REPORT_TIMEZONE: 'Europe/London' });
    expect(r.code).toBe(0);
    const fromPg = await computeLeadReport(
      new PostgresLeadReportBackend(pgDb.pool),
      params(),
      'UTC',
    );
    expect(JSON.parse(r.stdout)).toEqual(fromPg);
  });

  it('writes --out, and says where with --json', () => {
    const file = join(temp.dir, 'weekly.json');
    const r = leadwatch([...weekly(), '--out', file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ out: file, format: 'json', source: 'local' });
    expect(readFileSync(file, 'utf8')).toBe(leadwatch(weekly()).stdout);
  });

  it('exits 2 on bad usage, with the reason', () => {
    // Each run starts a process (seconds on a busy machine): a few here, the rest in-process below.
    const gym = ['--gym', 'g'];
    const bad: [string[], RegExp][] = [
      [['report', 'leads', '--type', 'daily', '--date', '2026-03-29'], /--gym/],
      [['report', 'leads', ...gym], /which period/],
      [['report', 'leads', '--type', 'daily', '--date', '29/03/2026', ...gym], /YYYY-MM-DD/],
      [
        ['report', 'leads', '--type', 'daily', '--date', '2026-03-01', '--format', 'docx', ...gym],
        /docx/,
      ],
      [
        ['report', 'leads', '--type', 'daily', '--date', '2026-02-30', ...gym],
        /not a calendar day/,
      ],
    ];
    for (const [args, reason] of bad) {
      const r = leadwatch(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toMatch(reason);
      expect(r.stdout).toBe('');
    }
  });

  it('refuses inconsistent period flags as usage errors', () => {
    const bad: [Partial<LeadsOptions>, RegExp][] = [
      [{ type: 'daily' }, /needs a date/],
      [{ start: '2026-03-01' }, /start and end/],
      [{ start: '2026-03-09', end: '2026-03-01' }, /after end/],
      [{ type: 'weekly', start: '2026-03-01', end: '2026-03-02' }, /custom/],
      [{ type: 'custom', date: '2026-03-01' }, /not --date/],
    ];
    for (const [flags, reason] of bad) {
      expect(() => parseParams({ gym: 'g', format: 'json', ...flags })).toThrow(UsageError);
      expect(() => parseParams({ gym: 'g', format: 'json', ...flags })).toThrow(reason);
    }
    expect(
      parseParams({ gym: 'g', format: 'json', start: '2026-03-01', end: '2026-03-07' }),
    ).toEqual({
      type: 'custom',
      gymId: 'g',
      branchId: null,
      start: '2026-03-01',
      end: '2026-03-07',
    });
  });
});

describe('leadwatch report churn', () => {
  const churnParams = () => ({ clientId: 1, weekEnding: date(), timezone: 'Europe/London' });
  const churn = ['report', 'churn', '--client', '1', '--week-ending', date()];

  it('prints the churn report JSON from the local store, and from PostgreSQL when set', async () => {
    const r = leadwatch([...churn, '--timezone', 'Europe/London']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const printed = churnReportSchema.strict().parse(JSON.parse(r.stdout));
    expect(printed.report_data.summary.totalCustomers).toBeGreaterThan(0);
    const db = new Database(join(home, 'leadwatch.db'), { readonly: true });
    try {
      const expected = await computeChurnReport(
        new SqliteChurnBackend(db),
        builtinChurnModel,
        churnParams(),
        'UTC',
      );
      expect(r.stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    } finally {
      db.close();
    }
    const fromPg = leadwatch(churn, { DATABASE_URL: pgDb.url, REPORT_TIMEZONE: 'Europe/London' });
    expect(fromPg.code).toBe(0);
    // The same demo in both: the same report.
    expect(fromPg.stdout).toBe(r.stdout);
  });

  it('exits 2 on a client or a date it cannot read', () => {
    const r = leadwatch(['report', 'churn', '--client', 'one', '--week-ending', '2026-03-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--client takes a number/);
    expect(() => churnParamsOf({ client: '1', weekEnding: '1/3/2026' })).toThrow(/YYYY-MM-DD/);
    expect(churnParamsOf({ client: '12', weekEnding: '2026-03-01' })).toEqual({
      clientId: 12,
      weekEnding: '2026-03-01',
    });
  });
});
