import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { startMailSink, type MailSink } from '../deliveries/testing/mail-sink';
import { waitFor } from '../deliveries/testing/wait';
import { deliveryWorld, subscription, type World } from '../deliveries/testing/world';
import {
  backendUrl,
  TEAM_BACKENDS,
  teamBackend,
  type TeamBackend,
} from '../team-db/testing/backends';

const CHILD = join(__dirname, 'testing', 'scheduler-child.ts');

let sink: MailSink;
const temps: { cleanup(): void }[] = [];
const children: ChildProcess[] = [];
const worlds: World[] = [];

interface Instance {
  child: ChildProcess;
  output: string[];
}

let backend: TeamBackend;

/**
 * A separate Node process running the scheduler; resolves once it is up. On the local store
 * it shares the data dir; on the team database it has a data dir of its own, like another
 * machine, and shares only the database.
 */
async function instance(dir: string, options: Record<string, number> = {}): Promise<Instance> {
  const url = backendUrl(backend);
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: {
      ...process.env,
      LEADWATCH_HOME: url ? newDir() : dir,
      TEAM_DATABASE_URL: url ?? '',
      SMTP_URL: sink.url,
      CHILD_OPTIONS: JSON.stringify(options),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(...chunk.toString().trim().split('\n')));
  child.stderr!.on('data', (chunk: Buffer) => output.push(`stderr ${chunk.toString()}`));
  await waitFor(
    async () => output.some((l) => l.startsWith('ready')),
    30_000,
    'the child to start',
  );
  return { child, output };
}

function newDir(): string {
  const temp = makeTempDir('leadwatch-processes-');
  temps.push(temp);
  return temp.dir;
}

function setup(): { dir: string; w: World } {
  const dir = newDir();
  const w = deliveryWorld(dir, { config: { smtpUrl: sink.url }, pool: backend.pool() });
  worlds.push(w);
  return { dir, w };
}

beforeAll(async () => {
  sink = await startMailSink();
});
afterEach(async () => {
  for (const c of children.splice(0))
    if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const w of worlds.splice(0)) await w.close();
  await backend?.reset();
  sink.inbox.length = 0;
  sink.stall = false;
});
afterAll(async () => {
  await sink.close();
  for (const t of temps) t.cleanup();
});

describe.each(TEAM_BACKENDS)('several processes on the %s', (name) => {
  beforeAll(async () => {
    backend = await teamBackend(name, 'processes');
  });
  afterAll(async () => {
    await backend.drop();
  });

  it('two schedulers in separate processes firing the same subscription deliver it once', async () => {
    const { dir, w } = setup();
    // Both processes first (start-up under load is slow); they re-read subscriptions every
    // 500 ms, so one saved here is planned in both well before it is due.
    const [a, b] = await Promise.all([instance(dir), instance(dir)]);
    const zone = 'America/Sao_Paulo';
    const due = DateTime.now().setZone(zone).plus({ seconds: 4 }).startOf('second');
    const sub = await w.subscriptions.save(
      subscription({ deliveryTime: due.toFormat('HH:mm:ss'), timezone: zone }),
    );

    const d = await waitFor(async () => {
      const item = (await w.deliveries.list({ offset: 0, limit: 5 })).items[0];
      return item?.status === 'sent' ? item : undefined;
    }, 20_000);
    await new Promise((r) => setTimeout(r, 1_500)); // time for a duplicate to show up
    expect(sink.inbox).toHaveLength(1);
    expect((await w.deliveries.list({ offset: 0, limit: 5 })).total).toBe(1);
    expect(d.subscriptionId).toBe(sub.id);
    // Both timers fired; one process claimed and sent, the other found the row taken.
    const claimer = (await w.deliveries.get(d.id)).log[0]?.message ?? '';
    const pids = [a.child.pid, b.child.pid].map(String);
    expect(pids.some((pid) => claimer.includes(`:${pid} `))).toBe(true);
    expect([...a.output, ...b.output].filter((l) => / sent$/.test(l))).toHaveLength(1);
  }, 60_000);

  it('a process killed while sending: the next one takes the delivery back and sends it once', async () => {
    const { dir, w } = setup();
    const sub = await w.subscriptions.save(subscription());
    const { id } = await w.deliveries.claimScheduled(sub, DateTime.now().setZone(sub.timezone));
    sink.stall = true; // the server takes the message and never answers

    const first = await instance(dir, { workingTimeoutMs: 2_000 });
    await waitFor(
      async () => (await w.deliveries.get(id!)).status === 'sending' && sink.dataStarted > 0,
      20_000,
    );
    first.child.kill('SIGKILL');
    await waitFor(async () => first.child.signalCode === 'SIGKILL', 5_000, 'the kill');
    expect((await w.deliveries.get(id!)).status).toBe('sending'); // left behind mid-send
    sink.stall = false;

    await instance(dir, { workingTimeoutMs: 2_000 });
    const d = await waitFor(async () => {
      const item = await w.deliveries.get(id!);
      return item.status === 'sent' ? item : undefined;
    }, 20_000);
    expect(sink.inbox).toHaveLength(1);
    expect(d.attempts).toBe(2);
    const takeBack = d.log.find((l) => l.from === 'sending' && l.to === 'pending');
    expect(takeBack?.message).toMatch(/taken back/);
    expect(d.recipients).toEqual([expect.objectContaining({ status: 'sent' })]);
  }, 60_000);
});
