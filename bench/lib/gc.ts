import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// `npm run bench` cannot pass --expose-gc through tsx, so turn it on here: a full collection
// between variants keeps one variant's garbage out of the next one's timings.
setFlagsFromString('--expose-gc');
const exposed: unknown = runInNewContext('gc');

export function collectGarbage(): void {
  if (typeof exposed === 'function') exposed();
}
