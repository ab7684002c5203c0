/**
 * What the CLI says when something is not right: in its own words (flags, not contract
 * fields), naming exactly what is missing, and as JSON under --json, exit codes unchanged.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL } from '../helpers/redis-prefix';
import { runCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

const temp = makeTempDir('leadwatch-cli-messages-');
afterAll(() => temp.cleanup());
const home = (name: string) => ({ LEADWATCH_HOME: join(temp.dir, name) });

describe('CLI messages', () => {
  it('a second demo names the --replace flag, not the contract’s replace: true', async () => {
    const env = home('twice');
    expect((await runCli(['demo', '--size', 'small'], env)).code).toBe(0);
    const again = await runCli(['demo', '--size', 'small'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds data/);
    expect(again.stderr).toContain('leadwatch demo --replace');
    expect(again.stderr).not.toContain('replace: true');
    expect((await runCli(['demo', '--size', 'small', '--replace'], env)).code).toBe(0);
  }, 120_000);

  it('sync of one source that is not configured says what to set for it', async () => {
    const postgres = await runCli(['sync', '--source', 'postgres'], {
      ...home('sync'),
      REDIS_URL: TEST_REDIS_URL,
    });
    expect(postgres.code).toBe(1);
    expect(postgres.stderr).toMatch(/PostgreSQL: it is not configured\. Set DATABASE_URL/);
    expect(postgres.stderr).not.toContain('REDIS_URL');

    const redis = await runCli(['sync', '--source', 'redis', '--json'], home('sync'));
    expect(redis.code).toBe(1);
    expect(JSON.parse(redis.stdout)).toEqual({
      ok: false,
      error: { type: 'failed', message: expect.stringMatching(/Set REDIS_URL/) as string },
    });
    expect(redis.stdout).not.toContain('DATABASE_URL');

    // A configured source that does not answer shows why, under the table.
    const down = await runCli(['sync', '--source', 'redis'], {
      ...home('sync'),
      REDIS_URL: 'redis://127.0.0.1:1/0',
    });
    expect(down.stdout).toMatch(/^\s+redis: Redis did not answer/m);

    const none = await runCli(['sync'], home('sync'));
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/^Nothing to sync: neither Redis nor PostgreSQL is configured/);
  }, 120_000);

  it('usage errors print the JSON error under --json and still exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--json', 'demo', '--size', 'huge'], /argument 'huge' is invalid/],
      [['demo', '--seed', 'abc', '--json'], /--seed must be a whole number/],
      [['--json', 'no-such-command'], /unknown command 'no-such-command'/],
      [['report', 'leads', '--gym', 'g', '--json'], /which period/],
      [['demo', '--into', 'local', '--prefix', 'x:', '--json'], /--prefix goes with --into redis/],
    ];
    const runs = await Promise.all(cases.map(([args]) => runCli(args, home('usage'))));
    runs.forEach((r, i) => {
      const [args, message] = cases[i]!;
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(JSON.parse(r.stdout)).toEqual({
        ok: false,
        error: { type: 'usage', message: expect.stringMatching(message) as string },
      });
    });
    // Without --json, stdout stays empty and the reason goes to stderr.
    const plain = await runCli(['demo', '--size', 'huge'], home('usage'));
    expect(plain).toMatchObject({ code: 2, stdout: '' });
    expect(plain.stderr).toMatch(/argument 'huge' is invalid/);
  }, 120_000);
});
