import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Everything a run writes lives under one directory, removed at the end (or on Ctrl-C). */
export class TempRoot {
  readonly dir = mkdtempSync(join(tmpdir(), 'leadwatch-bench-'));

  make(prefix: string): string {
    return mkdtempSync(join(this.dir, `${prefix}-`));
  }

  remove(path: string): void {
    // Retries: a child killed a moment ago may still be closing files in there.
    rmSync(path, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }

  cleanup(): void {
    this.remove(this.dir);
  }
}
