import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LeadReport, LeadReportParams } from '../../shared/lead-report';
import type { ReportTemplate } from '../../shared/report-templates';
import type { PdfEngine } from '../render/pdf-engine';
import {
  buildLeadReportDocument,
  leadReportFilename,
  type LeadRenderOptions,
} from '../reports/leads/render/render';
import { leadReportMail } from '../reports/leads/render/mail';
import { slackSummary } from '../reports/leads/render/slack';
import { staffNamesFor } from '../staff/report-names';
import type { StaffRows } from '../staff/staff-rows';
import type { ProducedReport, ReportProducer } from './types';

export interface LeadReportProducerDeps {
  /** The report computation (reports/leads). */
  generate(params: LeadReportParams): Promise<{ report: LeadReport }>;
  templates: { get(id: number): Promise<ReportTemplate> };
  /** The staff directory, for names instead of user ids. */
  staff?: Pick<StaffRows, 'names'>;
  pdf: PdfEngine;
  reportsDir: string;
}

/** Nothing happened: no leads created or converted and no calls (what skip-when-empty skips). */
export function isEmptyLeadReport(report: LeadReport): boolean {
  return report.leads.created === 0 && report.leads.converted === 0 && report.calls.total === 0;
}

/**
 * The lead report as deliveries need it: computed, rendered once into the PDF (kept in the
 * data dir's reports/), a mail summary and a Slack message, all from the same view.
 */
export class LeadReportProducer implements ReportProducer {
  constructor(private readonly deps: LeadReportProducerDeps) {}

  async produce(request: {
    params: LeadReportParams;
    templateId: number | null;
  }): Promise<ProducedReport> {
    const { report } = await this.deps.generate(request.params);
    const staffNames = await staffNamesFor(this.deps.staff, report);
    const doc = buildLeadReportDocument(report, {
      ...(await this.#options(report, request.templateId)),
      staffNames,
    });
    const pdf = await this.deps.pdf.renderPdf(doc.html, {
      format: 'A4',
      headerTemplate: doc.headerTemplate,
      footerTemplate: doc.footerTemplate,
    });
    const filename = leadReportFilename(report, doc.view);
    await mkdir(this.deps.reportsDir, { recursive: true });
    const pdfPath = join(this.deps.reportsDir, filename);
    await writeFile(pdfPath, pdf);
    const slack = slackSummary(report, { staffNames });
    return {
      report,
      isEmpty: isEmptyLeadReport(report),
      message: leadReportMail(report, pdf, { staffNames }),
      slackText: slack.text,
      slackBlocks: slack.blocks,
      pdfPath,
    };
  }

  /** A stored template by id (a built-in row renders its file), else the type's built-in. */
  async #options(report: LeadReport, templateId: number | null): Promise<LeadRenderOptions> {
    const builtin = report.report_type === 'daily' ? 'daily' : 'weekly';
    if (templateId === null) return { kind: builtin };
    const t = await this.deps.templates.get(templateId);
    if (t.builtin) return { kind: t.kind === 'leads_daily' ? 'daily' : 'weekly' };
    return { kind: 'custom', template: t.body };
  }
}
