import type { LeadwatchApi } from '../shared/contract';

// What the preload puts on the page's window (src/preload/index.ts).
declare global {
  interface Window {
    leadwatch: LeadwatchApi;
  }
}

export {};
