/**
 * The one contract between the renderer, main, the CLI, the test bridge and core.
 *
 * Every method is `feature.verb` with a zod schema for its input and its output; push
 * events are a typed map. Nothing but zod is imported here, so the preload, the renderer
 * and core can all share it. Errors cross every boundary as data (`Result`), never as
 * thrown exceptions, so a failure in core reaches the UI with a type it can act on.
 */
import { z } from 'zod';
// Subscriptions and deliveries keep their shapes in their own zod-only module (issue 4).
import { churnReportParamsSchema, churnReportSchema } from './churn-report';
import * as d from './deliveries';
// One check for every recipient list and sender (contract, core, the page).
import * as r from './recipients';
import { leadReportParamsSchema, leadReportSchema, reportGymSchema } from './lead-report';
// Lead report templates keep their shapes in their own zod-only module (issue 4).
import * as t from './report-templates';
// The staff directory: names for call log user ids (issue 4).
import * as s from './staff';
// The gym directory: names for the lead tables' gym and branch ids.
import * as g from './gyms';

// ---------------------------------------------------------------------------------------
// Errors as data
// ---------------------------------------------------------------------------------------

export const errorTypes = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'conflict',
  'unavailable',
  'forbidden',
  'internal',
] as const;
export type ErrorType = (typeof errorTypes)[number];

export const ContractErrorSchema = z.object({
  type: z.enum(errorTypes),
  message: z.string(),
});
export type ContractErrorData = z.infer<typeof ContractErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractErrorData };

// ---------------------------------------------------------------------------------------
// Shared shapes
// ---------------------------------------------------------------------------------------

const isoDate = z.string().describe('ISO 8601 timestamp in UTC');

export const themeSchema = z.enum(['light', 'dark', 'auto']);
export const prioritySchema = z.enum(['low', 'medium', 'high', 'critical']);
export type Priority = z.infer<typeof prioritySchema>;
export const sessionSourceSchema = z.enum(['redis', 'postgres', 'demo']);
export type SessionSource = z.infer<typeof sessionSourceSchema>;

/** Settings the app stores; environment and CLI flags override them (DESIGN.md). */
export const settingsSchema = z.object({
  theme: themeSchema.default('auto'),
  botName: z.string().min(1).max(80).default('Leadwatch Assistant'),
  redisUrl: z.string().max(500).default(''),
  databaseUrl: z.string().max(500).default(''),
  smtpUrl: z.string().max(500).default(''),
  mailFrom: r.mailFromSchema.default(''),
  reportRecipients: z.array(r.emailRecipientSchema).max(50).default([]),
  reportTimezone: z.string().max(64).default(''),
  sourceTimezone: z.string().max(64).default('UTC'),
  inactivityMinutes: z.number().int().min(1).max(1440).default(5),
  monitorIntervalSeconds: z.number().int().min(5).max(3600).default(60),
  finalizedTtlDays: z.number().int().min(1).max(365).default(7),
  demoOffered: z.boolean().default(false),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

/**
 * settings.set's input: only the keys sent. (A `.partial()` of settingsSchema would fill in
 * every default, so saving one field stored all the others as if someone had chosen them.)
 */
export const settingsPatchSchema = z
  .object(
    Object.fromEntries(
      Object.entries(settingsSchema.shape).map(([key, field]) => [key, field.unwrap().optional()]),
    ) as {
      [K in keyof typeof settingsSchema.shape]: z.ZodOptional<
        ReturnType<(typeof settingsSchema.shape)[K]['unwrap']>
      >;
    },
  )
  .strict();

/** Where a setting's effective value comes from (DESIGN.md precedence; CLI flags aside). */
export const settingSourceSchema = z.enum(['environment', 'saved', 'default']);
export type SettingSource = z.infer<typeof settingSourceSchema>;

const settingOrigin = <T extends z.ZodType>(value: T) =>
  z.object({
    /** The value in use; connection strings redacted (no password ever reaches the page). */
    value,
    source: settingSourceSchema,
    /** The environment variable that sets it (and wins over the saved value when set). */
    variable: z.string(),
    /** Set when the variable holds something unusable that was ignored, saying what is used. */
    notice: z.string().nullable(),
  });
export interface SettingOrigin<T> {
  value: T;
  source: SettingSource;
  variable: string;
  notice: string | null;
}

export const effectiveSettingsSchema = z.object({
  redisUrl: settingOrigin(z.string()),
  databaseUrl: settingOrigin(z.string()),
  smtpUrl: settingOrigin(z.string()),
  mailFrom: settingOrigin(z.string()),
  reportRecipients: settingOrigin(z.array(z.string())),
  reportTimezone: settingOrigin(z.string()),
  sourceTimezone: settingOrigin(z.string()),
  inactivityMinutes: settingOrigin(z.number()),
  monitorIntervalSeconds: settingOrigin(z.number()),
  finalizedTtlDays: settingOrigin(z.number()),
});
export type EffectiveSettings = z.infer<typeof effectiveSettingsSchema>;

/**
 * What settings.get and settings.set answer: the saved settings (connection strings
 * redacted: send one back unchanged to keep it, '' to clear it), each configurable
 * setting's effective value and source, and notices about ignored environment values.
 */
export const settingsViewSchema = settingsSchema.extend({
  effective: effectiveSettingsSchema,
  notices: z.array(z.string()),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
  platform: z.string(),
  node: z.string(),
  counts: z.object({
    sessions: z.number().int(),
    messages: z.number().int(),
    leads: z.number().int(),
    callLogs: z.number().int(),
    shopUsers: z.number().int(),
    shopEvents: z.number().int(),
  }),
  isEmpty: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const sessionSummarySchema = z.object({
  id: z.string(),
  source: sessionSourceSchema,
  sourceId: z.string(),
  visitorName: z.string().nullable(),
  email: z.string().nullable(),
  organization: z.string().nullable(),
  startedAt: isoDate.nullable(),
  lastInteractionAt: isoDate.nullable(),
  messageCount: z.number().int(),
  priority: prioritySchema.nullable(),
  leadScore: z.number().nullable(),
  finalized: z.boolean(),
  vanished: z.boolean(),
  /** When the list was a search: the best matching message, with match marks removed. */
  snippet: z.string().nullable(),
  /**
   * The matched words in `snippet` as [start, end) offsets (UTF-16 code units, as JavaScript
   * slices strings), in order and not overlapping: the list highlights them.
   */
  snippetMarks: z
    .array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]))
    .optional(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const sessionListInputSchema = z.object({
  query: z.string().max(200).optional(),
  source: sessionSourceSchema.optional(),
  priority: prioritySchema.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const sessionListSchema = z.object({
  items: z.array(sessionSummarySchema),
  total: z.number().int(),
  offset: z.number().int(),
});
export type SessionList = z.infer<typeof sessionListSchema>;

export const chatMessageSchema = z.object({
  seq: z.number().int(),
  sender: z.enum(['user', 'bot']),
  text: z.string(),
  sentAt: isoDate.nullable(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const scoreReasonSchema = z.object({
  rule: z.string(),
  points: z.number(),
  detail: z.string(),
});

export const sessionDetailSchema = sessionSummarySchema.extend({
  phone: z.string().nullable(),
  company: z.string().nullable(),
  userDataCollected: z.boolean(),
  engagementScore: z.number().nullable(),
  totalQueries: z.number().int().nullable(),
  firstInteractionAt: isoDate.nullable(),
  completionStatus: z.string().nullable(),
  archiveStatus: z.string().nullable(),
  answers: z.record(z.string(), z.unknown()).nullable(),
  scoreReasons: z.array(scoreReasonSchema),
  messages: z.array(chatMessageSchema),
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

export const demoSizeSchema = z.enum(['small', 'standard']);

export const demoSeedInputSchema = z.object({
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(42),
  size: demoSizeSchema.default('standard'),
  /** Demo data replaces what the local store holds; without it a non-empty store is refused. */
  replace: z.boolean().default(false),
});

export const demoSummarySchema = z.object({
  seed: z.number().int(),
  chatSessions: z.number().int(),
  chatMessages: z.number().int(),
  webChatSessions: z.number().int(),
  gymLeads: z.number().int(),
  callLogs: z.number().int(),
  staff: z.number().int(),
  shopUsers: z.number().int(),
  shopEvents: z.number().int(),
});
export type DemoSummary = z.infer<typeof demoSummarySchema>;

export const syncSourceSchema = z.enum(['redis', 'postgres']);

export const syncSummarySchema = z.object({
  source: syncSourceSchema,
  scanned: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  vanished: z.number().int(),
  failed: z.array(z.object({ id: z.string(), error: z.string() })),
  durationMs: z.number(),
  /** Set when the whole source could not be synced (e.g. unreachable); the mirror is kept. */
  error: z.string().nullable(),
});
export type SyncSummary = z.infer<typeof syncSummarySchema>;

export const sourceStatusSchema = z.object({
  source: syncSourceSchema,
  configured: z.boolean(),
  /** null until Leadwatch has tried to reach it. */
  reachable: z.boolean().nullable(),
  lastSyncedAt: isoDate.nullable(),
  lastError: z.string().nullable(),
});
export type SourceStatus = z.infer<typeof sourceStatusSchema>;

export const endSessionResultSchema = z.object({
  sessionId: z.string(),
  /** pdf_only: mail is not set up, so the PDF was made and nothing was sent or finalized. */
  outcome: z.enum(['sent', 'already_finalized', 'busy', 'skipped_empty', 'pdf_only']),
  /** The report PDF in the data dir, when this call made one (sent, pdf_only). */
  pdfPath: z.string().nullable(),
  /** pdf_only: the one line on what to set so that it is mailed. */
  notice: z.string().nullable(),
});

export const sweepResultSchema = z.object({
  checked: z.number().int(),
  finalized: z.array(z.string()),
  skipped: z.number().int(),
  failed: z.array(z.object({ id: z.string(), error: z.string() })),
  /** Idle sessions left for a later sweep because mail is not set up (no PDF made). */
  waiting: z.number().int(),
  /** Why they wait and what to set, once per sweep; null when nothing waits. */
  notice: z.string().nullable(),
});

// ---------------------------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------------------------

const none = z.object({}).strict().optional();

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const contract = {
  'app.info': method(none, appInfoSchema),
  'settings.get': method(none, settingsViewSchema),
  'settings.set': method(settingsPatchSchema, settingsViewSchema),
  'sessions.list': method(sessionListInputSchema, sessionListSchema),
  'sessions.get': method(z.object({ id: z.string().min(1).max(300) }), sessionDetailSchema),
  /** Sessions per lead priority, every priority present (0 when none): one GROUP BY. */
  'sessions.priorityTotals': method(
    none,
    z.object({ totals: z.array(z.object({ priority: prioritySchema, total: z.number().int() })) }),
  ),
  'demo.seed': method(demoSeedInputSchema, demoSummarySchema),
  'sync.run': method(
    z.object({ source: z.enum(['redis', 'postgres', 'all']).default('all') }),
    z.object({ results: z.array(syncSummarySchema) }),
  ),
  'sync.status': method(none, z.object({ sources: z.array(sourceStatusSchema) })),
  'sessions.endNow': method(z.object({ id: z.string().min(1).max(300) }), endSessionResultSchema),
  'monitor.runOnce': method(none, sweepResultSchema),
  /** Renders the session's PDF report into the data dir's reports/ folder, without mailing it. */
  'sessions.renderReport': method(
    z.object({ id: z.string().min(1).max(300) }),
    z.object({ sessionId: z.string(), pdfPath: z.string(), bytes: z.number().int() }),
  ),
  'leads.hot': method(
    z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }),
    z.object({ items: z.array(sessionSummarySchema) }),
  ),
  // --- lead reports: computed report (issue 4) ---
  /** Computes a lead performance report; `source` says whether PostgreSQL or the local mirror answered. */
  'reports.leads.generate': method(
    leadReportParamsSchema,
    z.object({ report: leadReportSchema, source: z.enum(['postgres', 'local']) }),
  ),
  /** The weekly churn report (seed 003) for one shop client, and which source answered. */
  'reports.churn.generate': method(
    churnReportParamsSchema,
    z.object({ report: churnReportSchema, source: z.enum(['postgres', 'local']) }),
  ),
  /** The gyms (and their branches) the lead tables know, most recently active first. */
  'reports.leads.gyms': method(
    none,
    z.object({ items: z.array(reportGymSchema), source: z.enum(['postgres', 'local']) }),
  ),
  /** User ids in the call logs with their staff directory names, busiest first. */
  'staff.list': method(none, s.staffListSchema),
  /** Names a user id in the staff directory (reports show names); an empty name removes it. */
  'staff.save': method(s.staffSaveInputSchema, s.staffEntrySchema),
  /** Gyms and branches in the lead tables with their directory names, most active gym first. */
  'gymNames.list': method(none, g.gymNameListSchema),
  /** Names a gym (branchId null) or a branch; reports show the name; an empty name removes it. */
  'gymNames.save': method(g.gymNameSaveInputSchema, g.gymNameEntrySchema),
  // --- lead reports: templates and rendering (issue 4) ---
  'templates.list': method(
    z.object({ kind: t.leadTemplateKindSchema.optional() }).default({}),
    z.object({ items: z.array(t.reportTemplateSummarySchema) }),
  ),
  'templates.get': method(z.object({ id: z.number().int().positive() }), t.reportTemplateSchema),
  /** Validates (compiles and renders against sample reports); refused with `line N: reason`. */
  'templates.save': method(t.reportTemplateInputSchema, t.reportTemplateSchema),
  'templates.delete': method(
    z.object({ id: z.number().int().positive() }),
    z.object({ id: z.number().int() }),
  ),
  /** Renders a body against a sample report for the editor's live preview (scripts removed). */
  'templates.preview': method(t.templatePreviewInputSchema, t.templatePreviewSchema),
  /** Computes the report and renders it: `{html}`, or a PDF in the data dir's reports/ folder. */
  'reports.leads.render': method(t.leadRenderInputSchema, t.leadRenderOutputSchema),
  // --- end lead reports: templates and rendering ---
  // --- subscriptions, scheduler and deliveries (issue 4) ---
  /**
   * `storage`: where subscriptions, templates and deliveries are kept: the team database
   * (shared by every instance, one delivery per period across machines) or this computer.
   * `localOnly`: subscriptions made here before a team database was set, not in it yet.
   */
  'subscriptions.list': method(
    none,
    z.object({
      items: z.array(d.subscriptionSchema),
      storage: z.enum(['postgres', 'local']),
      localOnly: z.number().int(),
    }),
  ),
  /** Moves `localOnly` subscriptions (and the custom templates they use) into the team database. */
  'subscriptions.moveToTeam': method(
    z.object({ pause: z.boolean().default(false) }).default({ pause: false }),
    z.object({ subscriptions: z.number().int(), templates: z.number().int() }),
  ),
  'subscriptions.save': method(d.subscriptionInputSchema, d.subscriptionSchema),
  'subscriptions.delete': method(
    z.object({ id: z.number().int().positive() }),
    z.object({ id: z.number().int() }),
  ),
  'deliveries.list': method(d.deliveryListInputSchema, d.deliveryListSchema),
  'deliveries.get': method(z.object({ id: z.number().int().positive() }), d.deliveryDetailSchema),
  /** Runs the delivery again now (a failed one gets a fresh round of tries). */
  'deliveries.retry': method(
    z.object({ id: z.number().int().positive() }),
    d.deliverySummarySchema,
  ),
  /** Sends a subscription's latest period, or an ad-hoc report, through the same delivery path. */
  'reports.leads.sendNow': method(d.sendNowInputSchema, d.deliverySummarySchema),
  // --- end subscriptions, scheduler and deliveries ---
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (defaults not yet applied). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

// ---------------------------------------------------------------------------------------
// Push events (core -> renderer)
// ---------------------------------------------------------------------------------------

export const events = {
  'lead.priorityRaised': z.object({
    sessionId: z.string(),
    visitorName: z.string().nullable(),
    from: prioritySchema.nullable(),
    to: prioritySchema,
  }),
  'demo.progress': z.object({ step: z.string(), done: z.number(), total: z.number() }),
  'store.changed': z.object({ tables: z.array(z.string()) }),
  'sync.progress': z.object({
    source: syncSourceSchema,
    step: z.string(),
    done: z.number(),
    total: z.number(),
  }),
  'sync.finished': z.object({ results: z.array(syncSummarySchema) }),
  /** The shell asks the page to show a session (a notification was clicked). */
  'app.openSession': z.object({ sessionId: z.string() }),
  // --- subscriptions, scheduler and deliveries (issue 4) ---
  'delivery.changed': z.object({ id: z.number().int(), status: d.deliveryStatusSchema }),
  // --- end subscriptions, scheduler and deliveries ---
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const eventNames = Object.keys(events) as EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

// ---------------------------------------------------------------------------------------
// The API the preload exposes as `window.leadwatch` (and the test bridge imitates)
// ---------------------------------------------------------------------------------------

type Args<M extends MethodName> =
  undefined extends Input<M> ? [input?: Input<M>] : [input: Input<M>];

export type LeadwatchApi = {
  [M in MethodName]: (...args: Args<M>) => Promise<Result<Output<M>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
