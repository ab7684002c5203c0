/**
 * Entry of the core utilityProcess (bundled to out/main/core-process.js). It is plain Node
 * plus `process.parentPort`: SQLite work, PDF rendering and schedulers run here so they
 * never block the window, and a crash here is restarted by main (core-client.ts).
 */
/// <reference types="electron" />
import { resolveDataDir } from '../../core/config/paths';
import { startCoreHost } from './core-host';

const DATA_DIR_FLAG = '--data-dir=';

function dataDirFromArgs(argv: readonly string[]): string {
  const flag = argv.find((arg) => arg.startsWith(DATA_DIR_FLAG));
  // main always passes the flag; the environment fallback keeps a hand-started process sane.
  return flag ? flag.slice(DATA_DIR_FLAG.length) : resolveDataDir(process.env);
}

const parentPort = process.parentPort as Electron.ParentPort | undefined;
if (!parentPort) {
  console.error('core-process.js must be started by Leadwatch main as a utilityProcess.');
  process.exit(2);
}

startCoreHost({
  dataDir: dataDirFromArgs(process.argv),
  port: {
    postMessage: (message) => parentPort.postMessage(message),
    onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
  },
  exit: (code) => process.exit(code),
});
