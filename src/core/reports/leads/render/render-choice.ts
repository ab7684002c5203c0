import type { LeadReport } from '../../../../shared/lead-report';
import type { ReportTemplate } from '../../../../shared/report-templates';
import { staffNamesFor } from '../../../staff/report-names';
import type { StaffRows } from '../../../staff/staff-rows';
import type { LeadRenderOptions } from './render';

export interface RenderChoiceDeps {
  templates: { get(id: number): Promise<ReportTemplate> };
  /** The staff directory, for names instead of user ids. */
  staff?: Pick<StaffRows, 'names'>;
}

/**
 * How a report is rendered, for the Reports page and for deliveries alike: a stored template
 * by id (a built-in row renders its file), else the built-in for the report's type; and the
 * staff directory's names for its staff.
 */
export async function leadRenderOptions(
  deps: RenderChoiceDeps,
  report: LeadReport,
  templateId: number | null | undefined,
): Promise<LeadRenderOptions> {
  const [template, staffNames] = await Promise.all([
    templateId === null || templateId === undefined ? null : deps.templates.get(templateId),
    staffNamesFor(deps.staff, report),
  ]);
  if (template && !template.builtin) return { kind: 'custom', template: template.body, staffNames };
  const kind = template
    ? template.kind
    : report.report_type === 'daily'
      ? 'leads_daily'
      : 'leads_weekly';
  return { kind: kind === 'leads_daily' ? 'daily' : 'weekly', staffNames };
}
