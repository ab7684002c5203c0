import { z } from 'zod';

/**
 * The renderer runs the contract's zod schemas for client-side checks. Zod's JIT probes
 * `new Function`, which the page's CSP (no 'unsafe-eval') reports as a violation even
 * though zod catches it; jitless skips the probe. Object schemas read the setting when they
 * are created, so this is the entry's first import: it runs before any shared schema
 * module is evaluated, whichever page uses one.
 */
z.config({ jitless: true });
