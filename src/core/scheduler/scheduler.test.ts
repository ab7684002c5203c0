import { DateTime } from 'luxon';
import schedule from 'node-schedule';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { startMailSink, type MailSink } from '../deliveries/testing/mail-sink';
import { waitFor } from '../deliveries/testing/wait';
import { deliveryWorld, subscription, type World } from '../deliveries/testing/world';

let sink: MailSink;
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

function world(dir?: string, options: Parameters<typeof deliveryWorld>[1] = {}): World {
  let where = dir;
  if (!where) {
    const temp = makeTempDir('leadwatch-scheduler-');
    temps.push(temp);
    where = temp.dir;
  }
  const w = deliveryWorld(where, { ...options, config: { smtpUrl: sink.url } });
  worlds.push(w);
  return w;
}

const dirOf = (w: World) => w.db.path.replace(/\/leadwatch\.db$/, '');

beforeAll(async () => {
  sink = await startMailSink();
});
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
  sink.inbox.length = 0;
});
afterAll(async () => {
  await sink.close();
  for (const t of temps) t.cleanup();
});

describe('scheduler', () => {
  it('delivers the last missed run at start-up, once, and nothing older', async () => {
    const c = clock('2026-11-20T10:00:00Z');
    const w = world(undefined, { now: c.now });
    const sub = w.subscriptions.save(subscription()); // daily 07:00 Berlin
    c.set('2026-11-23T12:00:00Z'); // no instance ran for three days
    w.scheduler.start();
    const d = await waitFor(() => {
      const item = w.deliveries.list({ offset: 0, limit: 10 }).items[0];
      return item?.status === 'sent' ? item : undefined;
    });
    expect(d).toMatchObject({
      subscriptionId: sub.id,
      trigger: 'schedule',
      periodStart: '2026-11-21T23:00:00.000Z', // 22 Nov in Berlin: the day before today's run
      periodEnd: '2026-11-22T23:00:00.000Z',
    });
    expect(w.deliveries.list({ offset: 0, limit: 10 }).total).toBe(1);
    expect(sink.inbox).toHaveLength(1);
    // Ticking again (a timer, a poll, a restart) claims nothing new for the same period.
    expect((await w.scheduler.tick()).claimed).toEqual([]);
  });

  it('does not deliver a run older than the catch-up window', async () => {
    const c = clock('2026-11-01T10:00:00Z');
    const w = world(undefined, { now: c.now, scheduler: { catchUpMs: 86_400_000 } });
    w.subscriptions.save(subscription({ reportType: 'weekly', deliveryDays: ['mon'] }));
    c.set('2026-11-19T12:00:00Z'); // Thursday: Monday's run is three days back
    expect(await w.scheduler.tick()).toEqual({ claimed: [], ran: [] });
  });

  it('two instances ticking at the due time claim the period once', async () => {
    const c = clock('2026-11-22T12:00:00Z');
    const a = world(undefined, { now: c.now });
    const b = world(dirOf(a), { now: c.now });
    a.subscriptions.save(subscription());
    c.set('2026-11-23T06:00:00Z'); // 07:00 in Berlin
    const [ra, rb] = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect([...ra.claimed, ...rb.claimed]).toHaveLength(1);
    expect([...ra.ran, ...rb.ran]).toHaveLength(1);
    expect(sink.inbox).toHaveLength(1);
  });

  it('re-plans at once when a subscription is saved, changed, paused or deleted', () => {
    const w = world();
    w.scheduler.start();
    const sub = w.subscriptions.save(
      subscription({ deliveryTime: '06:15', timezone: 'Asia/Tokyo' }),
    );
    expect(w.scheduler.plannedIds).toEqual([sub.id]);
    const job = () => schedule.scheduledJobs[`subscription-${sub.id}`];
    const next = () =>
      DateTime.fromMillis(job()!.nextInvocation()!.getTime()).setZone('Asia/Tokyo');
    expect(next().toFormat('HH:mm')).toBe('06:15');

    w.subscriptions.save({
      ...subscription({ deliveryTime: '18:45', timezone: 'Asia/Tokyo' }),
      id: sub.id,
    });
    expect(next().toFormat('HH:mm')).toBe('18:45');
    w.subscriptions.save({ ...subscription({ active: false }), id: sub.id });
    expect(w.scheduler.plannedIds).toEqual([]);
    w.subscriptions.save({ ...subscription(), id: sub.id });
    expect(w.scheduler.plannedIds).toEqual([sub.id]);
    w.subscriptions.delete(sub.id);
    expect(w.scheduler.plannedIds).toEqual([]);
    expect(job()).toBeUndefined();
  });

  it('a real node-schedule timer fires a subscription due in a few seconds, in its own zone', async () => {
    const w = world(undefined, { scheduler: { pollMs: 60_000 } });
    w.scheduler.start();
    const zone = 'Asia/Kolkata';
    const due = DateTime.now().setZone(zone).plus({ seconds: 3 }).startOf('second');
    const sub = w.subscriptions.save(
      subscription({ deliveryTime: due.toFormat('HH:mm:ss'), timezone: zone }),
    );
    expect(w.deliveries.list({ offset: 0, limit: 5 }).total).toBe(0);
    const d = await waitFor(() => {
      const item = w.deliveries.list({ offset: 0, limit: 5 }).items[0];
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
