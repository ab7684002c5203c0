/** Starts the core utilityProcess and adapts it to the CoreChild the client expects. */
import { utilityProcess } from 'electron';
import { join } from 'node:path';
import type { CoreChild } from './core-client';

export function forkCoreProcess(dataDir: string): CoreChild {
  // electron-vite emits the core entry next to main's index.js (electron.vite.config.ts).
  const child = utilityProcess.fork(join(__dirname, 'core-process.js'), [`--data-dir=${dataDir}`], {
    serviceName: 'leadwatch-core',
    // Core logs to stderr; in a terminal (dev) that is where they are wanted.
    stdio: 'inherit',
  });
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', listener),
    kill: () => void child.kill(),
  };
}
