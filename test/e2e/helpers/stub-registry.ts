import { Registry, type Handler } from '../../../src/core/rpc/registry';
import { isMethodName, type MethodName, type Result } from '../../../src/shared/contract';

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
    return this.run(name, handler, rawInput);
  }
}
