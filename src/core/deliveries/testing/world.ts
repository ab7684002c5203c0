import { join } from 'node:path';
import type pg from 'pg';
import type { SubscriptionInput } from '../../../shared/deliveries';
import { subscriptionInputSchema } from '../../../shared/deliveries';
import { builtinTemplates } from '../../reports/leads/render/template-store';
import { openStore, type Store } from '../../store/open';
import { TeamDatabase } from '../../team-db/team-db';
import type { ChannelConfig } from '../channels';
import { createDeliveries, type Deliveries, type DeliveriesWiring } from '../wiring';
import { FixtureProducer } from './fixture-producer';

export interface World extends Deliveries {
  db: Store;
  team: TeamDatabase;
  producer: FixtureProducer;
  config: ChannelConfig;
  events: { id: number; status: string }[];
  close(): Promise<void>;
}

/**
 * Subscriptions, runner and scheduler over a real SQLite file in `dir`, or with `pool` over
 * a team PostgreSQL: what core wires, with the fixture producer and test-sized timings.
 * Several worlds on one `dir` are instances sharing a data dir; worlds on different dirs
 * with one `pool` are instances on different machines of one team.
 */
export function deliveryWorld(
  dir: string,
  options: Partial<Omit<DeliveriesWiring, 'team' | 'config'>> & {
    config?: Partial<ChannelConfig>;
    pool?: pg.Pool | null;
  } = {},
): World {
  const db = openStore(join(dir, 'leadwatch.db'));
  const team = new TeamDatabase({
    store: db,
    pool: () => options.pool ?? null,
    prepare: (t) => t.templates.seedBuiltins(builtinTemplates(), new Date().toISOString()),
  });
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
    team,
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
    team,
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
