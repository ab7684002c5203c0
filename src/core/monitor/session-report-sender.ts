import type { SessionDetail } from '../../shared/contract';
import { mailFromProblem, recipientsProblem } from '../../shared/recipients';
import { missingMailSettings, type EffectiveConfig } from '../config/effective';
import { ensurePrivateDir, writePrivateFile } from '../config/private-files';
import { EmailNotifier } from '../delivery/email-notifier';
import type { PdfEngine } from '../render/pdf-engine';
import { AppError } from '../rpc/errors';
import {
  renderSessionReportPdf,
  sessionReportFileId,
  sessionReportFilename,
  sessionReportPath,
} from '../reports/session/session-report';
import type { ReportSender } from './monitor';

/**
 * A session's report, start to end: the PDF (one warm browser), kept as
 * `reports/session_{id}.pdf` in the data dir, then mailed to REPORT_RECIPIENTS.
 * Configuration is read per send, so Settings changes apply to the next report.
 */
export class SessionReportSender implements ReportSender {
  constructor(
    private readonly engine: PdfEngine,
    private readonly reportsDir: string,
    private readonly config: () => EffectiveConfig,
  ) {}

  async renderToFile(session: SessionDetail): Promise<{ pdf: Buffer; pdfPath: string }> {
    const c = this.config();
    const pdf = await renderSessionReportPdf(this.engine, session, {
      botName: c.botName,
      timezone: c.reportTimezone,
      generatedAt: new Date(),
    });
    const pdfPath = sessionReportPath(this.reportsDir, sessionReportFileId(session));
    ensurePrivateDir(this.reportsDir);
    await writePrivateFile(pdfPath, pdf);
    return { pdf, pdfPath };
  }

  mailMissing(): string[] {
    return missingMailSettings(this.config());
  }

  async send(session: SessionDetail): Promise<{ pdfPath: string }> {
    const c = this.config();
    // The notifier refuses a missing or malformed SMTP_URL here, before any render.
    const mailer = new EmailNotifier({ smtpUrl: c.smtpUrl, from: c.mailFrom });
    try {
      // And a REPORT_RECIPIENTS or MAIL_FROM entry that is not one plain address, before any
      // render: the check the send makes again, said with where to correct it.
      const problem =
        recipientsProblem('email', c.reportRecipients) ??
        (c.mailFrom ? mailFromProblem(c.mailFrom) : null);
      if (problem) {
        throw new AppError(
          'invalid_input',
          `No report was sent. ${problem} Correct REPORT_RECIPIENTS or MAIL_FROM (environment or Settings).`,
        );
      }
      const { pdf, pdfPath } = await this.renderToFile(session);
      await mailer.sendSessionReport({
        to: c.reportRecipients,
        from: c.mailFrom ?? '',
        botName: c.botName,
        session,
        pdf,
        filename: sessionReportFilename(sessionReportFileId(session)),
      });
      return { pdfPath };
    } finally {
      await mailer.close();
    }
  }
}
