/** Output for people or, with --json, for machines: one JSON document on stdout, nothing else. */
export interface Output {
  json: boolean;
  result(value: unknown, human: () => string): void;
  progress(message: string): void;
}

export function createOutput(
  json: boolean,
  stdout = process.stdout,
  stderr = process.stderr,
): Output {
  return {
    json,
    result(value, human) {
      stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
    },
    progress(message) {
      // Progress goes to stderr so stdout stays clean for pipes and --json.
      if (!json && stderr.isTTY) stderr.write(`\r\x1b[2K${message}`);
    },
  };
}

export function endProgress(stderr = process.stderr): void {
  if (stderr.isTTY) stderr.write('\r\x1b[2K');
}

export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
