import type { ReportMessage } from '../../../delivery/notifier';
import type { LeadReport } from '../../../../shared/lead-report';
import { builtinTemplate } from './engine';
import { leadReportFilename } from './render';
import { neutraliseHtml } from './sanitize';
import { toTemplateData } from './template-data';
import {
  buildLeadReportView,
  type GymNames,
  type LeadReportView,
  type TrendView,
} from './view-model';

export interface LeadMailOptions {
  generatedAt?: Date | string;
  templatesDir?: string;
  staffNames?: ReadonlyMap<string, string>;
  gymNames?: GymNames;
}

/** Header values must stay on one line whatever an id holds. */
function oneLine(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

const TREND_COLOUR: Record<TrendView['direction'], string> = {
  up: '#166534',
  down: '#991b1b',
  flat: '#475569',
  new: '#1e40af',
  none: '#64748b',
};

function trendText(t: TrendView | null): string {
  if (!t) return '';
  return t.arrow ? `${t.arrow} ${t.change}` : t.change;
}

function mailRows(view: LeadReportView) {
  return view.kpis.map((k) => ({
    label: k.label,
    value: k.value,
    trend: trendText(k.trend),
    colour: TREND_COLOUR[k.trend?.direction ?? 'none'],
  }));
}

export function leadReportSubject(view: LeadReportView): string {
  return oneLine(`${view.title} · ${view.period.label} · Gym ${view.gym}`);
}

/**
 * The lead report mail, built once for every channel: a subject, the headline numbers as
 * text and as a short HTML summary (one chart inline; the rest is in the PDF), the PDF.
 */
export function leadReportMail(
  report: LeadReport,
  pdf?: Buffer,
  opts: LeadMailOptions = {},
): ReportMessage {
  const view = buildLeadReportView(report, {
    generatedAt: opts.generatedAt,
    staffNames: opts.staffNames,
    gymNames: opts.gymNames,
  });
  const rows = mailRows(view);
  const attachmentNote = pdf
    ? 'The full report, with charts, the lead funnel and every staff member, is attached as a PDF.'
    : 'Open Leadwatch for the full report.';
  const topStaff = view.staff.slice(0, 3);
  const data = toTemplateData({
    ...view,
    mailRows: rows,
    topStaff,
    attachmentNote,
  } as LeadReportView);
  const html = neutraliseHtml(builtinTemplate('lead-report-mail.hbs', opts.templatesDir)(data));
  const text = [
    `${view.title} — ${view.period.label}`,
    `Gym ${view.gym} · Branch ${view.branch} · ${view.period.timezone}`,
    '',
    ...rows.map(
      (r) =>
        `${r.label}: ${r.value}${r.trend ? ` (${r.trend} vs ${view.period.previousLabel})` : ''}`,
    ),
    '',
    view.labels.note,
    ...(topStaff.length
      ? [
          '',
          'Most completed calls:',
          ...topStaff.map(
            (s) => `${s.rank}. ${s.name}: ${s.completed} of ${s.calls} calls (${s.successRate})`,
          ),
        ]
      : []),
    '',
    attachmentNote,
    '',
    `Sent by Leadwatch · generated ${view.generatedAt}`,
  ].join('\n');
  return {
    subject: leadReportSubject(view),
    text,
    html,
    attachments: pdf
      ? [
          {
            filename: leadReportFilename(report, view),
            content: pdf,
            contentType: 'application/pdf',
          },
        ]
      : [],
  };
}
