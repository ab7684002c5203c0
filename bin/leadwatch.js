#!/usr/bin/env node
// The `leadwatch` command: runs the TypeScript CLI through tsx, so `npx leadwatch …`
// works straight after `npm ci` with no build step.
require('tsx/cjs/api').register();
require('../src/cli/index.ts');
