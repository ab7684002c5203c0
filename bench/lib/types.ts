import type { DemoCounts } from '../../src/core/demo/types';

export type Mode = 'quick' | 'full';
export type Variant = 'leadwatch' | 'baseline';

/** One figure a case measures, on the data its setup built. */
export interface Step {
  name: string;
  /** What one run handles, for throughput (e.g. the messages a search covers). */
  items: number;
  /** The unit of `items`, shown as "<unit>/s". */
  unit: string;
  /** Leadwatch as it ships. */
  run(): Promise<void> | void;
  /** The plain approach a first version would take; null when no honest one exists. */
  baseline: (() => Promise<void> | void) | null;
  /**
   * When the baseline runs on a subset because the whole would take too long: its times are
   * multiplied by this (items ÷ subset) before median and p95. Say so in the note. Default 1.
   */
  baselineScale?: number;
  /**
   * Timed runs for this step when fewer than the run's (`--runs`): for steps whose every run
   * costs seconds of setup (a fresh browser context), so the quick run stays under a minute.
   */
  maxRuns?: number;
  /**
   * Whether one untimed run comes first (default true). Off for steps whose every run is
   * cold by design (a browser launch): a warm-up would only cost time.
   */
  warmUp?: boolean;
  /** Untimed work around every run of either variant (a fresh browser page, say). */
  beforeRun?(): Promise<void> | void;
  afterRun?(): Promise<void> | void;
  /** A line for the reader: hit counts, what the baseline leaves out, … */
  note?: string;
}

/**
 * A benchmark case. Its setup builds the data and returns the steps, so state lives in the
 * setup's closure and one expensive setup (a 2M-message store, one browser) serves several
 * figures. Teardown: each resource is handed to ctx.defer as soon as it exists.
 */
export interface BenchCase {
  name: string;
  description: string;
  /** What `size` counts, e.g. 'sessions'. */
  sizeUnit: string;
  sizes: Record<Mode, number>;
  setup(size: number, ctx: SetupContext): Promise<Step[]>;
}

export interface SeededStore {
  /** A data dir for createCore / dataPaths; shared by every case that asks for the same counts. */
  dataDir: string;
  databasePath: string;
  counts: DemoCounts;
  /** Messages the seed wrote (sessions × what the generator puts in each). */
  chatMessages: number;
}

export interface SetupContext {
  mode: Mode;
  /** This case's scratch directory, removed after its teardown. */
  tempDir: string;
  /**
   * A store seeded with demo data at these counts (unnamed counts are 0). Seeded once per
   * run in a child process and reported as its own figure, 'seed-local'; treat it as
   * read-only, other cases reuse it.
   */
  seededStore(counts: Partial<DemoCounts>): Promise<SeededStore>;
  /**
   * Registers a cleanup (close the store, the browser, …). The runner calls them in reverse
   * order after the last step, or as soon as setup throws, so a half-built case leaks nothing.
   */
  defer(cleanup: () => Promise<void> | void): void;
  log(message: string): void;
}

/** Thrown by a setup that cannot run here for an expected reason (reported, not a failure). */
export class SkipCase extends Error {}

/** One row of the table and of results.json. */
export interface ResultRow {
  case: string;
  step: string;
  variant: Variant;
  size: number;
  sizeUnit: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  throughputPerSec: number;
  throughputUnit: string;
  /** Process-wide peak RSS while the variant's timed runs ran (the seed: the seeding process). */
  peakRssMB: number;
  /** Baseline median ÷ Leadwatch median for the step, on both rows; null without a baseline. */
  ratio: number | null;
  note?: string;
}
