import { z } from 'zod';
import { Registry, type Handler } from '../../../src/core/rpc/registry';
import { toErrorData } from '../../../src/core/rpc/errors';
import { contract, isMethodName, type MethodName, type Result } from '../../../src/shared/contract';

/**
 * The registry the bridge serves: core's own, except for methods a test stubs. A stub is
 * held to the contract exactly as a real handler is (input parsed with its schema, output
 * checked against its schema, thrown AppErrors turned into error Results), so a test can
 * drive the UI through every outcome the contract allows, before or without the service
 * behind it (e.g. a mail server that says "busy").
 */
export class StubbingRegistry extends Registry {
  private readonly stubs = new Map<MethodName, (input: unknown) => unknown>();

  constructor(private readonly real: Registry) {
    super();
  }

  stub<M extends MethodName>(name: M, handler: Handler<M>): void {
    this.stubs.set(name, handler as (input: unknown) => unknown);
  }

  unstub(name?: MethodName): void {
    if (name) this.stubs.delete(name);
    else this.stubs.clear();
  }

  override async dispatch(name: unknown, rawInput: unknown): Promise<Result<unknown>> {
    const handler = isMethodName(name) ? this.stubs.get(name) : undefined;
    if (!handler || !isMethodName(name)) return this.real.dispatch(name, rawInput);
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
}
