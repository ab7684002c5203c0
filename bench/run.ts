/**
 * `npm run bench [-- --quick] [-- --case NAME]`: every case's Leadwatch figure and its
 * baseline, measured in the same run, printed as a table and written to bench/results.json.
 * Exits 1 if a case threw, 2 on bad arguments.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { cases } from './cases';
import { parseBenchArgs, USAGE, type BenchArgs } from './lib/args';
import { Fixtures } from './lib/fixtures';
import { formatCount } from './lib/format';
import { machine } from './lib/machine';
import { formatNotes, formatTable, writeResults, type Results } from './lib/report';
import { RssSampler } from './lib/rss-sampler';
import { runCase } from './lib/runner';
import { TempRoot } from './lib/temp';
import { SkipCase, type ResultRow } from './lib/types';

const RESULTS_PATH = join(__dirname, 'results.json');

const log = (message: string) => console.error(`· ${message}`);

async function main(argv: string[]): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.list) {
    for (const c of cases) {
      const { quick, full } = c.sizes;
      console.log(
        `${c.name.padEnd(16)} ${c.description} (${formatCount(quick)} / ${formatCount(full)} ${c.sizeUnit})`,
      );
    }
    return 0;
  }
  const unknown = args.cases.filter((name) => !cases.some((c) => c.name === name));
  if (unknown.length) {
    console.error(
      `Unknown case: ${unknown.join(', ')}. Cases: ${cases.map((c) => c.name).join(', ')}`,
    );
    return 2;
  }
  const selected = args.cases.length ? cases.filter((c) => args.cases.includes(c.name)) : cases;
  return run(args, selected);
}

async function run(args: BenchArgs, selected: typeof cases): Promise<number> {
  const started = performance.now();
  const temp = new TempRoot();
  const rows: ResultRow[] = [];
  const skipped: Results['skipped'] = [];
  const failures: Results['failures'] = [];
  const fixtures = new Fixtures(temp, (row) => rows.push(row), log);
  const onSignal = () => {
    fixtures.abort();
    temp.cleanup();
    process.exit(130);
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  const sampler = new RssSampler();
  const box = machine();
  const loadAtStart = loadavg()[0] ?? 0;
  console.log(
    `Leadwatch bench · ${args.mode} · ${args.runs} timed runs per variant after 1 warm-up\n` +
      `${box.cpus} × ${box.model}, ${box.memGB} GB, Node ${box.node}, ${box.platform}, ` +
      `load ${loadAtStart.toFixed(1)}\n`,
  );
  try {
    for (const bench of selected) {
      const from = rows.length;
      try {
        rows.push(...(await runCase(bench, { ...args, temp, fixtures, sampler, log })));
      } catch (error) {
        if (error instanceof SkipCase) {
          log(`[${bench.name}] skipped: ${error.message}`);
          skipped.push({ case: bench.name, reason: error.message });
        } else {
          const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
          log(`[${bench.name}] FAILED: ${text}`);
          failures.push({ case: bench.name, error: text });
        }
      }
      if (rows.length > from) console.log(`${formatTable(rows.slice(from))}\n`);
    }
  } finally {
    await sampler.stop();
    temp.cleanup();
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }

  const totalSeconds = Math.round((performance.now() - started) / 100) / 10;
  if (rows.length) {
    console.log(`All figures (${args.mode}):\n${formatTable(rows)}\n`);
    const notes = formatNotes(rows);
    if (notes) console.log(`Notes:\n${notes}\n`);
    console.log(legend(args.runs));
  }
  for (const s of skipped) console.log(`SKIPPED ${s.case}: ${s.reason}`);
  for (const f of failures) console.log(`FAILED ${f.case}: ${f.error.split('\n')[0]}`);
  writeResults(RESULTS_PATH, {
    machine: box,
    mode: args.mode,
    date: new Date().toISOString(),
    loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
    totalSeconds,
    cases: rows,
    skipped,
    failures,
  });
  console.log(`${totalSeconds} s in all; results in ${RESULTS_PATH}`);
  return failures.length ? 1 : 0;
}

function legend(runs: number): string {
  const slowest = Math.ceil(0.95 * runs) === runs ? `; of ${runs} runs, the slowest` : '';
  return (
    'ratio = baseline median ÷ Leadwatch median (above 1: Leadwatch is faster). ' +
    `p95 = nearest rank${slowest}. Peak RSS = this process, sampled every 5 ms from a ` +
    'worker thread while the variant ran (browser cases: the Node side only).\n'
  );
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
