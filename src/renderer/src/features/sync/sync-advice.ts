import type { AdviceOverrides } from '../../lib/error-advice';

/** A failed sync changes nothing in the mirror: say so, and where to look. */
export const syncAdvice: AdviceOverrides = {
  unavailable:
    'Nothing in the local mirror was changed and Leadwatch keeps working from it. Check the Redis and PostgreSQL connections in Settings (or run “leadwatch doctor”), then sync again.',
  internal:
    'The sync stopped and what it had not finished was left as it was; the next sync picks up from there. Try again; if it keeps failing, the logs in the data folder have the details.',
};
