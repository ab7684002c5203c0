import Handlebars from 'handlebars';
import type { ChartSet } from './charts';
import type { LeadReportView } from './view-model';

/**
 * What a template (built-in or custom) receives: the view with every string already
 * HTML-escaped and marked safe, and the charts (SVG we drew) marked safe as they are.
 *
 * Why: `{{x}}` escapes, but a custom template may write `{{{x}}}`, which prints raw. Report
 * strings come from the team database (staff ids, call outcomes, gym ids), so raw output
 * would let whoever writes those rows inject markup into a PDF, a preview or a mail. With
 * the strings escaped up front, `{{x}}` and `{{{x}}}` print the same escaped text (a
 * SafeString is not escaped twice), and the only raw HTML a template can print is our own
 * SVG. Object keys are escaped too, since `{{{@key}}}` prints a key raw.
 */
export type TemplateData = Record<string, unknown>;

const escape = Handlebars.Utils.escapeExpression;

function safeValue(value: unknown): unknown {
  if (typeof value === 'string')
    return value === '' ? '' : new Handlebars.SafeString(escape(value));
  if (Array.isArray(value)) return value.map(safeValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [escape(k), safeValue(v)]),
    );
  }
  return value;
}

function trustedCharts(charts: ChartSet): Record<keyof ChartSet, Handlebars.SafeString | null> {
  const out = {} as Record<keyof ChartSet, Handlebars.SafeString | null>;
  for (const [key, svg] of Object.entries(charts) as [keyof ChartSet, string | null][]) {
    out[key] = svg === null ? null : new Handlebars.SafeString(svg);
  }
  return out;
}

export function toTemplateData(view: LeadReportView): TemplateData {
  const { charts, ...rest } = view;
  return { ...(safeValue(rest) as TemplateData), charts: trustedCharts(charts) };
}
