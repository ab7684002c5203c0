import { registerAppHandlers } from './app/handlers';
import { effectiveConfig, type EffectiveConfig } from './config/effective';
import { registerConnectionHandlers } from './connections/handlers';
import { SourceConnections } from './connections/source-connections';
import { SyncService } from './connections/sync-service';
import { registerMonitorHandlers } from './monitor/handlers';
// --- subscriptions, scheduler and deliveries (issue 4) ---
import { registerDeliveryHandlers } from './deliveries/handlers';
import { LeadReportProducer } from './deliveries/lead-report-producer';
import {
  channelConfig,
  createDeliveries,
  deliveryOptionsFromEnv,
  type Deliveries,
} from './deliveries/wiring';
import { registerLeadReportHandlers } from './reports/leads/handlers';
import { registerLeadRenderHandlers } from './reports/leads/render/handlers';
import { builtinTemplates, LeadTemplateStore } from './reports/leads/render/template-store';
import { TeamDatabase } from './team-db/team-db';
import { registerStaffHandlers, StaffService } from './staff/staff-service';
import { GymNameService, registerGymNameHandlers } from './gyms/gym-name-service';
import { LeadReportService } from './reports/leads/service';
import { registerChurnReportHandlers } from './reports/churn/handlers';
import { ChurnReportService } from './reports/churn/service';
import { SessionReportSender } from './monitor/session-report-sender';
import { ChosenPdfEngine } from './render/engine-choice';
import type { PdfEngine } from './render/pdf-engine';
import { dataPaths } from './config/paths';
import { redactText } from './config/redact';
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
  /** The desktop shell's printer (Electron printToPDF via main), used when no browser is found. */
  desktopPdf?: PdfEngine;
}

export interface Core {
  registry: Registry;
  events: EventBus;
  store: Store;
  settings: SettingsService;
  connections: SourceConnections;
  config(): EffectiveConfig;
  paths: ReturnType<typeof dataPaths>;
  /** The process's one warm Chromium for PDFs (the CLI prints lead reports with it too). */
  pdf: PdfEngine;
  // --- subscriptions, scheduler and deliveries (issue 4) ---
  /** Its scheduler is not started here: the app and `leadwatch daemon` start it. */
  deliveries: Deliveries;
  /** Where subscriptions, templates and deliveries live (team PostgreSQL or local store). */
  team: TeamDatabase;
  /** Lead report templates over `team` (the CLI renders with them as the app does). */
  leadTemplates: LeadTemplateStore;
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
  registerSettingsHandlers(registry, settings, options.env ?? process.env);
  const sessions = new SessionRepository(store);
  registerSessionHandlers(registry, sessions);
  registerDemoHandlers(registry, store, events);
  const config = () => effectiveConfig(settings.get(), options.env ?? process.env);
  const connections = new SourceConnections(config);
  registerConnectionHandlers(registry, store, connections);
  // Chromium when a browser is found; in the desktop app, else Electron's printToPDF.
  const pdf = new ChosenPdfEngine({
    chromePath: config().chromePath,
    desktop: options.desktopPdf ?? null,
  });
  registerMonitorHandlers(registry, {
    store,
    sessions,
    connections,
    sync: new SyncService(store, connections, events, config),
    sender: new SessionReportSender(pdf, paths.reports, config),
    config,
  });

  const leadReports = new LeadReportService({ store, connections, config });
  registerLeadReportHandlers(registry, leadReports);
  registerChurnReportHandlers(registry, new ChurnReportService({ store, connections, config }));
  // Subscriptions, templates and deliveries: the team PostgreSQL when configured, else local.
  const team = new TeamDatabase({
    store,
    pool: () => connections.pg(),
    prepare: (tables) =>
      tables.templates.seedBuiltins(builtinTemplates(), new Date().toISOString()),
  });
  const leadTemplates = new LeadTemplateStore(team.templates);
  registerStaffHandlers(
    registry,
    new StaffService({
      directory: team.staff,
      storage: () => team.storage,
      seen: () => leadReports.staffSeen(),
    }),
  );
  registerGymNameHandlers(
    registry,
    new GymNameService({
      directory: team.gymNames,
      storage: () => team.storage,
      seen: () => leadReports.gyms(),
    }),
  );
  registerLeadRenderHandlers(registry, {
    templates: leadTemplates,
    pdf,
    reportsDir: paths.reports,
    generate: (params) => leadReports.generate(params),
    staff: team.staff,
    gyms: team.gymNames,
  });

  // --- subscriptions, scheduler and deliveries (issue 4) ---
  const env = options.env ?? process.env;
  // A driver's message may quote a connection string: logged redacted, like every error.
  const logError = (scope: string, message: string, detail: string | null) =>
    store.sqlite
      .prepare('INSERT INTO error_log (scope, message, detail) VALUES (?, ?, ?)')
      .run(scope, redactText(message), detail === null ? null : redactText(detail));
  const deliveryOptions = deliveryOptionsFromEnv(env);
  const deliveries = createDeliveries({
    team,
    producer: new LeadReportProducer({
      generate: (params) => leadReports.generate(params),
      templates: leadTemplates,
      staff: team.staff,
      gyms: team.gymNames,
      pdf,
      reportsDir: paths.reports,
    }),
    config: () => channelConfig(config(), env),
    onChange: (id, status) => events.emit('delivery.changed', { id, status }),
    logError: (message, detail) => logError('delivery', message, detail),
    ...deliveryOptions,
    scheduler: {
      ...deliveryOptions.scheduler,
      // Once per outage (the scheduler de-duplicates), not once per poll.
      onError: (message) => logError('scheduler', message, null),
    },
  });
  registerDeliveryHandlers(registry, deliveries, { db: team, store });
  // --- end subscriptions, scheduler and deliveries ---

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
    pdf,
    deliveries,
    team,
    leadTemplates,
    close: () => {
      void deliveries.scheduler.stop();
      void connections.close();
      void pdf.close();
      store.close();
    },
  };
}
