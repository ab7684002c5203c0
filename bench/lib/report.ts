import { writeFileSync } from 'node:fs';
import { formatCount, formatMs, formatRate } from './format';
import type { Machine } from './machine';
import type { Mode, ResultRow } from './types';

export interface Results {
  machine: Machine;
  mode: Mode;
  date: string;
  /** 1-minute load average at the start and end: a busy machine explains noisy figures. */
  loadAverage: { start: number; end: number };
  /** Wall time of the whole run, seeding and browser start included. */
  totalSeconds: number;
  cases: ResultRow[];
  skipped: { case: string; reason: string }[];
  failures: { case: string; error: string }[];
}

const HEADERS = [
  'case',
  'step',
  'variant',
  'size',
  'median ms',
  'p95 ms',
  'throughput',
  'peak RSS MB',
  'ratio',
];
const RIGHT_ALIGNED = new Set([3, 4, 5, 6, 7, 8]);

export function formatTable(rows: ResultRow[]): string {
  const cells = rows.map((r) => [
    r.case,
    r.step,
    r.variant,
    `${formatCount(r.size)} ${r.sizeUnit}`,
    formatMs(r.medianMs),
    formatMs(r.p95Ms),
    formatRate(r.throughputPerSec, r.throughputUnit),
    r.peakRssMB.toFixed(0),
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
  ]);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (RIGHT_ALIGNED.has(i) ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(HEADERS), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join(
    '\n',
  );
}

/** The notes under the table, one per step that has one. */
export function formatNotes(rows: ResultRow[]): string {
  const seen = new Set<string>();
  const notes: string[] = [];
  for (const r of rows) {
    const key = `${r.case} · ${r.step}`;
    if (!r.note || seen.has(key)) continue;
    seen.add(key);
    notes.push(`  ${key}: ${r.note}`);
  }
  return notes.join('\n');
}

export function writeResults(path: string, results: Results): void {
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}
