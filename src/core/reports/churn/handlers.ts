import type { Registry } from '../../rpc/registry';
import type { ChurnReportService } from './service';

export function registerChurnReportHandlers(registry: Registry, reports: ChurnReportService): void {
  registry.register('reports.churn.generate', (params) => reports.generate(params));
}
