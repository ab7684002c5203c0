import type { LeadReport, LeadReportParams } from '../../../shared/lead-report';
import { leadReportMail } from '../../reports/leads/render/mail';
import { slackSummary } from '../../reports/leads/render/slack';
import { emptyLeadReport, sampleLeadReport } from '../../reports/leads/render/sample-report';
import { isEmptyLeadReport } from '../lead-report-producer';
import type { ProducedReport, ReportProducer } from '../types';

/** The fixture report for the requested params (gym and type patched in). */
export function fixtureReport(params: LeadReportParams, empty = false): LeadReport {
  const type = params.type === 'daily' ? 'daily' : 'weekly';
  const base = empty ? emptyLeadReport(type) : sampleLeadReport(type);
  return { ...base, report_type: params.type, gym_id: params.gymId, branch_id: params.branchId };
}

/**
 * A real producer over a fixture report: the same view, mail summary and Slack text as the
 * lead report producer, with a small PDF-like attachment instead of a Chromium render (the
 * delivery tests are about the machinery; one test renders a real PDF).
 */
export class FixtureProducer implements ReportProducer {
  calls = 0;
  empty = false;
  /** When set, the next produce waits for it (a hung render). */
  hold: Promise<void> | null = null;

  async produce(request: { params: LeadReportParams }): Promise<ProducedReport> {
    this.calls += 1;
    const hold = this.hold;
    this.hold = null;
    if (hold) await hold;
    const report = fixtureReport(request.params, this.empty);
    const content = Buffer.from('%PDF-1.4\n% fixture\n%%EOF\n');
    const generatedAt = '2026-11-23T07:00:00Z';
    const slack = slackSummary(report, { generatedAt });
    return {
      report,
      isEmpty: isEmptyLeadReport(report),
      message: leadReportMail(report, content, { generatedAt }),
      slackText: slack.text,
      slackBlocks: slack.blocks,
      pdfPath: null,
    };
  }
}
