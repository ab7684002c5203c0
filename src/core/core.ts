import { registerAppHandlers } from './app/handlers';
import { dataPaths } from './config/paths';
import { registerDemoHandlers } from './demo/handlers';
import { EventBus } from './rpc/events';
import { Registry } from './rpc/registry';
import { noSecretBox, type SecretBox } from './secrets/secret-box';
import { registerSessionHandlers } from './sessions/handlers';
import { SessionRepository } from './sessions/session-repository';
import { registerSettingsHandlers } from './settings/handlers';
import { SettingsService } from './settings/settings-service';
import { openStore, type Store } from './store/open';

export interface CoreOptions {
  dataDir: string;
  /** The desktop shell passes a safeStorage-backed box; elsewhere secrets come from the environment. */
  secrets?: SecretBox;
}

export interface Core {
  registry: Registry;
  events: EventBus;
  store: Store;
  settings: SettingsService;
  paths: ReturnType<typeof dataPaths>;
  close(): void;
}

/** Opens the local store and wires every feature's handlers: the one backend behind app, CLI and bridge. */
export function createCore(options: CoreOptions): Core {
  const paths = dataPaths(options.dataDir);
  const store = openStore(paths.database);
  const events = new EventBus();
  const registry = new Registry();
  const settings = new SettingsService(store, options.secrets ?? noSecretBox);

  registerAppHandlers(registry, store, paths.dataDir);
  registerSettingsHandlers(registry, settings);
  registerSessionHandlers(registry, new SessionRepository(store));
  registerDemoHandlers(registry, store, events);

  const missing = registry.missing();
  if (missing.length) throw new Error(`No handler for: ${missing.join(', ')}`);

  return { registry, events, store, settings, paths, close: () => store.close() };
}
