import type { LeadReport } from '../../../../shared/lead-report';
import { LEAD_STATUSES } from '../../../../shared/lead-report';
import {
  conversionRateText,
  leadFigureLabels,
  type LeadFigureLabels,
} from '../../../../shared/lead-report-labels';
import { breakParts } from '../../../render/break-points';
import { buildCharts, statusLabel, type ChartSet } from './charts';
import {
  NONE,
  describePeriod,
  formatChange,
  formatCount,
  formatDuration,
  formatGeneratedAt,
  formatRate,
  hourLabel,
  humanize,
  type PeriodText,
} from './format';

type Direction = 'up' | 'down' | 'flat';

export interface TrendView {
  key: string;
  label: string;
  current: string;
  previous: string;
  /** "+12.5 %", "new" (nothing before, something now) or "—" (nothing either time). */
  change: string;
  direction: Direction | 'new' | 'none';
  arrow: string;
}

export interface KpiView {
  label: string;
  value: string;
  detail: string;
  trend: TrendView | null;
}

export interface LeadReportView {
  title: string;
  kindLabel: string;
  /** The gym's directory name, else its id. */
  gym: string;
  /** `gym` cut where a line may break (an address before "@" and after dots). */
  gymParts: string[];
  gymId: string;
  gymNamed: boolean;
  /** The branch's directory name, else its id; "All branches" for the whole gym. */
  branch: string;
  branchParts: string[];
  branchId: string | null;
  period: PeriodText;
  generatedAt: string;
  kpis: KpiView[];
  /**
   * The figures' names with what each counts (the two "converted" counts differ), and the
   * section subtitles that say which leads a chart or the funnel follows.
   */
  labels: LeadFigureLabels;
  trends: TrendView[];
  statuses: { key: string; label: string; count: string; share: string }[];
  outcomes: { label: string; count: string; share: string }[];
  calls: Record<
    'total' | 'completed' | 'missed' | 'failed' | 'successRate' | 'avgDuration',
    string
  >;
  busiestHour: string | null;
  bestHour: string | null;
  staff: StaffRowView[];
  funnel: { label: string; count: string; ofCreated: string; width: number }[];
  hasLeads: boolean;
  hasCalls: boolean;
  hasStaff: boolean;
  charts: ChartSet;
  /** The report as its JSON has it, for custom templates that want raw numbers. */
  report: LeadReport;
}

export interface StaffRowView {
  rank: number;
  userId: string;
  /** From the staff directory; the id itself when the directory has no name for it. */
  name: string;
  /** `name` cut where a line may break: a name that is an e-mail address stays readable. */
  nameParts: string[];
  named: boolean;
  /** `who` for a name, `id` (monospace) for a bare id. */
  nameClass: 'who' | 'id';
  calls: string;
  completed: string;
  successRate: string;
  interested: string;
  avgDuration: string;
}

const KIND_LABEL: Record<LeadReport['report_type'], string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  custom: 'Period',
};

const ARROWS: Record<TrendView['direction'], string> = {
  up: '▲',
  down: '▼',
  flat: '►',
  new: '★',
  none: '',
};

type TrendKey = keyof LeadReport['trends'];

function trendView(
  report: LeadReport,
  key: TrendKey,
  label: string,
  values: [current: string, previous: string],
  hadBefore: boolean,
  hasNow: boolean,
): TrendView {
  const t = report.trends[key];
  let direction: TrendView['direction'] = t.direction;
  let change: string;
  if (t.change_pct !== null) change = formatChange(t.change_pct);
  else if (!hadBefore && hasNow) [direction, change] = ['new', 'new'];
  else [direction, change] = ['none', NONE];
  return {
    key,
    label,
    current: values[0],
    previous: values[1],
    change,
    direction,
    arrow: ARROWS[direction],
  };
}

function trends(r: LeadReport, names: LeadFigureLabels): TrendView[] {
  const p = r.previous;
  return [
    trendView(
      r,
      'leads_created',
      'Leads created',
      [formatCount(r.leads.created), formatCount(p.leads.created)],
      p.leads.created > 0,
      r.leads.created > 0,
    ),
    trendView(
      r,
      'converted',
      names.convertedInPeriod,
      [formatCount(r.leads.converted), formatCount(p.leads.converted)],
      p.leads.converted > 0,
      r.leads.converted > 0,
    ),
    trendView(
      r,
      'calls_total',
      'Calls made',
      [formatCount(r.calls.total), formatCount(p.calls.total)],
      p.calls.total > 0,
      r.calls.total > 0,
    ),
    trendView(
      r,
      'success_rate',
      'Call success rate',
      [formatRate(r.calls.success_rate), formatRate(p.calls.success_rate)],
      (p.calls.success_rate ?? 0) > 0,
      r.calls.success_rate !== null,
    ),
  ];
}

function share(part: number, whole: number): string {
  return whole === 0 ? NONE : formatRate(part / whole);
}

function kpis(r: LeadReport, t: TrendView[], names: LeadFigureLabels): KpiView[] {
  const byKey = new Map(t.map((x) => [x.key, x]));
  const c = r.calls.by_status;
  const nowConverted = r.leads.by_status.converted;
  return [
    {
      label: 'Leads created',
      value: formatCount(r.leads.created),
      detail: `${formatCount(nowConverted)} now converted (${share(nowConverted, r.leads.created)}) · ${formatCount(r.leads.by_status.new)} still new`,
      trend: byKey.get('leads_created') ?? null,
    },
    {
      label: names.convertedInPeriod,
      value: formatCount(r.leads.converted),
      detail: `${conversionRateText(formatRate(r.leads.conversion_rate), r.report_type)}, older leads included`,
      trend: byKey.get('converted') ?? null,
    },
    {
      label: 'Calls made',
      value: formatCount(r.calls.total),
      detail: `${formatCount(c.completed)} completed`,
      trend: byKey.get('calls_total') ?? null,
    },
    {
      label: 'Call success rate',
      value: formatRate(r.calls.success_rate),
      detail: `${formatCount(c.missed)} missed · ${formatCount(c.failed)} failed`,
      trend: byKey.get('success_rate') ?? null,
    },
    {
      label: 'Avg call length',
      value: formatDuration(r.calls.avg_duration_s),
      detail: `previously ${formatDuration(r.previous.calls.avg_duration_s)}`,
      trend: null,
    },
  ];
}

/** The hour with most calls, and the one with the best success rate (of hours with ≥ 3 calls). */
function peakHours(r: LeadReport): { busiest: string | null; best: string | null } {
  const withCalls = r.time_of_day.filter((h) => h.calls > 0);
  if (withCalls.length === 0) return { busiest: null, best: null };
  const busiest = withCalls.reduce((a, b) => (b.calls > a.calls ? b : a));
  const rated = withCalls.filter((h) => h.calls >= 3 && h.success_rate !== null);
  const best = rated.length
    ? rated.reduce((a, b) => ((b.success_rate ?? 0) > (a.success_rate ?? 0) ? b : a))
    : null;
  return {
    busiest: `${hourLabel(busiest.hour)} (${formatCount(busiest.calls)} calls)`,
    best: best ? `${hourLabel(best.hour)} (${formatRate(best.success_rate)} completed)` : null,
  };
}

function funnel(r: LeadReport, names: LeadFigureLabels): LeadReportView['funnel'] {
  const f = r.funnel;
  const steps: [string, number][] = [
    ['Created', f.created],
    ['Contacted', f.contacted],
    ['Qualified', f.qualified],
    [names.nowConverted, f.converted],
  ];
  return steps.map(([label, n]) => ({
    label,
    count: formatCount(n),
    ofCreated: share(n, f.created),
    // A step with a handful of leads still gets a sliver, so the bar reads as "some".
    width: f.created === 0 ? 0 : Math.max(n > 0 ? 2 : 0, Math.round((n / f.created) * 100)),
  }));
}

export interface ViewOptions {
  generatedAt?: Date | string;
  /** Staff directory names by user id; the report JSON itself only has ids. */
  staffNames?: ReadonlyMap<string, string>;
  /** The gym directory's names for the report's gym and branch (null where none). */
  gymNames?: GymNames;
}

export interface GymNames {
  gym: string | null;
  branch: string | null;
}

/**
 * Everything the templates show, formatted for people. Templates only print and loop;
 * values here are plain text (escaped on the way into the template, see template-data.ts),
 * except the charts, which are SVG drawn by us.
 */
export function buildLeadReportView(report: LeadReport, opts: ViewOptions = {}): LeadReportView {
  const period = describePeriod(report);
  const labels = leadFigureLabels(report.report_type);
  const t = trends(report, labels);
  const calls = report.calls;
  const peaks = peakHours(report);
  const outcomeTotal = Object.values(calls.by_outcome).reduce((a, b) => a + b, 0);
  const names = opts.staffNames ?? new Map<string, string>();
  const kind = KIND_LABEL[report.report_type];
  const gym = opts.gymNames?.gym || report.gym_id;
  const branch = report.branch_id ? opts.gymNames?.branch || report.branch_id : 'All branches';
  return {
    title: `${kind} lead report`,
    kindLabel: kind,
    gym,
    gymParts: breakParts(gym),
    gymId: report.gym_id,
    gymNamed: Boolean(opts.gymNames?.gym),
    branch,
    branchParts: breakParts(branch),
    branchId: report.branch_id,
    period,
    generatedAt: formatGeneratedAt(opts.generatedAt ?? new Date(), period.timezone),
    kpis: kpis(report, t, labels),
    labels,
    trends: t,
    statuses: LEAD_STATUSES.map((s) => ({
      key: s,
      label: statusLabel(s, labels),
      count: formatCount(report.leads.by_status[s]),
      share: share(report.leads.by_status[s], report.leads.created),
    })),
    outcomes: Object.entries(calls.by_outcome)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([key, n]) => ({
        label: humanize(key),
        count: formatCount(n),
        share: share(n, outcomeTotal),
      })),
    calls: {
      total: formatCount(calls.total),
      completed: formatCount(calls.by_status.completed),
      missed: formatCount(calls.by_status.missed),
      failed: formatCount(calls.by_status.failed),
      successRate: formatRate(calls.success_rate),
      avgDuration: formatDuration(calls.avg_duration_s),
    },
    busiestHour: peaks.busiest,
    bestHour: peaks.best,
    staff: report.staff.map((s, i) => ({
      rank: i + 1,
      userId: s.user_id,
      name: names.get(s.user_id) ?? s.user_id,
      nameParts: breakParts(names.get(s.user_id) ?? s.user_id),
      named: names.has(s.user_id),
      nameClass: names.has(s.user_id) ? 'who' : 'id',
      calls: formatCount(s.calls),
      completed: formatCount(s.completed),
      successRate: formatRate(s.success_rate),
      interested: formatCount(s.interested),
      avgDuration: formatDuration(s.avg_duration_s),
    })),
    funnel: funnel(report, labels),
    hasLeads: report.leads.created > 0 || report.leads.converted > 0,
    hasCalls: calls.total > 0,
    hasStaff: report.staff.length > 0,
    charts: buildCharts(report, period.previousLabel, names, labels),
    report,
  };
}
