import { z } from 'zod';
import {
  contract,
  isMethodName,
  type MethodName,
  type Output,
  type ParsedInput,
  type Result,
} from '../../shared/contract';
import { AppError, toErrorData } from './errors';

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
) => Output<M> | Promise<Output<M>>;

type AnyHandler = (input: unknown) => unknown;

/**
 * Every contract method's handler, registered once per feature. `dispatch` is the only way
 * in, for IPC, the CLI and the test bridge alike: it rejects unknown methods, validates
 * the input, and turns every failure into data.
 */
export class Registry {
  private readonly handlers = new Map<MethodName, AnyHandler>();

  register<M extends MethodName>(name: M, handler: Handler<M>): this {
    if (this.handlers.has(name)) throw new Error(`Handler for ${name} is registered twice`);
    this.handlers.set(name, handler as AnyHandler);
    return this;
  }

  missing(): MethodName[] {
    return (Object.keys(contract) as MethodName[]).filter((m) => !this.handlers.has(m));
  }

  async dispatch(name: unknown, rawInput: unknown): Promise<Result<unknown>> {
    if (!isMethodName(name)) {
      return {
        ok: false,
        error: { type: 'unknown_method', message: `Unknown method: ${shortName(name)}` },
      };
    }
    const handler = this.handlers.get(name);
    if (!handler) {
      return { ok: false, error: { type: 'unknown_method', message: `${name} is not available` } };
    }
    return this.run(name, handler as (input: unknown) => unknown, rawInput);
  }

  /**
   * The contract around one handler: input parsed with its schema, output checked against
   * its schema, thrown errors returned as data. Protected so a test registry that stands in
   * a handler holds it to exactly the same rules.
   */
  protected async run(
    name: MethodName,
    handler: (input: unknown) => unknown,
    rawInput: unknown,
  ): Promise<Result<unknown>> {
    const parsed = contract[name].input.safeParse(rawInput);
    if (!parsed.success) {
      return {
        ok: false,
        error: { type: 'invalid_input', message: `${name}: ${z.prettifyError(parsed.error)}` },
      };
    }
    try {
      const value = await handler(parsed.data);
      return { ok: true, value: contract[name].output.parse(value) };
    } catch (error) {
      return { ok: false, error: toErrorData(error) };
    }
  }

  /** Like dispatch, but throws: for the CLI and tests, where an exception is the right shape. */
  async call<M extends MethodName>(
    name: M,
    input?: z.input<(typeof contract)[M]['input']>,
  ): Promise<Output<M>> {
    const result = await this.dispatch(name, input);
    if (!result.ok) throw new AppError(result.error.type, result.error.message);
    return result.value as Output<M>;
  }
}

/** A caller's method name for an error: cut short, since anyone can send a megabyte of it. */
const MAX_ECHOED_NAME = 80;
function shortName(name: unknown): string {
  const text = String(name);
  return text.length > MAX_ECHOED_NAME
    ? `${text.slice(0, MAX_ECHOED_NAME)}… (${text.length} characters)`
    : text;
}
