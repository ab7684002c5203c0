import type { DeliveryStatus } from '../../shared/deliveries';
import { envNumber } from '../config/provenance';
import { DeliveryScheduler, type SchedulerOptions } from '../scheduler/scheduler';
import { SubscriptionService } from '../subscriptions/subscription-service';
import type { TeamDatabase } from '../team-db/team-db';
import type { ChannelConfig } from './channels';
import { DeliveryRunner, type RunnerOptions } from './delivery-runner';
import { DeliveryService } from './delivery-service';
import type { DeliveryStore } from './delivery-store';
import type { ReportProducer } from './types';

export interface DeliveriesWiring {
  /** Where subscriptions and deliveries live: the team PostgreSQL, or the local store. */
  team: Pick<TeamDatabase, 'deliveries' | 'subscriptions'>;
  producer: ReportProducer;
  config: () => ChannelConfig;
  onChange?: (id: number, status: DeliveryStatus) => void;
  logError?: (message: string, detail: string) => void;
  runner?: RunnerOptions;
  scheduler?: SchedulerOptions;
  maxAttempts?: number;
  now?: () => Date;
}

export interface Deliveries {
  subscriptions: SubscriptionService;
  deliveries: DeliveryService;
  runner: DeliveryRunner;
  /** Not started: the app and the daemon start it; one-shot CLI commands never do. */
  scheduler: DeliveryScheduler;
  store: DeliveryStore;
}

/** Subscriptions, runner, service and scheduler over the team tables, as core and tests build them. */
export function createDeliveries(w: DeliveriesWiring): Deliveries {
  const store = w.team.deliveries;
  const subscriptions = new SubscriptionService(w.team.subscriptions, w.now);
  const runner = new DeliveryRunner(
    {
      store,
      producer: w.producer,
      config: w.config,
      now: w.now,
      onChange: w.onChange,
      logError: w.logError,
    },
    w.runner,
  );
  const deliveries = new DeliveryService({
    deliveries: store,
    subscriptions,
    runner,
    config: w.config,
    now: w.now,
    maxAttempts: w.maxAttempts,
    onChange: w.onChange,
  });
  const scheduler = new DeliveryScheduler(
    { subscriptions, deliveries, runner, store },
    { now: w.now, ...w.scheduler },
  );
  return { subscriptions, deliveries, runner, scheduler, store };
}

/**
 * Operator knobs from the environment (defaults in brackets): DELIVERY_MAX_ATTEMPTS [3],
 * DELIVERY_BACKOFF_SECONDS [60, doubling], DELIVERY_WORKING_TIMEOUT_SECONDS [600],
 * DELIVERY_MAX_ATTACHMENT_MB [10], DELIVERY_POLL_SECONDS [30], DELIVERY_CATCH_UP_DAYS [7].
 */
export function deliveryOptionsFromEnv(
  env: NodeJS.ProcessEnv,
): Pick<DeliveriesWiring, 'runner' | 'scheduler' | 'maxAttempts'> {
  // The same reading the doctor's and start-up's notices about ignored values use.
  const positive = (name: string) => envNumber(env, name) ?? undefined;
  const seconds = (name: string) => {
    const n = positive(name);
    return n === undefined ? undefined : n * 1000;
  };
  const mb = positive('DELIVERY_MAX_ATTACHMENT_MB');
  const days = positive('DELIVERY_CATCH_UP_DAYS');
  const attempts = positive('DELIVERY_MAX_ATTEMPTS');
  return {
    maxAttempts: attempts === undefined ? undefined : Math.floor(attempts),
    runner: {
      backoffMs: seconds('DELIVERY_BACKOFF_SECONDS'),
      workingTimeoutMs: seconds('DELIVERY_WORKING_TIMEOUT_SECONDS'),
      channel: { maxAttachmentBytes: mb === undefined ? undefined : mb * 1024 * 1024 },
    },
    scheduler: {
      pollMs: seconds('DELIVERY_POLL_SECONDS'),
      catchUpMs: days === undefined ? undefined : days * 86_400_000,
    },
  };
}

/** What the channels need of the effective configuration (SLACK_WEBHOOK_URL is environment only). */
export function channelConfig(
  c: {
    smtpUrl: string | null;
    mailFrom: string | null;
    reportRecipients: string[];
    reportTimezone: string;
  },
  env: NodeJS.ProcessEnv,
): ChannelConfig {
  return {
    smtpUrl: c.smtpUrl,
    mailFrom: c.mailFrom,
    reportRecipients: c.reportRecipients,
    slackWebhookUrl: env.SLACK_WEBHOOK_URL?.trim() || null,
    reportTimezone: c.reportTimezone,
  };
}
