import type { Input, Priority, SessionSource } from '../../../shared/contract';
import type { DeliveryStatus } from '../../../shared/deliveries';

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
  // Under sessions.list: whatever refreshes the session lists refreshes these counts too.
  priorityTotals: ['sessions.list', 'priority-totals'] as const,
  session: (id: string) => ['sessions.get', id] as const,
  hotLeads: (limit: number) => ['leads.hot', limit] as const,
  syncStatus: ['sync.status'] as const,
  // --- lead reports (issue 4) ---
  leadReport: (params: Input<'reports.leads.generate'>) =>
    ['reports.leads.generate', params] as const,
  leadReportHtml: (params: Input<'reports.leads.generate'>, templateId: number | null) =>
    ['reports.leads.render', 'html', params, templateId] as const,
  reportGyms: ['reports.leads.gyms'] as const,
  staff: ['staff.list'] as const,
  gymNames: ['gymNames.list'] as const,
  templates: ['templates.list'] as const,
  template: (id: number) => ['templates.get', id] as const,
  templatePreview: (kind: string, body: string) => ['templates.preview', kind, body] as const,
  subscriptions: ['subscriptions.list'] as const,
  deliveries: (status: DeliveryStatus | null) => ['deliveries.list', status] as const,
  delivery: (id: number) => ['deliveries.get', id] as const,
};
