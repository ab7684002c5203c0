import type { LeadReport, LeadReportParams, LeadReportType } from '../../../../shared/lead-report';
import type { LeadTemplateKind } from '../../../../shared/report-templates';
import type { PdfEngine } from '../../../render/pdf-engine';
import type { Registry } from '../../../rpc/registry';
import type { StaffRows } from '../../../staff/staff-rows';
import type { GymNameRows } from '../../../gyms/gym-name-rows';
import { renderLeadReportHtml, saveLeadReportPdf } from './render';
import { leadRenderOptions } from './render-choice';
import { sampleLeadReport } from './sample-report';
import type { LeadTemplateStore } from './template-store';
import { assertValidTemplate, validateTemplate } from './validate';

export interface LeadRenderWiring {
  templates: LeadTemplateStore;
  pdf: PdfEngine;
  reportsDir: string;
  /** The other half of issue 4: computes the report (reports.leads.generate's service). */
  generate: (params: LeadReportParams) => Promise<{ report: LeadReport }>;
  /** The staff directory, for names instead of user ids. */
  staff?: Pick<StaffRows, 'names'>;
  /** The gym directory, for gym and branch names instead of ids. */
  gyms?: Pick<GymNameRows, 'lookup'>;
}

const typeOf = (kind: LeadTemplateKind): LeadReportType =>
  kind === 'leads_daily' ? 'daily' : 'weekly';

export function registerLeadRenderHandlers(registry: Registry, w: LeadRenderWiring): void {
  registry
    .register('templates.list', async ({ kind }) => ({ items: await w.templates.list(kind) }))
    .register('templates.get', ({ id }) => w.templates.get(id))
    .register('templates.save', (input) => {
      assertValidTemplate(input.body, typeOf(input.kind));
      return w.templates.save(input);
    })
    .register('templates.delete', async ({ id }) => {
      await w.templates.delete(id);
      return { id };
    })
    .register('templates.preview', ({ body, kind }) => {
      const type = typeOf(kind);
      const checked = validateTemplate(body, type);
      if (!checked.valid) {
        return { html: null, problem: { line: checked.line, message: checked.message } };
      }
      const html = renderLeadReportHtml(sampleLeadReport(type), { kind: 'custom', template: body });
      return { html, problem: null };
    })
    .register('reports.leads.render', async ({ params, templateId, format }) => {
      const { report } = await w.generate(params);
      const opts = await leadRenderOptions(w, report, templateId);
      if (format === 'html') return { html: renderLeadReportHtml(report, opts) };
      const { pdf, pdfPath } = await saveLeadReportPdf(w.pdf, report, opts, w.reportsDir);
      return { pdfPath, bytes: pdf.length };
    });
}
