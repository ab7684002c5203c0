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

/** What crosses the contract: a driver's message may quote its connection string, so it is redacted. */
export function toErrorData(error: unknown): ContractErrorData {
  if (error instanceof AppError) return { type: error.type, message: redactText(error.message) };
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'internal', message: redactText(message) };
}
