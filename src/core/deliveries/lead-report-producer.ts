import type { LeadReport, LeadReportParams } from '../../shared/lead-report';
import type { PdfEngine } from '../render/pdf-engine';
import { leadReportMail } from '../reports/leads/render/mail';
import { saveLeadReportPdf } from '../reports/leads/render/render';
import { leadRenderOptions, type RenderChoiceDeps } from '../reports/leads/render/render-choice';
import { slackSummary } from '../reports/leads/render/slack';
import type { ProducedReport, ReportProducer } from './types';

export interface LeadReportProducerDeps extends RenderChoiceDeps {
  /** The report computation (reports/leads). */
  generate(params: LeadReportParams): Promise<{ report: LeadReport }>;
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
    const opts = await leadRenderOptions(this.deps, report, request.templateId);
    const { pdf, pdfPath } = await saveLeadReportPdf(
      this.deps.pdf,
      report,
      opts,
      this.deps.reportsDir,
    );
    const names = { staffNames: opts.staffNames, gymNames: opts.gymNames };
    const slack = slackSummary(report, names);
    return {
      report,
      isEmpty: isEmptyLeadReport(report),
      message: leadReportMail(report, pdf, names),
      slackText: slack.text,
      slackBlocks: slack.blocks,
      pdfPath,
    };
  }
}
