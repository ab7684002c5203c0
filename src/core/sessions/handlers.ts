import type { Registry } from '../rpc/registry';
import type { SessionRepository } from './session-repository';

export function registerSessionHandlers(registry: Registry, sessions: SessionRepository): void {
  registry
    .register('sessions.list', (input) => sessions.list(input))
    .register('sessions.get', ({ id }) => sessions.get(id))
    .register('sessions.priorityTotals', () => ({ totals: sessions.priorityTotals() }))
    .register('leads.hot', ({ limit }) => ({ items: sessions.hot(limit) }));
}
