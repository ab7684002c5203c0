import type { ContractErrorData, ErrorType } from '../../shared/contract';
import { redactText } from '../config/redact';

/** An error core means to show the user: its type crosses the contract, its message says what to do. */
export class AppError extends Error {
  constructor(
    readonly type: ErrorType,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);

/**
 * A message is a sentence or two; one that quotes a whole hostile input is cut, not shipped.
 * Cut after redaction, so a cut never leaves half a password unmasked.
 */
const MAX_MESSAGE = 2_000;

const bounded = (message: string) =>
  message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}… (cut short)` : message;

/** What crosses the contract: a driver's message may quote its connection string, so it is redacted. */
export function toErrorData(error: unknown): ContractErrorData {
  if (error instanceof AppError) {
    return { type: error.type, message: bounded(redactText(error.message)) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'internal', message: bounded(redactText(message)) };
}
