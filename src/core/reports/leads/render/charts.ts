import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import type { LeadReport } from '../../../../shared/lead-report';
import { LEAD_STATUSES } from '../../../../shared/lead-report';
import { leadFigureLabels, type LeadFigureLabels } from '../../../../shared/lead-report-labels';
import { formatCount, humanize } from './format';

/**
 * The report's charts, drawn by ECharts on the server as SVG (its SSR mode: no DOM, no
 * canvas) and embedded inline, so the PDF, the mail and the app show the same picture and
 * a page with scripts off still has them. Colours are chosen for paper: a white ground,
 * dark text, and pairs that stay apart when printed in greys (light "all" vs dark "done").
 */
export const PALETTE = {
  ink: '#0f172a',
  muted: '#64748b',
  grid: '#e2e8f0',
  total: '#cbd5e1',
  done: '#1d4ed8',
  previous: '#94a3b8',
  current: '#1d4ed8',
} as const;

export const STATUS_COLOURS: Record<(typeof LEAD_STATUSES)[number], string> = {
  new: '#93c5fd',
  contacted: '#3b82f6',
  qualified: '#7c3aed',
  converted: '#15803d',
  lost: '#dc2626',
};

const FONT = "'Liberation Sans', 'DejaVu Sans', Arial, sans-serif";

export interface ChartSet {
  status: string | null;
  hours: string | null;
  staff: string | null;
  comparison: string;
}

/** One chart to an SVG string; the instance is disposed at once (SSR keeps no state). */
export function renderSvg(option: EChartsOption, width: number, height: number, label: string) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: 'transparent',
      textStyle: { fontFamily: FONT, color: PALETTE.ink },
      ...option,
    });
    const svg = chart.renderToSVGString();
    // The label is ours (a fixed title), escaped anyway: it lands inside an attribute.
    return svg.replace('<svg ', `<svg role="img" aria-label="${escapeAttr(label)}" `);
  } finally {
    chart.dispose();
  }
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

const axisLabel = { color: PALETTE.muted, fontSize: 10, fontFamily: FONT };
const splitLine = { lineStyle: { color: PALETTE.grid } };
const legend = {
  top: 0,
  right: 0,
  itemWidth: 10,
  itemHeight: 10,
  textStyle: { color: PALETTE.ink, fontSize: 10, fontFamily: FONT },
};

/** A status of the period's new leads; "converted" among them has its own name. */
export function statusLabel(status: string, names: LeadFigureLabels): string {
  return status === 'converted' ? names.nowConverted : humanize(status);
}

/** Leads created in the period by their current status, as a donut with counts in the legend. */
export function statusChart(
  report: LeadReport,
  names: LeadFigureLabels = leadFigureLabels(report.report_type),
): string | null {
  const data = LEAD_STATUSES.map((s) => ({
    name: statusLabel(s, names),
    value: report.leads.by_status[s],
    itemStyle: { color: STATUS_COLOURS[s] },
  }));
  if (data.every((d) => d.value === 0)) return null;
  const counts = new Map(data.map((d) => [d.name, d.value]));
  return renderSvg(
    {
      legend: {
        ...legend,
        orient: 'vertical',
        top: 'middle',
        right: 4,
        itemGap: 9,
        formatter: (name: string) => `${name}  ${formatCount(counts.get(name) ?? 0)}`,
      },
      series: [
        {
          type: 'pie',
          radius: ['48%', '80%'],
          center: ['32%', '50%'],
          label: { show: false },
          itemStyle: { borderColor: '#fff', borderWidth: 1.5 },
          data: data.filter((d) => d.value > 0),
        },
      ],
    },
    340,
    190,
    'Leads by status',
  );
}

/** 24 bars: all calls (light) with the completed ones drawn over them (dark). */
export function hoursChart(report: LeadReport): string | null {
  if (report.calls.total === 0) return null;
  const hours = report.time_of_day;
  return renderSvg(
    {
      legend: { ...legend, data: ['All calls', 'Completed'] },
      grid: { left: 30, right: 6, top: 26, bottom: 22 },
      xAxis: {
        type: 'category',
        data: hours.map((h) => String(h.hour).padStart(2, '0')),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: PALETTE.total } },
        axisLabel: { ...axisLabel, interval: 2 },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel, splitLine },
      series: [
        {
          name: 'All calls',
          type: 'bar',
          data: hours.map((h) => h.calls),
          itemStyle: { color: PALETTE.total },
          barWidth: '62%',
        },
        {
          name: 'Completed',
          type: 'bar',
          data: hours.map((h) => h.completed),
          itemStyle: { color: PALETTE.done },
          barWidth: '62%',
          barGap: '-100%',
        },
      ],
    },
    520,
    190,
    'Calls by hour of day',
  );
}

export const STAFF_IN_CHART = 8;

/** Staff ids are often UUIDs: the chart shows a short form, the table beside it the whole id. */
export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

/** A staff member's chart label: the name from the staff directory, else the short id. */
function staffLabel(id: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(id);
  if (!name) return shortId(id);
  return name.length > 16 ? `${name.slice(0, 15)}…` : name;
}

/** The busiest staff (as sorted by the report: completed, then calls), calls vs completed. */
export function staffChart(
  report: LeadReport,
  names: ReadonlyMap<string, string> = new Map(),
): string | null {
  const staff = report.staff.slice(0, STAFF_IN_CHART);
  if (staff.length === 0) return null;
  // ECharts draws the first category at the bottom; the best should be on top.
  const rows = [...staff].reverse();
  return renderSvg(
    {
      legend: { ...legend, data: ['All calls', 'Completed'] },
      grid: { left: names.size ? 112 : 84, right: 40, top: 26, bottom: 4 },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { show: false }, splitLine },
      yAxis: {
        type: 'category',
        data: rows.map((s) => staffLabel(s.user_id, names)),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: PALETTE.total } },
        axisLabel: { ...axisLabel, color: PALETTE.ink },
      },
      series: [
        {
          name: 'All calls',
          type: 'bar',
          data: rows.map((s) => s.calls),
          itemStyle: { color: PALETTE.total },
          barWidth: '58%',
          label: { show: true, position: 'right', color: PALETTE.muted, fontSize: 9 },
        },
        {
          name: 'Completed',
          type: 'bar',
          data: rows.map((s) => s.completed),
          itemStyle: { color: PALETTE.done },
          barWidth: '58%',
          barGap: '-100%',
        },
      ],
    },
    700,
    Math.max(110, 34 + rows.length * 24),
    'Calls by staff member',
  );
}

/**
 * This period against the one before for the four trend metrics, as four small charts
 * side by side: on one axis the calls (hundreds) would flatten conversions (a handful).
 */
export function comparisonChart(
  report: LeadReport,
  previousLabel: string,
  names: LeadFigureLabels = leadFigureLabels(report.report_type),
): string {
  const metrics = [
    { name: 'Leads created', now: report.leads.created, before: report.previous.leads.created },
    {
      name: names.convertedInPeriod,
      now: report.leads.converted,
      before: report.previous.leads.converted,
    },
    { name: 'Calls', now: report.calls.total, before: report.previous.calls.total },
    {
      name: 'Completed calls',
      now: report.calls.by_status.completed,
      before: report.previous.calls.by_status.completed,
    },
  ];
  const slot = 100 / metrics.length;
  const label = { show: true, position: 'top' as const, fontSize: 10, fontFamily: FONT };
  return renderSvg(
    {
      title: metrics.map((m, i) => ({
        text: m.name,
        left: `${i * slot + slot / 2}%`,
        textAlign: 'center' as const,
        bottom: 0,
        textStyle: {
          fontSize: 10,
          fontWeight: 'bold' as const,
          color: PALETTE.ink,
          fontFamily: FONT,
        },
      })),
      grid: metrics.map((_, i) => ({
        left: `${i * slot + slot * 0.12}%`,
        width: `${slot * 0.76}%`,
        top: 16,
        bottom: 38,
      })),
      xAxis: metrics.map((_, i) => ({
        type: 'category' as const,
        gridIndex: i,
        data: ['Before', 'Now'],
        axisTick: { show: false },
        axisLine: { lineStyle: { color: PALETTE.total } },
        axisLabel: { ...axisLabel, fontSize: 9 },
      })),
      yAxis: metrics.map((_, i) => ({
        type: 'value' as const,
        gridIndex: i,
        min: 0,
        show: false,
      })),
      series: metrics.map((m, i) => ({
        type: 'bar' as const,
        xAxisIndex: i,
        yAxisIndex: i,
        barWidth: '58%',
        label,
        data: [
          {
            value: m.before,
            itemStyle: { color: PALETTE.previous },
            label: { color: PALETTE.muted },
          },
          { value: m.now, itemStyle: { color: PALETTE.current }, label: { color: PALETTE.ink } },
        ],
      })),
    },
    520,
    190,
    `This period against the ${previousLabel}`,
  );
}

export function buildCharts(
  report: LeadReport,
  previousLabel: string,
  staffNames: ReadonlyMap<string, string> = new Map(),
  names: LeadFigureLabels = leadFigureLabels(report.report_type),
): ChartSet {
  return {
    status: statusChart(report, names),
    hours: hoursChart(report),
    staff: staffChart(report, staffNames),
    comparison: comparisonChart(report, previousLabel, names),
  };
}
