import type { Registry } from '../../rpc/registry';
import type { LeadReportService } from './service';

export function registerLeadReportHandlers(registry: Registry, reports: LeadReportService): void {
  registry
    .register('reports.leads.generate', (params) => reports.generate(params))
    .register('reports.leads.gyms', () => reports.gyms());
}
