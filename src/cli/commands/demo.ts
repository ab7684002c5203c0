import { Option, type Command } from 'commander';
import Redis from 'ioredis';
import pg from 'pg';
import { writeDemoToPostgres, type PostgresDemoCounts } from '../../core/demo/into-postgres';
import { AppError } from '../../core/rpc/errors';
import { writeDemoStaff } from '../../core/staff/demo-staff';
import { writeDemoToRedis } from '../../core/demo/into-redis';
import type { CliContext } from '../context';
import { UsageError } from '../errors';
import { createOutput, endProgress, table, type Output } from '../output';

interface DemoOptions {
  into: 'local' | 'redis' | 'postgres';
  seed: string;
  size: 'small' | 'standard';
  replace?: boolean;
  ifEmpty?: boolean;
  redisUrl?: string;
  databaseUrl?: string;
  prefix?: string;
  schema?: string;
  json?: boolean;
}

function parseSeed(raw: string): number {
  const seed = Number(raw);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) {
    throw new UsageError(`--seed must be a whole number from 0 to ${2 ** 31 - 1}, not "${raw}"`);
  }
  return seed;
}

function summary(out: Output, where: string, counts: Record<string, number>): void {
  endProgress();
  out.result({ into: where, ...counts }, () =>
    [
      `Demo data written to ${where}:`,
      table(Object.entries(counts).map(([k, v]) => [`  ${k}`, String(v)])),
    ].join('\n'),
  );
}

/** Per table: the rows generated, and how many were new (a second run with the seed adds none). */
function tableSummary(out: Output, where: string, counts: PostgresDemoCounts): void {
  endProgress();
  const tables = Object.keys(counts.written) as (keyof PostgresDemoCounts['written'])[];
  out.result({ into: where, ...counts }, () =>
    [
      `Demo data written to ${where}:`,
      table([
        ['  table', 'rows', 'new'],
        ...tables.map((t) => [`  ${t}`, String(counts.written[t]), String(counts.inserted[t])]),
      ]),
    ].join('\n'),
  );
}

/** Flags that only mean something for one target are refused elsewhere, not silently ignored. */
function checkTargetFlags(o: DemoOptions): void {
  if (o.ifEmpty && o.into !== 'local')
    throw new UsageError('--if-empty is for the local store; leave it out with --into ' + o.into);
  if (o.replace && o.into === 'redis')
    throw new UsageError(
      '--replace is not needed with --into redis: the same seed writes the same keys again',
    );
  if (o.prefix !== undefined && o.into !== 'redis')
    throw new UsageError('--prefix goes with --into redis');
  if (o.schema !== undefined && o.into !== 'postgres')
    throw new UsageError('--schema goes with --into postgres');
}

async function intoLocal(ctx: CliContext, o: DemoOptions, out: Output): Promise<void> {
  const core = ctx.open();
  if (o.ifEmpty && !(await core.registry.call('app.info')).isEmpty) {
    out.result(
      { into: 'local', skipped: true },
      () => 'The local store already holds data: demo skipped.',
    );
    return;
  }
  const stop = core.events.subscribe((event, payload) => {
    if (event === 'demo.progress') {
      const p = payload as { step: string; done: number; total: number };
      out.progress(`${p.step}: ${p.done}/${p.total}`);
    }
  });
  try {
    const counts = await core.registry
      .call('demo.seed', { seed: parseSeed(o.seed), size: o.size, replace: o.replace })
      .catch(inCliWords);
    summary(out, `the local store (${core.store.path})`, counts);
  } finally {
    stop();
  }
}

/** Core's refusal to overwrite speaks of the contract's `replace: true`; here it is a flag. */
function inCliWords(error: unknown): never {
  if (error instanceof AppError && error.type === 'conflict') {
    throw new AppError(
      'conflict',
      'The local store already holds data. To replace it with demo data, run `leadwatch demo --replace` (everything in the sessions, leads, calls and shop tables is deleted), or add --if-empty to skip when there is data.',
    );
  }
  throw error;
}

async function intoRedis(ctx: CliContext, o: DemoOptions, out: Output): Promise<void> {
  const { redisUrl: url, redisKeyPrefix: prefix } = ctx.config({
    redisUrl: o.redisUrl,
    redisKeyPrefix: o.prefix,
  });
  if (!url) throw new UsageError('--into redis needs REDIS_URL or --redis-url redis://host:6379/0');
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    connectTimeout: 5000,
    lazyConnect: true,
  });
  try {
    await redis.connect();
    const counts = await writeDemoToRedis(
      redis,
      { seed: parseSeed(o.seed), size: o.size, prefix },
      (p) => out.progress(`${p.step}: ${p.done}/${p.total}`),
    );
    summary(out, prefix ? `Redis (key prefix ${prefix})` : 'Redis', { ...counts });
  } finally {
    redis.disconnect();
  }
}

async function intoPostgres(ctx: CliContext, o: DemoOptions, out: Output): Promise<void> {
  const { databaseUrl: url, databaseSchema: schema } = ctx.config({
    databaseUrl: o.databaseUrl,
    databaseSchema: o.schema,
  });
  if (!url)
    throw new UsageError('--into postgres needs DATABASE_URL or --database-url postgres://…');
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 5000 });
  try {
    const demo = { seed: parseSeed(o.seed), size: o.size };
    const counts = await writeDemoToPostgres(
      pool,
      { ...demo, schema, replace: Boolean(o.replace) },
      (p) => out.progress(`${p.step}: ${p.done}/${p.total}`),
    );
    // Names for the calls' staff ids, in Leadwatch's own staff directory (leadwatch schema).
    await writeDemoStaff(pool, demo);
    tableSummary(out, `PostgreSQL (schema ${schema})`, counts);
  } finally {
    await pool.end();
  }
}

export function registerDemo(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description(
      'fill the local store (or Redis/PostgreSQL, in their source layouts) with deterministic demo data',
    )
    .addOption(
      new Option('--into <target>', 'where to write')
        .choices(['local', 'redis', 'postgres'])
        .default('local'),
    )
    .option('--seed <n>', 'random seed: the same seed gives the same data', '42')
    .addOption(
      new Option('--size <size>', 'how much data')
        .choices(['small', 'standard'])
        .default('standard'),
    )
    .option(
      '--replace',
      'replace what the local store holds (--into postgres: empty the seven source tables first)',
    )
    .option('--if-empty', 'only when the local store is empty (for first-start scripts)')
    .option('--redis-url <url>', 'Redis to write to (default REDIS_URL, else the saved setting)')
    .option(
      '--database-url <url>',
      'PostgreSQL to write to (default DATABASE_URL, else the saved setting)',
    )
    .option(
      '--prefix <prefix>',
      'key prefix for --into redis (default REDIS_KEY_PREFIX, else none)',
    )
    .option(
      '--schema <schema>',
      'schema for --into postgres (default DATABASE_SCHEMA, else public)',
    )
    .action(async (_opts, cmd: Command) => {
      const o = cmd.optsWithGlobals() as DemoOptions;
      const out = createOutput(Boolean(o.json));
      checkTargetFlags(o);
      if (o.into === 'redis') await intoRedis(ctx, o, out);
      else if (o.into === 'postgres') await intoPostgres(ctx, o, out);
      else await intoLocal(ctx, o, out);
    });
}
