import type { Command } from 'commander';
import { setTimeout as sleep } from 'node:timers/promises';
import { effectiveConfigNotices } from '../../core/config/effective';
import { openFileLog } from '../../core/logs/file-log';
import type { Output } from '../../shared/contract';
import type { CliContext } from '../context';

/**
 * Sync + inactivity monitor on their interval until SIGINT/SIGTERM, for teams that want
 * reports sent while laptops are closed. A signal lets the running sweep finish (its mail
 * and claim) before the store closes: a half-sent report would otherwise wait for its lease.
 */
export function registerDaemon(program: Command, ctx: CliContext): void {
  program
    .command('daemon')
    .description(
      'sync and run the inactivity monitor every MONITOR_INTERVAL_SECONDS, and deliver scheduled reports, until stopped',
    )
    .action(async () => {
      const core = ctx.open();
      const stop = new AbortController();
      const onSignal = (signal: string) => {
        if (stop.signal.aborted) return;
        process.stderr.write(`leadwatch daemon: ${signal}, finishing the current sweep…\n`);
        stop.abort();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      // The same lines go to stdout (for a service manager) and to logs/daemon.log, rotated.
      const file = openFileLog(core.paths.logs, 'daemon.log');
      const log = (line: string) => {
        const stamped = `${new Date().toISOString()} ${line}\n`;
        process.stdout.write(stamped);
        file.write(stamped);
      };
      log(`daemon started (data dir ${ctx.dataDir}, log ${core.paths.logs}/daemon.log)`);
      // A variable set to something unusable runs on its fallback: said once, at start.
      for (const notice of effectiveConfigNotices(core.config(), ctx.env))
        log(`warning: ${notice}`);
      // --- subscriptions, scheduler and deliveries (issue 4) ---
      // Scheduled report deliveries run beside the sweep loop; the claim makes several
      // daemons (and the app) deliver each subscription's period once.
      const unlisten = core.events.subscribe((event, payload) => {
        if (event !== 'delivery.changed') return;
        const p = payload as { id: number; status: string };
        log(`delivery ${p.id}: ${p.status}`);
      });
      core.deliveries.scheduler.start();
      const home =
        core.team.storage === 'postgres' ? 'the team database (DATABASE_URL)' : 'the local store';
      try {
        const active = await core.deliveries.subscriptions.active();
        log(`scheduler started: ${active.length} active subscriptions in ${home}`);
      } catch (error) {
        // Not fatal: the scheduler looks again on every poll and delivers once it can.
        log(`scheduler started, but ${home} cannot be read yet: ${(error as Error).message}`);
      }
      try {
        while (!stop.signal.aborted) {
          const r = await core.registry.dispatch('monitor.runOnce', undefined);
          if (r.ok) {
            const v = r.value as Output<'monitor.runOnce'>;
            log(
              `sweep: checked ${v.checked}, reported ${v.finalized.length}, skipped ${v.skipped}, failed ${v.failed.length}${v.notice ? `; ${v.notice}` : ''}`,
            );
          } else {
            log(`sweep failed: ${r.error.message}`);
          }
          const seconds = core.config().monitorIntervalSeconds;
          await sleep(seconds * 1000, undefined, { signal: stop.signal }).catch(() => undefined);
        }
      } finally {
        // A delivery in flight finishes (or keeps its lease for another instance) first.
        await core.deliveries.scheduler.stop();
        unlisten();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        log('daemon stopped');
        await file.close();
      }
    });
}
