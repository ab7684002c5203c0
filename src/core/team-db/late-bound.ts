/** An interface made only of async methods (the team stores are). */
type AsyncMethods<T> = { [K in keyof T]: (...args: never[]) => Promise<unknown> };

/**
 * A stand-in for an async interface whose implementation is found on each call: every
 * method awaits `resolve()` and calls the same method there. Lets the services hold one
 * store while the team database comes and goes (configured, migrated, unreachable).
 * `mapError` turns low-level failures into ones that tell the user what to do.
 */
export function lateBound<T extends AsyncMethods<T>>(
  resolve: () => Promise<T>,
  mapError: (error: unknown) => unknown = (e) => e,
): T {
  return new Proxy({} as T, {
    get(_target, key) {
      // Never look like a promise (`then`) or answer symbol lookups (inspection, coercion).
      if (typeof key === 'symbol' || key === 'then') return undefined;
      return async (...args: unknown[]) => {
        const target = await resolve();
        const method = (target as Record<string, unknown>)[key];
        if (typeof method !== 'function') throw new TypeError(`No method ${key} on the store`);
        try {
          return await (method as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          throw mapError(error);
        }
      };
    },
  });
}
