/**
 * One Leadwatch instance for the multi-process tests: the real scheduler, runner and
 * team tables (the SQLite store on LEADWATCH_HOME, or the PostgreSQL at TEAM_DATABASE_URL
 * shared with the other processes), the fixture producer, mail to SMTP_URL. Prints "ready"
 * once started and one line per delivery transition.
 * Run with `node --import tsx scheduler-child.ts`, so a SIGKILL hits this very process.
 */
import pg from 'pg';
import { deliveryWorld } from '../../deliveries/testing/world';

const dir = process.env.LEADWATCH_HOME;
if (!dir) throw new Error('LEADWATCH_HOME is required');
const options = JSON.parse(process.env.CHILD_OPTIONS ?? '{}') as {
  workingTimeoutMs?: number;
  pollMs?: number;
};

const url = process.env.TEAM_DATABASE_URL;
const pool = url ? new pg.Pool({ connectionString: url, max: 2 }) : null;
pool?.on('error', () => {});

const world = deliveryWorld(dir, {
  pool,
  config: { smtpUrl: process.env.SMTP_URL ?? null },
  runner: { workingTimeoutMs: options.workingTimeoutMs ?? 5_000, backoffMs: 200 },
  scheduler: { pollMs: options.pollMs ?? 500, log: (line) => console.log(`log ${line}`) },
  onChange: (id, status) => console.log(`delivery ${id} ${status}`),
});
world.scheduler.start();
console.log(`ready ${process.pid}`);

process.on('SIGTERM', () => {
  void world.close().then(() => process.exit(0));
});
// Keep the process alive: the scheduler's own timers are unref'd.
setInterval(() => undefined, 60_000);
