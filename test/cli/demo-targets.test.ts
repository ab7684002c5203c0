/**
 * `leadwatch demo --into redis|postgres` as a user runs it: readable counts, and the same
 * precedence as every other command (flag > environment > saved setting > default), so a
 * `sync` with the same environment finds what the demo wrote. Real Redis and PostgreSQL.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempPostgres, type TempPostgres } from '../../src/core/reports/leads/testing/databases';
import { redisTestPrefix, TEST_REDIS_URL } from '../helpers/redis-prefix';
import { runCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

const temp = makeTempDir('leadwatch-cli-demo-');
afterAll(() => temp.cleanup());

interface SyncResult {
  source: string;
  scanned: number;
  inserted: number;
  error: string | null;
}
const syncResults = (stdout: string) => (JSON.parse(stdout) as { results: SyncResult[] }).results;

describe('demo --into redis', () => {
  const own = redisTestPrefix();
  const other = redisTestPrefix();
  afterAll(async () => {
    await own.cleanup();
    await other.cleanup();
  });

  it('writes under REDIS_KEY_PREFIX from the environment, and sync with the same environment finds the sessions', async () => {
    const env = {
      LEADWATCH_HOME: join(temp.dir, 'redis-home'),
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: own.prefix,
    };
    const demo = await runCli(['demo', '--into', 'redis', '--size', 'small'], env);
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain(`Redis (key prefix ${own.prefix})`);
    const sessions = Number(/chatSessions\s+(\d+)/.exec(demo.stdout)?.[1]);
    expect(sessions).toBeGreaterThan(0);
    const [, keys] = await own.redis.scan('0', 'MATCH', `${own.prefix}session:*`, 'COUNT', 10_000);
    expect(keys.length).toBeGreaterThan(0);

    const sync = await runCli(['sync', '--source', 'redis', '--json'], env);
    expect(sync.code, sync.stderr).toBe(0);
    expect(syncResults(sync.stdout)).toEqual([
      expect.objectContaining({ source: 'redis', inserted: sessions, error: null }),
    ]);
  }, 180_000);

  it('a --prefix flag wins over REDIS_KEY_PREFIX', async () => {
    const env = {
      LEADWATCH_HOME: join(temp.dir, 'redis-flag-home'),
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: `${other.prefix}env:`,
    };
    const args = ['demo', '--into', 'redis', '--size', 'small', '--prefix', other.prefix];
    const demo = await runCli(args, env);
    expect(demo.code, demo.stderr).toBe(0);
    const scan = (match: string) => other.redis.scan('0', 'MATCH', match, 'COUNT', 10_000);
    expect((await scan(`${other.prefix}session:*`))[1].length).toBeGreaterThan(0);
    expect((await scan(`${other.prefix}env:*`))[1]).toEqual([]);
  }, 180_000);
});

describe('demo --into postgres', () => {
  let db: TempPostgres;
  const env = () => ({
    LEADWATCH_HOME: join(temp.dir, 'pg-home'),
    DATABASE_URL: db.url,
    DATABASE_SCHEMA: 'demo_env',
  });
  beforeAll(async () => {
    db = await tempPostgres('cli_demo');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('prints rows and new rows per table, into DATABASE_SCHEMA; sync with the same environment finds the web chats', async () => {
    const demo = await runCli(['demo', '--into', 'postgres', '--size', 'small'], env());
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.stdout).not.toContain('[object Object]');
    expect(demo.stdout).toContain('Demo data written to PostgreSQL (schema demo_env):');
    expect(demo.stdout).toMatch(/^\s+table\s+rows\s+new$/m);
    const { rows } = await db.pool.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM demo_env.leads',
    );
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    expect(demo.stdout).toMatch(new RegExp(`^\\s+leads\\s+${rows[0]!.n}\\s+${rows[0]!.n}$`, 'm'));
    const chats = Number(/web_chat_sessions\s+(\d+)/.exec(demo.stdout)?.[1]);

    // The same seed again: every row generated, none new.
    const again = await runCli(['demo', '--into', 'postgres', '--size', 'small'], env());
    expect(again.stdout).toMatch(new RegExp(`^\\s+leads\\s+${rows[0]!.n}\\s+0$`, 'm'));

    const sync = await runCli(['sync', '--source', 'postgres', '--json'], env());
    expect(sync.code, sync.stderr).toBe(0);
    expect(syncResults(sync.stdout)).toEqual([
      expect.objectContaining({ source: 'postgres', inserted: chats, error: null }),
    ]);
  }, 180_000);

  it('a --schema flag wins over DATABASE_SCHEMA; --json gives the counts as numbers', async () => {
    const args = ['demo', '--into', 'postgres', '--size', 'small', '--schema', 'demo_flag'];
    const demo = await runCli([...args, '--json'], env());
    expect(demo.code, demo.stderr).toBe(0);
    const out = JSON.parse(demo.stdout) as {
      written: Record<string, number>;
      inserted: Record<string, number>;
    };
    expect(out.inserted.leads).toBeGreaterThan(0);
    expect(out.written.leads).toBe(out.inserted.leads);
    const { rows } = await db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM demo_flag.leads',
    );
    expect(rows[0]!.n).toBe(out.inserted.leads);
  }, 180_000);
});
