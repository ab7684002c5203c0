import { registerAppHandlers } from './app/handlers';
import { effectiveConfig, type EffectiveConfig } from './config/effective';
import { registerConnectionHandlers } from './connections/handlers';
import { SourceConnections } from './connections/source-connections';
import { SyncService } from './connections/sync-service';
import { registerMonitorHandlers } from './monitor/handlers';
import { SessionReportSender } from './monitor/session-report-sender';
import { PdfRenderer } from './render/browser';
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
  /** Environment for configuration (DESIGN.md precedence); defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface Core {
  registry: Registry;
  events: EventBus;
  store: Store;
  settings: SettingsService;
  connections: SourceConnections;
  config(): EffectiveConfig;
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
  const sessions = new SessionRepository(store);
  registerSessionHandlers(registry, sessions);
  registerDemoHandlers(registry, store, events);
  const config = () => effectiveConfig(settings.get(), options.env ?? process.env);
  const connections = new SourceConnections(config);
  registerConnectionHandlers(registry, store, connections);
  const pdf = new PdfRenderer({ chromePath: config().chromePath });
  registerMonitorHandlers(registry, {
    store,
    sessions,
    connections,
    sync: new SyncService(store, connections, events, config),
    sender: new SessionReportSender(pdf, paths.reports, config),
    config,
  });

  const missing = registry.missing();
  if (missing.length) throw new Error(`No handler for: ${missing.join(', ')}`);

  return {
    registry,
    events,
    store,
    settings,
    connections,
    config,
    paths,
    close: () => {
      void connections.close();
      void pdf.close();
      store.close();
    },
  };
}
