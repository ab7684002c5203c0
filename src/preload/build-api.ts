/**
 * Builds `window.leadwatch` from the contract: one function per method name and `on` for
 * the contract's events, nothing else. Transport-agnostic (index.ts passes ipcRenderer-backed
 * functions) so its shape is tested under Node.
 */
import {
  isEventName,
  methodNames,
  type EventName,
  type EventPayload,
  type LeadwatchApi,
  type MethodName,
  type Result,
} from '../shared/contract';

export type Invoke = (method: MethodName, input: unknown) => Promise<Result<unknown>>;
/** Registers the single raw listener for (eventName, payload) pushes from main. */
export type ListenRaw = (listener: (event: unknown, payload: unknown) => void) => void;

type Methods = { [M in MethodName]: LeadwatchApi[M] };

export function buildLeadwatchApi(invoke: Invoke, listenRaw: ListenRaw): LeadwatchApi {
  const methods: Record<string, (input?: unknown) => Promise<Result<unknown>>> = {};
  for (const name of methodNames) {
    methods[name] = (input?: unknown) =>
      // Errors stay data even when the transport itself fails (e.g. main is shutting down).
      invoke(name, input).catch((error: unknown) => ({
        ok: false as const,
        error: {
          type: 'unavailable' as const,
          message: error instanceof Error ? error.message : String(error),
        },
      }));
  }

  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let listening = false;
  const listen = () => {
    if (listening) return;
    listening = true;
    listenRaw((event, payload) => {
      if (!isEventName(event)) return;
      for (const listener of listeners.get(event) ?? []) {
        try {
          listener(payload);
        } catch (error) {
          console.error(`leadwatch: a listener for ${event} threw`, error);
        }
      }
    });
  };

  const api = {
    // Each entry calls invoke with its own name, so it has its method's type; TypeScript
    // cannot follow that through a loop over the names, hence this one assertion.
    ...(methods as unknown as Methods),
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      if (!isEventName(event)) throw new TypeError(`leadwatch.on: unknown event ${String(event)}`);
      if (typeof listener !== 'function')
        throw new TypeError('leadwatch.on: listener must be a function');
      listen();
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = (payload: unknown) => listener(payload as EventPayload<E>);
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
  } satisfies LeadwatchApi;
  return Object.freeze(api);
}
