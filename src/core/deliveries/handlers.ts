import type { Registry } from '../rpc/registry';
import type { Store } from '../store/open';
import { localLeftovers, moveLocalToTeam } from '../team-db/move-local';
import type { TeamDatabase } from '../team-db/team-db';
import type { Deliveries } from './wiring';

/** Contract handlers for subscriptions and deliveries: validation is the registry's, logic the services'. */
export function registerDeliveryHandlers(
  registry: Registry,
  d: Deliveries,
  team: { db: TeamDatabase; store: Store },
): void {
  registry
    .register('subscriptions.list', async () => ({
      items: await d.subscriptions.list(),
      storage: team.db.storage,
      localOnly: (await localLeftovers(team.store, team.db)).subscriptions,
    }))
    .register('subscriptions.moveToTeam', async ({ pause }) => {
      const moved = await moveLocalToTeam(team.store, team.db, { pause });
      if (moved.subscriptions) d.subscriptions.announce(); // the scheduler plans them now
      return moved;
    })
    .register('subscriptions.save', (input) => d.subscriptions.save(input))
    .register('subscriptions.delete', ({ id }) => d.subscriptions.delete(id))
    .register('deliveries.list', (filter) => d.deliveries.list(filter))
    .register('deliveries.get', ({ id }) => d.deliveries.get(id))
    .register('deliveries.retry', ({ id }) => d.deliveries.retry(id))
    .register('reports.leads.sendNow', (input) => d.deliveries.sendNow(input));
}
