import type { ErrorType } from '../../../shared/contract';

/**
 * What a person can do about each kind of contract error. Core's message says what went
 * wrong; this says what to do next, so an error never ends in a shrug.
 */
export const defaultAdvice: Record<ErrorType, string> = {
  unavailable:
    'That part of Leadwatch is not available right now, so nothing was changed. Try again in a moment; if it keeps happening, “leadwatch doctor” shows what is missing.',
  invalid_input:
    'Leadwatch refused the request as it was sent. Nothing was changed; please report this with the message above.',
  not_found: 'It is no longer in the local store. Refresh the list and pick it again.',
  conflict: 'Something else changed it at the same time. Refresh and try again.',
  forbidden: 'This action is not allowed in this window.',
  internal:
    'Something failed inside Leadwatch and nothing was marked as done. Try again; if it keeps failing, the logs in the data folder (Settings → Local store) have the details.',
  unknown_method:
    'This window and the Leadwatch backend are different versions. Restart Leadwatch.',
};

export type AdviceOverrides = Partial<Record<ErrorType, string>>;

export function adviceFor(type: ErrorType, overrides: AdviceOverrides = {}): string {
  return overrides[type] ?? defaultAdvice[type];
}
