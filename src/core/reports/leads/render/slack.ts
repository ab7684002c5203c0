import type { LeadReport } from '../../../../shared/lead-report';
import { buildLeadReportView, type TrendView, type ViewOptions } from './view-model';

export interface SlackSummary {
  /** The notification text and the fallback where blocks are not shown. */
  text: string;
  /** Block Kit blocks for an incoming webhook. */
  blocks: unknown[];
}

/** Slack reads `<…>` as links and mentions and `&` as an entity: these three are escaped. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function trend(t: TrendView | null, previousLabel: string): string {
  if (!t || t.direction === 'none') return '';
  return t.direction === 'new' ? '  _new_' : `  ${t.arrow} ${t.change} vs ${previousLabel}`;
}

/**
 * The report as a Slack incoming-webhook message: a header, where and when, the headline
 * numbers as fields with their change, and the top of the staff table.
 */
export function slackSummary(report: LeadReport, opts: ViewOptions = {}): SlackSummary {
  const view = buildLeadReportView(report, opts);
  const prev = view.period.previousLabel;
  const title = `${view.title} · ${view.period.label}`;
  const where = `Gym ${view.gym} · Branch ${view.branch} · ${view.period.timezone}`;
  const fields = view.kpis.map((k) => ({
    type: 'mrkdwn',
    text: `*${slackEscape(k.label)}*\n${slackEscape(k.value)}${slackEscape(trend(k.trend, prev))}`,
  }));
  const top = view.staff.slice(0, 3);
  const staffLines = top.map(
    (s) =>
      `${s.rank}. ${s.named ? `*${slackEscape(s.name)}*` : `\`${slackEscape(s.userId)}\``} ${s.completed} of ${s.calls} calls (${s.successRate})`,
  );
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: title.slice(0, 150), emoji: false } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: slackEscape(where) }] },
    { type: 'section', fields },
  ];
  if (staffLines.length) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*Most completed calls*\n${staffLines.join('\n')}` },
    });
  }
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: slackEscape(view.labels.note) }],
  });
  const headline = view.kpis
    .map((k) => `${k.label}: ${k.value}${trend(k.trend, prev)}`)
    .join(' · ');
  return { text: slackEscape(`${title} (${where})\n${headline}`), blocks };
}
