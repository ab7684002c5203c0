import { collectGarbage } from './gc';
import { round } from './format';
import type { Fixtures } from './fixtures';
import type { RssSampler } from './rss-sampler';
import { median, percentile } from './stats';
import type { TempRoot } from './temp';
import type { BenchCase, Mode, ResultRow, Step, Variant } from './types';

export interface RunnerOptions {
  mode: Mode;
  /** Timed runs per variant, after one warm-up. */
  runs: number;
  temp: TempRoot;
  fixtures: Fixtures;
  sampler: RssSampler;
  log(message: string): void;
}

interface Timing {
  times: number[];
  peakRssMB: number;
}

/** Setup, then every step's variants (warm-up plus timed runs), then teardown; rows out. */
export async function runCase(bench: BenchCase, options: RunnerOptions): Promise<ResultRow[]> {
  const size = bench.sizes[options.mode];
  const tempDir = options.temp.make(bench.name);
  const log = (message: string) => options.log(`[${bench.name}] ${message}`);
  const cleanups: (() => Promise<void> | void)[] = [];
  const rows: ResultRow[] = [];
  try {
    const started = performance.now();
    const steps = await bench.setup(size, {
      mode: options.mode,
      tempDir,
      seededStore: (counts) => options.fixtures.seededStore(counts),
      defer: (cleanup) => void cleanups.push(cleanup),
      log,
    });
    log(`ready in ${Math.round(performance.now() - started)} ms`);
    for (const step of steps) rows.push(...(await runStep(bench, size, step, options, log)));
  } finally {
    await runCleanups(cleanups, log);
    options.temp.remove(tempDir);
  }
  return rows;
}

/** Every cleanup runs even if one throws; the first failure is rethrown afterwards. */
async function runCleanups(
  cleanups: (() => Promise<void> | void)[],
  log: (message: string) => void,
): Promise<void> {
  let failure: unknown;
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      log(`cleanup failed: ${String(error)}`);
      failure ??= error;
    }
  }
  if (failure !== undefined) throw failure;
}

async function runStep(
  bench: BenchCase,
  size: number,
  step: Step,
  options: RunnerOptions,
  log: (message: string) => void,
): Promise<ResultRow[]> {
  // Leadwatch first: its peak RSS is then not inflated by what the baseline pulled into memory.
  const variants: [Variant, () => Promise<void> | void, number][] = [['leadwatch', step.run, 1]];
  if (step.baseline) variants.push(['baseline', step.baseline, step.baselineScale ?? 1]);
  const timings = new Map<Variant, Timing>();
  for (const [variant, fn, scale] of variants) {
    log(`${step.name} · ${variant}${scale === 1 ? '' : ` (on a subset, times × ${scale})`}`);
    timings.set(variant, await time(step, fn, options, scale));
  }
  const leadwatch = median(timings.get('leadwatch')?.times ?? []);
  const baseline = timings.get('baseline');
  const ratio = baseline ? round(median(baseline.times) / leadwatch, 2) : null;
  return [...timings].map(([variant, timing]) => {
    const medianMs = median(timing.times);
    return {
      case: bench.name,
      step: step.name,
      variant,
      size,
      sizeUnit: bench.sizeUnit,
      runs: timing.times.length,
      medianMs: round(medianMs, 3),
      p95Ms: round(percentile(timing.times, 95), 3),
      throughputPerSec: round(step.items / (medianMs / 1000), 1),
      throughputUnit: step.unit,
      peakRssMB: round(timing.peakRssMB, 1),
      ratio,
      ...(step.note ? { note: step.note } : {}),
    };
  });
}

async function time(
  step: Step,
  fn: () => Promise<void> | void,
  options: RunnerOptions,
  scale: number,
): Promise<Timing> {
  const once = async (): Promise<number> => {
    await step.beforeRun?.();
    try {
      const started = performance.now();
      await fn();
      return performance.now() - started;
    } finally {
      await step.afterRun?.();
    }
  };
  collectGarbage();
  // Warm-up: statement cache, SQLite page cache, JIT, the browser's first paint.
  if (step.warmUp !== false) await once();
  options.sampler.reset();
  const times: number[] = [];
  const runs = Math.min(options.runs, step.maxRuns ?? options.runs);
  for (let i = 0; i < runs; i++) times.push((await once()) * scale);
  return { times, peakRssMB: options.sampler.peakMB() };
}
