/**
 * Seeds one store and exits: run in its own process so the generator's and the insert
 * transaction's memory is not counted against the cases, and so its own peak RSS is known.
 */
import { dataPaths } from '../../src/core/config/paths';
import { seedLocalStore } from '../../src/core/demo/seed-local';
import type { DemoCounts } from '../../src/core/demo/types';
import type { DemoSummary } from '../../src/shared/contract';
import { openStore } from '../../src/core/store/open';

export interface SeedRequest {
  dataDir: string;
  counts: DemoCounts;
  seed: number;
  /** ISO time the data is "as of": fixed, so every run searches the same words. */
  now: string;
}

export type SeedMessage =
  | { type: 'progress'; step: string; done: number; total: number }
  | { type: 'done'; ms: number; summary: DemoSummary; peakRssMB: number }
  | { type: 'error'; message: string };

const TENTHS = 10;

function send(message: SeedMessage): void {
  process.send?.(message);
}

function main(): void {
  const request = JSON.parse(process.argv[2] ?? '{}') as SeedRequest;
  const store = openStore(dataPaths(request.dataDir).database);
  try {
    let step = '';
    let lastTenth = -1;
    const started = performance.now();
    const summary = seedLocalStore(
      store,
      { seed: request.seed, size: 'small', replace: true },
      (p) => {
        if (p.step !== step) [step, lastTenth] = [p.step, -1];
        const tenth = p.total ? Math.floor((p.done / p.total) * TENTHS) : TENTHS;
        if (tenth <= lastTenth) return;
        lastTenth = tenth;
        send({ type: 'progress', ...p });
      },
      { now: new Date(request.now), counts: request.counts },
    );
    const ms = performance.now() - started;
    send({ type: 'done', ms, summary, peakRssMB: process.resourceUsage().maxRSS / 1024 });
  } finally {
    store.close();
  }
}

try {
  main();
} catch (error) {
  send({
    type: 'error',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  process.exitCode = 1;
}
