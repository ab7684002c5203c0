import { Worker } from 'node:worker_threads';

const SAMPLE_EVERY_MS = 5;

// Plain JavaScript, run in a worker thread: better-sqlite3 blocks the main thread for the
// whole of a query, so a timer there would never fire while the memory is actually in use.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const peak = new BigInt64Array(workerData);
setInterval(() => {
  const rss = BigInt(process.memoryUsage.rss());
  const seen = Atomics.load(peak, 0);
  if (rss > seen) Atomics.compareExchange(peak, 0, seen, rss);
}, ${SAMPLE_EVERY_MS});
`;

/** Peak resident set size of this process between reset() and peakMB(), sampled off-thread. */
export class RssSampler {
  private readonly peak = new BigInt64Array(new SharedArrayBuffer(8));
  private readonly worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: this.peak.buffer,
  });

  constructor() {
    this.worker.unref();
  }

  reset(): void {
    Atomics.store(this.peak, 0, BigInt(process.memoryUsage.rss()));
  }

  peakMB(): number {
    const sampled = Number(Atomics.load(this.peak, 0));
    return Math.max(sampled, process.memoryUsage.rss()) / 2 ** 20;
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
