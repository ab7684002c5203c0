import { join } from 'node:path';
import type { SubscriptionInput } from '../../../shared/deliveries';
import { subscriptionInputSchema } from '../../../shared/deliveries';
import { openStore, type Store } from '../../store/open';
import type { ChannelConfig } from '../channels';
import { createDeliveries, type Deliveries, type DeliveriesWiring } from '../wiring';
import { FixtureProducer } from './fixture-producer';

export interface World extends Deliveries {
  db: Store;
  producer: FixtureProducer;
  config: ChannelConfig;
  events: { id: number; status: string }[];
  close(): Promise<void>;
}

/**
 * Subscriptions, runner and scheduler over a real SQLite file in `dir`: what core wires,
 * with the fixture producer and test-sized timings. Several worlds on one `dir` are
 * several instances sharing the store.
 */
export function deliveryWorld(
  dir: string,
  options: Partial<Omit<DeliveriesWiring, 'store' | 'config'>> & {
    config?: Partial<ChannelConfig>;
  } = {},
): World {
  const db = openStore(join(dir, 'leadwatch.db'));
  const producer = (options.producer as FixtureProducer | undefined) ?? new FixtureProducer();
  const config: ChannelConfig = {
    smtpUrl: null,
    mailFrom: 'leadwatch@example.com',
    reportRecipients: ['sales@example.com'],
    slackWebhookUrl: null,
    reportTimezone: 'UTC',
    ...options.config,
  };
  const events: World['events'] = [];
  const d = createDeliveries({
    ...options,
    store: db,
    producer,
    config: () => config,
    onChange: (id, status) => {
      events.push({ id, status });
      options.onChange?.(id, status);
    },
    logError: (message, detail) =>
      db.sqlite
        .prepare('INSERT INTO error_log (scope, message, detail) VALUES (?, ?, ?)')
        .run('delivery', message, detail),
    runner: { backoffMs: 200, workingTimeoutMs: 5_000, ...options.runner },
  });
  return {
    ...d,
    db,
    producer,
    config,
    events,
    close: async () => {
      await d.scheduler.stop();
      db.close();
    },
  };
}

export function subscription(overrides: Partial<SubscriptionInput> = {}) {
  return subscriptionInputSchema.parse({
    gymId: 'gym-1',
    reportType: 'daily',
    deliveryMethod: 'email',
    recipients: ['manager@example.com'],
    deliveryTime: '07:00',
    timezone: 'Europe/Berlin',
    createdBy: 'owner@example.com',
    ...overrides,
  });
}
