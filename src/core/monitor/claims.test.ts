import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { seedLocalStore } from '../demo/seed-local';
import { openStore, type Store } from '../store/open';
import type { SessionClaims } from './claim';
import { LocalSessionClaims } from './local-claims';
import { PgSessionClaims } from './pg-claims';
import { RedisSessionClaims } from './redis-claims';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const ADMIN_URL = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The behaviour both claim stores promise, run against each with real servers. */
function claimContract(name: string, make: (owner: string, leaseMs: number) => SessionClaims) {
  describe(`${name} session claims`, () => {
    it('gives each session to exactly one of four racing instances', async () => {
      const instances = ['a', 'b', 'c', 'd'].map((o) => make(o, 60_000));
      const ids = Array.from({ length: 40 }, () => randomUUID());
      const results = await Promise.all(
        instances.map(async (claims) => {
          const won: string[] = [];
          for (const id of ids) if ((await claims.claim(id)).kind === 'claimed') won.push(id);
          return won;
        }),
      );
      const all = results.flat();
      expect(all.sort()).toEqual([...ids].sort());
    });

    it('turns a lease into finalized only for its holder, and a finalized session stays done', async () => {
      const a = make('a', 60_000);
      const b = make('b', 60_000);
      const id = randomUUID();
      const claim = await a.claim(id);
      expect(claim.kind).toBe('claimed');
      expect((await b.claim(id)).kind).toBe('busy');
      expect(await b.complete(id, 'lease:b:not-the-token')).toBe(false);
      if (claim.kind !== 'claimed') throw new Error('unreachable');
      expect(await a.complete(id, claim.token)).toBe(true);
      expect((await b.claim(id)).kind).toBe('finalized');
      expect((await a.claim(id)).kind).toBe('finalized');
    });

    it('lets another instance retry once a crashed claimer’s lease expires', async () => {
      const crashed = make('crashed', 300);
      const survivor = make('survivor', 60_000);
      const id = randomUUID();
      const lost = await crashed.claim(id);
      expect((await survivor.claim(id)).kind).toBe('busy');
      await sleep(450);
      const retry = await survivor.claim(id);
      expect(retry.kind).toBe('claimed');
      // The crashed one comes back late: its lease is gone, so it cannot mark the session.
      if (lost.kind === 'claimed') expect(await crashed.complete(id, lost.token)).toBe(false);
      if (retry.kind === 'claimed') expect(await survivor.complete(id, retry.token)).toBe(true);
    });

    it('gives a released lease to the next sweep at once', async () => {
      const a = make('a', 60_000);
      const id = randomUUID();
      const first = await a.claim(id);
      if (first.kind !== 'claimed') throw new Error('expected a claim');
      await a.release(id, first.token);
      expect((await make('b', 60_000).claim(id)).kind).toBe('claimed');
    });
  });
}

const prefix = `lwtest:${randomUUID()}:`;
const redisClients: Redis[] = [];
claimContract('Redis', (owner, leaseMs) => {
  const redis = new Redis(REDIS_URL);
  redisClients.push(redis);
  return new RedisSessionClaims(redis, { prefix, owner, leaseMs, finalizedTtlDays: 7 });
});

describe('Redis finalized key', () => {
  it('is "true" with the configured TTL after completion, as the chatbot system expects', async () => {
    const redis = new Redis(REDIS_URL);
    redisClients.push(redis);
    const claims = new RedisSessionClaims(redis, { prefix, owner: 'x', finalizedTtlDays: 7 });
    const claim = await claims.claim('s1');
    if (claim.kind !== 'claimed') throw new Error('expected a claim');
    expect(await redis.get(`${prefix}session:s1:finalized`)).toMatch(/^lease:x:/);
    await claims.complete('s1', claim.token);
    expect(await redis.get(`${prefix}session:s1:finalized`)).toBe('true');
    const ttl = await redis.ttl(`${prefix}session:s1:finalized`);
    expect(ttl).toBeGreaterThan(7 * 86_400 - 10);
    expect(ttl).toBeLessThanOrEqual(7 * 86_400);
  });
});

const database = `lwtest_claims_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const pools: pg.Pool[] = [];
beforeAll(async () => {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
});
claimContract('PostgreSQL', (owner, leaseMs) => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  // DROP … WITH (FORCE) below may reach a connection that is still closing: its FATAL
  // must not surface as an uncaught error of the test run.
  pool.on('error', () => undefined);
  pools.push(pool);
  return new PgSessionClaims(pool, { owner, leaseMs });
});

// One data dir, a connection per instance: as separate processes sharing leadwatch.db.
const local = makeTempDir('leadwatch-claims-');
const stores: Store[] = [];
claimContract('SQLite (local store)', (owner, leaseMs) => {
  const store = openStore(join(local.dir, 'leadwatch.db'));
  stores.push(store);
  return new LocalSessionClaims(store.sqlite, { owner, leaseMs });
});

describe('SQLite claims after a demo reseed', () => {
  it('are cleared, so a replaced demo session (same id) is reported again', async () => {
    const store = openStore(join(local.dir, 'leadwatch.db'));
    stores.push(store);
    const claims = new LocalSessionClaims(store.sqlite, { owner: 'x' });
    const claim = await claims.claim('redis:seeded');
    if (claim.kind !== 'claimed') throw new Error('expected a claim');
    await claims.complete('redis:seeded', claim.token);
    expect((await claims.claim('redis:seeded')).kind).toBe('finalized');
    seedLocalStore(store, { seed: 1, size: 'small', replace: true }, () => undefined, {
      counts: {
        chatSessions: 2,
        webChatSessions: 0,
        gymLeads: 0,
        callLogs: 0,
        shopUsers: 0,
        shopEvents: 0,
      },
    });
    expect((await claims.claim('redis:seeded')).kind).toBe('claimed');
  });
});

afterAll(async () => {
  for (const store of stores) store.close();
  local.cleanup();
  const cleaner = redisClients[0] ?? new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await cleaner.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length) await cleaner.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  for (const r of redisClients) r.disconnect();
  await Promise.all(pools.map((p) => p.end()));
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
});
