import type { LeadReport } from '../../../../shared/lead-report';
import type { ReportTemplate } from '../../../../shared/report-templates';
import { staffNamesFor } from '../../../staff/report-names';
import type { StaffRows } from '../../../staff/staff-rows';
import type { GymNameRows } from '../../../gyms/gym-name-rows';
import { gymNamesFor } from '../../../gyms/gym-name-service';
import type { LeadRenderOptions } from './render';

export interface RenderChoiceDeps {
  templates: { get(id: number): Promise<ReportTemplate> };
  /** The staff directory, for names instead of user ids. */
  staff?: Pick<StaffRows, 'names'>;
  /** The gym directory, for the gym's and the branch's names instead of their ids. */
  gyms?: Pick<GymNameRows, 'lookup'>;
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
  const [template, staffNames, gymNames] = await Promise.all([
    templateId === null || templateId === undefined ? null : deps.templates.get(templateId),
    staffNamesFor(deps.staff, report),
    gymNamesFor(deps.gyms, report.gym_id, report.branch_id),
  ]);
  if (template && !template.builtin) {
    return { kind: 'custom', template: template.body, staffNames, gymNames };
  }
  const kind = template
    ? template.kind
    : report.report_type === 'daily'
      ? 'leads_daily'
      : 'leads_weekly';
  return { kind: kind === 'leads_daily' ? 'daily' : 'weekly', staffNames, gymNames };
}
