import type { Registry } from '../rpc/registry';
import type { EventBus } from '../rpc/events';
import type { Store } from '../store/open';
import { seedLocalStore } from './seed-local';

export function registerDemoHandlers(registry: Registry, store: Store, events: EventBus): void {
  registry.register('demo.seed', (input) =>
    seedLocalStore(store, input, (progress) => events.emit('demo.progress', progress)),
  );
}
