import type { Registry } from '../rpc/registry';
import type { EventBus } from '../rpc/events';
import type { Store } from '../store/open';
import { demoTables, seedLocalStore } from './seed-local';

export function registerDemoHandlers(registry: Registry, store: Store, events: EventBus): void {
  registry.register('demo.seed', (input) => {
    const summary = seedLocalStore(store, input, (progress) =>
      events.emit('demo.progress', progress),
    );
    // Reviews of replaced sessions went with them (ON DELETE CASCADE).
    events.emit('store.changed', { tables: [...demoTables, 'qa_reviews'] });
    return summary;
  });
}
