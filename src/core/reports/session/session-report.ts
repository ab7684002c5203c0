import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { SessionDetail } from '../../../shared/contract';
import type { PdfEngine } from '../../render/pdf-engine';
import { loadTemplate } from '../../render/templates';
import { buildView, type SessionReportOptions, type SessionReportView } from './view-model';

export type { SessionReportOptions } from './view-model';

export interface SessionReportDocument {
  /** One self-contained HTML document: styles inline, user text escaped. */
  html: string;
  /** Chromium's running header (bot name, session id) and footer ("Page X of Y"). */
  headerTemplate: string;
  footerTemplate: string;
}

/** The report's HTML and its running header and footer, from one view of the session. */
export function buildSessionReport(
  session: SessionDetail,
  opts: SessionReportOptions,
): SessionReportDocument {
  const view = buildView(session, opts);
  const render = (name: string) => loadTemplate<SessionReportView>(name, opts.templatesDir)(view);
  return {
    html: render('session-report.hbs'),
    headerTemplate: render('session-report-header.hbs'),
    footerTemplate: render('session-report-footer.hbs'),
  };
}

export function buildSessionReportHtml(session: SessionDetail, opts: SessionReportOptions): string {
  return buildSessionReport(session, opts).html;
}

export async function renderSessionReportPdf(
  engine: PdfEngine,
  session: SessionDetail,
  opts: SessionReportOptions,
): Promise<Buffer> {
  const { html, headerTemplate, footerTemplate } = buildSessionReport(session, opts);
  return engine.renderPdf(html, { format: 'A4', headerTemplate, footerTemplate });
}

/**
 * The id a session's report file is named by: the upstream id for the chatbot's Redis
 * sessions (`session_{id}.pdf`, as the old system named them), prefixed by the source for
 * the others so a web-chat and a Redis session with the same id never share a file.
 */
export function sessionReportFileId(session: Pick<SessionDetail, 'source' | 'sourceId'>): string {
  return session.source === 'redis' ? session.sourceId : `${session.source}_${session.sourceId}`;
}

const MAX_ID_CHARS = 100;

/**
 * A session id made safe as part of a file name on every OS: only letters, digits, `.`, `_`
 * and `-`, no leading dot, bounded length. When anything had to change, a short hash of the
 * original is appended so two ids that clean up the same (`a/b`, `a:b`) stay two files.
 */
export function safeFileId(id: string): string {
  let safe = id.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '');
  if (safe.length > MAX_ID_CHARS) safe = safe.slice(0, MAX_ID_CHARS);
  if (safe === id && safe !== '') return safe;
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 8);
  return safe ? `${safe}_${hash}` : hash;
}

export function sessionReportFilename(id: string): string {
  return `session_${safeFileId(id)}.pdf`;
}

/** `{reportsDir}/session_{safe id}.pdf`. */
export function sessionReportPath(reportsDir: string, id: string): string {
  return join(reportsDir, sessionReportFilename(id));
}
