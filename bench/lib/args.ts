import { parseArgs } from 'node:util';
import type { Mode } from './types';

export interface BenchArgs {
  mode: Mode;
  /** Case names to run; empty means all. */
  cases: string[];
  /** Timed runs per variant. */
  runs: number;
  list: boolean;
  help: boolean;
}

export const RUNS: Record<Mode, number> = { quick: 2, full: 5 };

export const USAGE = `Usage: npm run bench -- [--quick] [--case NAME]... [--runs N] [--list]

  --quick       small sizes, ${RUNS.quick} timed runs per variant (CI; under a minute)
  --case NAME   run only this case (repeat, or comma-separate, for several)
  --runs N      timed runs per variant (default ${RUNS.full}, or ${RUNS.quick} with --quick)
  --list        list the cases and their sizes
`;

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      case: { type: 'string', multiple: true, default: [] },
      runs: { type: 'string' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const mode: Mode = values.quick ? 'quick' : 'full';
  const runs = values.runs === undefined ? RUNS[mode] : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1`);
  return {
    mode,
    cases: values.case
      .flatMap((c) => c.split(','))
      .map((c) => c.trim())
      .filter(Boolean),
    runs,
    list: values.list,
    help: values.help,
  };
}
