import type { SessionDetail } from '../../../shared/contract';
import type { ReportMessage } from '../../delivery/notifier';
import { loadTemplate } from '../../render/templates';
import { visitorLabel } from './view-model';

export interface SessionMailInput {
  botName: string;
  session: SessionDetail;
  pdf: Buffer;
  filename: string;
  templatesDir?: string;
}

interface MailView {
  visitorName: string;
  botName: string;
  sessionId: string;
  rows: { label: string; value: string }[];
}

/** Header values must stay on one line whatever a visitor typed as their name. */
function oneLine(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** Subject `"{bot name} Session Report - {user name}"`, as the old system sent it. */
export function sessionReportSubject(botName: string, session: SessionDetail): string {
  return oneLine(`${botName} Session Report - ${visitorLabel(session)}`);
}

/** The session report mail, built once for every channel: subject, text, HTML, the PDF. */
export function buildSessionReportMessage(input: SessionMailInput): ReportMessage {
  const { session } = input;
  const botName = oneLine(input.botName) || 'Chatbot';
  const queries =
    session.totalQueries ?? session.messages.filter((m) => m.sender === 'user').length;
  const rows = [
    { label: 'Visitor', value: visitorLabel(session) },
    { label: 'Email', value: session.email ?? 'not provided' },
    { label: 'Phone', value: session.phone ?? 'not provided' },
    { label: 'Organization', value: session.organization ?? session.company ?? 'not provided' },
    { label: 'Priority', value: session.priority ? session.priority.toUpperCase() : 'not scored' },
    {
      label: 'Lead score',
      value:
        session.leadScore === null
          ? 'n/a'
          : session.leadScore.toLocaleString('en-GB', { maximumFractionDigits: 1 }),
    },
    { label: 'Queries', value: String(queries) },
    { label: 'Messages', value: String(session.messages.length) },
  ];
  const view: MailView = {
    visitorName: visitorLabel(session),
    botName,
    sessionId: session.sourceId,
    rows,
  };
  const text = [
    `A chat session with ${visitorLabel(session)} has ended. The full report is attached as a PDF.`,
    '',
    ...rows.map((r) => `${r.label}: ${r.value}`),
    '',
    `${botName} · session ${session.sourceId} · sent by Leadwatch`,
  ].join('\n');
  return {
    subject: sessionReportSubject(botName, session),
    text,
    html: loadTemplate<MailView>('session-report-mail.hbs', input.templatesDir)(view),
    attachments: [{ filename: input.filename, content: input.pdf, contentType: 'application/pdf' }],
  };
}
