#!/usr/bin/env node
// The `leadwatch` command: runs the TypeScript CLI through tsx, so `npx leadwatch …`
// works straight after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
