import { Option, type Command } from 'commander';
import Redis from 'ioredis';
import pg from 'pg';
import { writeDemoToPostgres } from '../../core/demo/into-postgres';
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
  prefix: string;
  schema: string;
  json?: boolean;
}

function parseSeed(raw: string): number {
  const seed = Number(raw);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) {
    throw new UsageError(`--seed must be a whole number from 0 to ${2 ** 31 - 1}, not "${raw}"`);
  }
  return seed;
}

function summary(out: Output, where: string, counts: object): void {
  endProgress();
  out.result({ into: where, ...counts }, () =>
    [
      `Demo data written to ${where}:`,
      table(Object.entries(counts).map(([k, v]) => [`  ${k}`, String(v)])),
    ].join('\n'),
  );
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
    const counts = await core.registry.call('demo.seed', {
      seed: parseSeed(o.seed),
      size: o.size,
      replace: o.replace,
    });
    summary(out, `the local store (${core.store.path})`, counts);
  } finally {
    stop();
  }
}

async function intoRedis(ctx: CliContext, o: DemoOptions, out: Output): Promise<void> {
  const url = ctx.config({ redisUrl: o.redisUrl }).redisUrl;
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
      { seed: parseSeed(o.seed), size: o.size, prefix: o.prefix },
      (p) => out.progress(`${p.step}: ${p.done}/${p.total}`),
    );
    summary(out, 'Redis', counts);
  } finally {
    redis.disconnect();
  }
}

async function intoPostgres(ctx: CliContext, o: DemoOptions, out: Output): Promise<void> {
  const url = ctx.config({ databaseUrl: o.databaseUrl }).databaseUrl;
  if (!url)
    throw new UsageError('--into postgres needs DATABASE_URL or --database-url postgres://…');
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 5000 });
  try {
    const demo = { seed: parseSeed(o.seed), size: o.size };
    const counts = await writeDemoToPostgres(pool, { ...demo, schema: o.schema }, (p) =>
      out.progress(`${p.step}: ${p.done}/${p.total}`),
    );
    // Names for the calls' staff ids, in Leadwatch's own staff directory (leadwatch schema).
    await writeDemoStaff(pool, demo);
    summary(out, `PostgreSQL (schema ${o.schema})`, counts);
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
    .option('--replace', 'replace what the local store holds')
    .option('--if-empty', 'only when the local store is empty (for first-start scripts)')
    .option('--redis-url <url>', 'Redis to write to (default REDIS_URL)')
    .option('--database-url <url>', 'PostgreSQL to write to (default DATABASE_URL)')
    .option('--prefix <prefix>', 'key prefix for --into redis', '')
    .option('--schema <schema>', 'schema for --into postgres', 'public')
    .action(async (_opts, cmd: Command) => {
      const o = cmd.optsWithGlobals() as DemoOptions;
      const out = createOutput(Boolean(o.json));
      if (o.into === 'redis') await intoRedis(ctx, o, out);
      else if (o.into === 'postgres') await intoPostgres(ctx, o, out);
      else await intoLocal(ctx, o, out);
    });
}
