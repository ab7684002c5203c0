import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { dataPaths } from '../../src/core/config/paths';
import type { DemoCounts } from '../../src/core/demo/types';
import type { DemoSummary } from '../../src/shared/contract';
import type { SeedMessage, SeedRequest } from './seed-child';
import type { TempRoot } from './temp';
import type { ResultRow, SeededStore } from './types';
import { formatCount, round } from './format';

/** The demo data's seed and "as of" time: fixed, so every run works on the same data. */
export const SEED = 42;
export const AS_OF = '2025-06-02T10:00:00.000Z';
const LOG_PROGRESS_FROM = 20_000;

/** Every count 0: spread the ones a case needs over it. */
export const NONE: DemoCounts = {
  chatSessions: 0,
  webChatSessions: 0,
  gymLeads: 0,
  callLogs: 0,
  shopUsers: 0,
  shopEvents: 0,
};

/**
 * Seeded stores for the run, one per distinct set of counts: the search case and the
 * sessions cases at the same size share one, so a quick run seeds once. Seeding is timed
 * and becomes the 'seed-local' figure.
 */
export class Fixtures {
  private readonly stores = new Map<string, Promise<SeededStore>>();
  private readonly children = new Set<ChildProcess>();

  constructor(
    private readonly temp: TempRoot,
    private readonly onSeeded: (row: ResultRow) => void,
    private readonly log: (message: string) => void,
  ) {}

  seededStore(partial: Partial<DemoCounts>): Promise<SeededStore> {
    const counts = { ...NONE, ...partial };
    const key = JSON.stringify(counts);
    let store = this.stores.get(key);
    if (!store) {
      store = this.seed(counts);
      this.stores.set(key, store);
    }
    return store;
  }

  /**
   * Kills seeding in progress (on Ctrl-C): the child is inside one long synchronous
   * transaction, so it would not notice a signal of its own until the seed was done.
   */
  abort(): void {
    for (const child of this.children) child.kill('SIGKILL');
  }

  private async seed(counts: DemoCounts): Promise<SeededStore> {
    const dataDir = this.temp.make('store');
    const label = describeCounts(counts);
    this.log(`seeding ${label} (in a child process)…`);
    const request = { dataDir, counts, seed: SEED, now: AS_OF };
    const done = await runSeedChild(request, this.children, (p) => {
      // Progress only where seeding takes long enough to wonder about it.
      if (p.total >= LOG_PROGRESS_FROM && p.done > 0) {
        this.log(`  ${p.step}: ${formatCount(p.done)} / ${formatCount(p.total)}`);
      }
    });
    const rows = rowsWritten(done.summary);
    this.onSeeded({
      case: 'seed-local',
      step: counts.chatSessions
        ? `${label} → ${formatCount(done.summary.chatMessages)} messages`
        : label,
      variant: 'leadwatch',
      size: rows,
      sizeUnit: 'rows',
      runs: 1,
      medianMs: round(done.ms, 3),
      p95Ms: round(done.ms, 3),
      throughputPerSec: round(rows / (done.ms / 1000), 1),
      throughputUnit: 'rows',
      peakRssMB: round(done.peakRssMB, 1),
      ratio: null,
      note: 'seedLocalStore (one transaction, messages indexed for FTS), timed once in its own process',
    });
    return {
      dataDir,
      databasePath: dataPaths(dataDir).database,
      counts,
      chatMessages: done.summary.chatMessages,
    };
  }
}

function describeCounts(counts: DemoCounts): string {
  return (Object.entries(counts) as [keyof DemoCounts, number][])
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${formatCount(n)} ${key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}`)
    .join(', ');
}

function rowsWritten(summary: DemoSummary): number {
  const { seed: _seed, ...counts } = summary;
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

type Done = Extract<SeedMessage, { type: 'done' }>;
type Progress = Extract<SeedMessage, { type: 'progress' }>;

function runSeedChild(
  request: SeedRequest,
  live: Set<ChildProcess>,
  onProgress: (p: Progress) => void,
): Promise<Done> {
  return new Promise((resolve, reject) => {
    // fork() reuses this process's execArgv, i.e. tsx's loader, so the child runs TypeScript.
    const child = fork(join(__dirname, 'seed-child.ts'), [JSON.stringify(request)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    live.add(child);
    let result: Done | undefined;
    let failure: string | undefined;
    child.on('message', (message: SeedMessage) => {
      if (message.type === 'progress') onProgress(message);
      else if (message.type === 'done') result = message;
      else failure = message.message;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      live.delete(child);
      if (result && code === 0) resolve(result);
      else
        reject(
          new Error(`Seeding failed (${signal ?? `exit ${code}`}): ${failure ?? 'no message'}`),
        );
    });
  });
}
