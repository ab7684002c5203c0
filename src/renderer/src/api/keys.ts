import type { Priority, SessionSource } from '../../../shared/contract';

export interface SessionFilter {
  query?: string;
  source?: SessionSource;
  priority?: Priority;
}

/** Query keys start with the contract method, so invalidating by method name is one line. */
export const keys = {
  appInfo: ['app.info'] as const,
  settings: ['settings.get'] as const,
  sessionList: (filter: SessionFilter) => ['sessions.list', 'pages', filter] as const,
  recentSessions: (limit: number) => ['sessions.list', 'recent', limit] as const,
  priorityTotal: (priority: Priority) => ['sessions.list', 'priority-total', priority] as const,
  session: (id: string) => ['sessions.get', id] as const,
  hotLeads: (limit: number) => ['leads.hot', limit] as const,
  syncStatus: ['sync.status'] as const,
};
