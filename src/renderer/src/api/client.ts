import type {
  ErrorType,
  EventName,
  EventPayload,
  Input,
  LeadwatchApi,
  MethodName,
  Output,
  Result,
} from '../../../shared/contract';

/** A failed contract call, carrying the type core gave it so the UI can react (e.g. 'forbidden'). */
export class ContractError extends Error {
  constructor(
    readonly type: ErrorType,
    message: string,
  ) {
    super(message);
    this.name = 'ContractError';
  }
}

function api(): LeadwatchApi {
  // Checked on every call rather than at import time, so a missing preload shows as an error
  // in the UI (an Alert) instead of a blank window.
  if (typeof window.leadwatch === 'undefined') {
    throw new ContractError(
      'unavailable',
      'Leadwatch backend is not connected (no window.leadwatch).',
    );
  }
  return window.leadwatch;
}

/** Calls a contract method and unwraps its Result: the value, or a thrown ContractError. */
export async function call<M extends MethodName>(method: M, input?: Input<M>): Promise<Output<M>> {
  // The per-method function types differ only in their input; TypeScript cannot correlate a
  // generic key with its own entry, so the call goes through one erased signature.
  const fn = api()[method] as unknown as (input?: Input<M>) => Promise<Result<Output<M>>>;
  let result: Result<Output<M>>;
  try {
    result = await fn(input);
  } catch (error) {
    throw new ContractError('unavailable', error instanceof Error ? error.message : String(error));
  }
  if (!result.ok) throw new ContractError(result.error.type, result.error.message);
  return result.value;
}

/** Subscribes to a push event; returns the unsubscribe function. */
export function subscribe<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  if (typeof window.leadwatch === 'undefined') return () => undefined;
  return window.leadwatch.on(event, listener);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
