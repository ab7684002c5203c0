import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LeadReport, LeadReportParams, LeadReportType } from '../../../../shared/lead-report';
import type { LeadTemplateKind } from '../../../../shared/report-templates';
import type { PdfEngine } from '../../../render/pdf-engine';
import type { Registry } from '../../../rpc/registry';
import { staffNamesFor } from '../../../staff/report-names';
import type { StaffRows } from '../../../staff/staff-rows';
import {
  buildLeadReportDocument,
  leadReportFilename,
  type LeadRenderOptions,
  renderLeadReportHtml,
} from './render';
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
}

const typeOf = (kind: LeadTemplateKind): LeadReportType =>
  kind === 'leads_daily' ? 'daily' : 'weekly';

/** Which template renders a report: a stored one by id, else the built-in for its type. */
async function renderOptions(
  w: LeadRenderWiring,
  report: LeadReport,
  templateId: number | undefined,
): Promise<LeadRenderOptions> {
  if (templateId === undefined) {
    return { kind: report.report_type === 'daily' ? 'daily' : 'weekly' };
  }
  const template = await w.templates.get(templateId);
  if (template.builtin) return { kind: typeOf(template.kind) };
  return { kind: 'custom', template: template.body };
}

async function renderOptionsWithNames(
  w: LeadRenderWiring,
  report: LeadReport,
  templateId: number | undefined,
): Promise<LeadRenderOptions> {
  const [opts, staffNames] = await Promise.all([
    renderOptions(w, report, templateId),
    staffNamesFor(w.staff, report),
  ]);
  return { ...opts, staffNames };
}

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
      const opts = await renderOptionsWithNames(w, report, templateId);
      if (format === 'html') return { html: renderLeadReportHtml(report, opts) };
      const doc = buildLeadReportDocument(report, opts);
      const pdf = await w.pdf.renderPdf(doc.html, {
        format: 'A4',
        headerTemplate: doc.headerTemplate,
        footerTemplate: doc.footerTemplate,
      });
      await mkdir(w.reportsDir, { recursive: true });
      const pdfPath = join(w.reportsDir, leadReportFilename(report, doc.view));
      await writeFile(pdfPath, pdf);
      return { pdfPath, bytes: pdf.length };
    });
}
