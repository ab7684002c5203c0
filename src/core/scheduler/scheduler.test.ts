import { DateTime } from 'luxon';
import schedule from 'node-schedule';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { startMailSink, type MailSink } from '../deliveries/testing/mail-sink';
import { waitFor } from '../deliveries/testing/wait';
import { deliveryWorld, subscription, type World } from '../deliveries/testing/world';
import { TEAM_BACKENDS, teamBackend, type TeamBackend } from '../team-db/testing/backends';

let sink: MailSink;
let backend: TeamBackend;
const temps: { cleanup(): void }[] = [];
const worlds: World[] = [];

/** A clock the test moves; everything in the world reads it. */
function clock(iso: string) {
  const c = {
    t: Date.parse(iso),
    now: () => new Date(c.t),
    set: (s: string) => (c.t = Date.parse(s)),
  };
  return c;
}

/**
 * An instance. `peer`: another instance of the same team, sharing its data dir on the
 * local store, or only the database (its own data dir, another machine) on PostgreSQL.
 */
function world(peer?: World, options: Parameters<typeof deliveryWorld>[1] = {}): World {
  let where = peer && !backend.pool() ? peer.db.path.replace(/\/leadwatch\.db$/, '') : null;
  if (!where) {
    const temp = makeTempDir('leadwatch-scheduler-');
    temps.push(temp);
    where = temp.dir;
  }
  const w = deliveryWorld(where, {
    ...options,
    pool: backend.pool(),
    config: { smtpUrl: sink.url },
  });
  worlds.push(w);
  return w;
}

beforeAll(async () => {
  sink = await startMailSink();
});
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
  await backend.reset();
  sink.inbox.length = 0;
});
afterAll(async () => {
  await sink.close();
  for (const t of temps) t.cleanup();
});

describe.each(TEAM_BACKENDS)('scheduler on the %s', (name) => {
  beforeAll(async () => {
    backend = await teamBackend(name, 'scheduler');
  });
  afterAll(async () => {
    await backend.drop();
  });

  it('delivers the last missed run at start-up, once, and nothing older', async () => {
    const c = clock('2026-11-20T10:00:00Z');
    const w = world(undefined, { now: c.now });
    const sub = await w.subscriptions.save(subscription()); // daily 07:00 Berlin
    c.set('2026-11-23T12:00:00Z'); // no instance ran for three days
    w.scheduler.start();
    const d = await waitFor(async () => {
      const item = (await w.deliveries.list({ offset: 0, limit: 10 })).items[0];
      return item?.status === 'sent' ? item : undefined;
    });
    expect(d).toMatchObject({
      subscriptionId: sub.id,
      trigger: 'schedule',
      periodStart: '2026-11-21T23:00:00.000Z', // 22 Nov in Berlin: the day before today's run
      periodEnd: '2026-11-22T23:00:00.000Z',
    });
    expect((await w.deliveries.list({ offset: 0, limit: 10 })).total).toBe(1);
    expect(sink.inbox).toHaveLength(1);
    // Ticking again (a timer, a poll, a restart) claims nothing new for the same period.
    expect((await w.scheduler.tick()).claimed).toEqual([]);
  });

  it('does not deliver a run older than the catch-up window', async () => {
    const c = clock('2026-11-01T10:00:00Z');
    const w = world(undefined, { now: c.now, scheduler: { catchUpMs: 86_400_000 } });
    await w.subscriptions.save(subscription({ reportType: 'weekly', deliveryDays: ['mon'] }));
    c.set('2026-11-19T12:00:00Z'); // Thursday: Monday's run is three days back
    expect(await w.scheduler.tick()).toEqual({ claimed: [], ran: [] });
  });

  it('two instances ticking at the due time claim the period once', async () => {
    const c = clock('2026-11-22T12:00:00Z');
    const a = world(undefined, { now: c.now });
    const b = world(a, { now: c.now });
    await a.subscriptions.save(subscription());
    c.set('2026-11-23T06:00:00Z'); // 07:00 in Berlin
    const [ra, rb] = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect([...ra.claimed, ...rb.claimed]).toHaveLength(1);
    expect([...ra.ran, ...rb.ran]).toHaveLength(1);
    expect(sink.inbox).toHaveLength(1);
  });

  it('re-plans at once when a subscription is saved, changed, paused or deleted', async () => {
    // A long poll: only the change itself can re-plan within the waits below.
    const w = world(undefined, { scheduler: { pollMs: 60_000 } });
    w.scheduler.start();
    const planned = (ids: number[]) =>
      waitFor(() => JSON.stringify(w.scheduler.plannedIds) === JSON.stringify(ids), 2_000);
    const sub = await w.subscriptions.save(
      subscription({ deliveryTime: '06:15', timezone: 'Asia/Tokyo' }),
    );
    await planned([sub.id]);
    const job = () => schedule.scheduledJobs[`subscription-${sub.id}`];
    const at = () =>
      DateTime.fromMillis(job()!.nextInvocation()!.getTime())
        .setZone('Asia/Tokyo')
        .toFormat('HH:mm');
    expect(at()).toBe('06:15');

    await w.subscriptions.save({
      ...subscription({ deliveryTime: '18:45', timezone: 'Asia/Tokyo' }),
      id: sub.id,
    });
    await waitFor(() => job() && at() === '18:45', 2_000, 'the new time');
    await w.subscriptions.save({ ...subscription({ active: false }), id: sub.id });
    await planned([]);
    await w.subscriptions.save({ ...subscription(), id: sub.id });
    await planned([sub.id]);
    await w.subscriptions.delete(sub.id);
    await planned([]);
    expect(job()).toBeUndefined();
  });

  it('reports an outage once, however many polls fail, and a new one after recovery', async () => {
    const errors: string[] = [];
    const w = world(undefined, { scheduler: { pollMs: 40, onError: (m) => errors.push(m) } });
    const real = w.subscriptions.active.bind(w.subscriptions);
    const down = () => Promise.reject(new Error('team database is not reachable'));
    w.subscriptions.active = down;
    w.scheduler.start();
    await new Promise((r) => setTimeout(r, 300)); // several polls
    expect(errors).toEqual(['scheduler tick failed: Error: team database is not reachable']);
    w.subscriptions.active = real;
    await new Promise((r) => setTimeout(r, 150));
    w.subscriptions.active = down;
    await waitFor(() => errors.length === 2, 2_000, 'the second outage');
    await new Promise((r) => setTimeout(r, 200));
    expect(errors).toHaveLength(2);
  });

  it('a real node-schedule timer fires a subscription due in a few seconds, in its own zone', async () => {
    const w = world(undefined, { scheduler: { pollMs: 60_000 } });
    w.scheduler.start();
    const zone = 'Asia/Kolkata';
    const due = DateTime.now().setZone(zone).plus({ seconds: 3 }).startOf('second');
    const sub = await w.subscriptions.save(
      subscription({ deliveryTime: due.toFormat('HH:mm:ss'), timezone: zone }),
    );
    expect((await w.deliveries.list({ offset: 0, limit: 5 })).total).toBe(0);
    const d = await waitFor(async () => {
      const item = (await w.deliveries.list({ offset: 0, limit: 5 })).items[0];
      return item?.status === 'sent' ? item : undefined;
    }, 10_000);
    expect(Date.parse(d.createdAt)).toBeGreaterThanOrEqual(due.toMillis());
    expect(d.subscriptionId).toBe(sub.id);
    expect(d.periodStart).toBe(
      due.startOf('day').minus({ days: 1 }).toUTC().toJSDate().toISOString(),
    );
    expect(sink.inbox).toHaveLength(1);
  });
});
