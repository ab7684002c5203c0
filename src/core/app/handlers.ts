import type { Registry } from '../rpc/registry';
import type { Store } from '../store/open';
import { appInfo } from './app-info';

export function registerAppHandlers(registry: Registry, store: Store, dataDir: string): void {
  registry.register('app.info', () => appInfo(store, dataDir));
}
