/**
 * The report's numbers from scored customers: the summary, its week-over-week change,
 * the segment table and the most common warning signs among high-risk customers.
 * Rounded here, once, so every output (JSON, PDF, mail) shows the same figures.
 */
import {
  CHURN_SEGMENTS,
  type ChurnReportData,
  type ChurnSegment,
} from '../../../shared/churn-report';
import { CHURNED_AT, RISK_FACTORS, type RiskFactor, type ScoredCustomer } from './score';

export const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export interface WeekMetrics {
  total: number;
  highRisk: number;
  churned: number;
  /** Unrounded, for comparisons. */
  retention: number | null;
  avgProbability: number | null;
  segments: Map<ChurnSegment, { count: number; avg: number | null }>;
}

export function weekMetrics(customers: readonly ScoredCustomer[]): WeekMetrics {
  let highRisk = 0;
  let churned = 0;
  let sum = 0;
  const seg = new Map<ChurnSegment, { count: number; sum: number }>();
  for (const c of customers) {
    if (c.risk === 'High') highRisk++;
    if (c.probability >= CHURNED_AT) churned++;
    sum += c.probability;
    const s = seg.get(c.segment) ?? { count: 0, sum: 0 };
    s.count++;
    s.sum += c.probability;
    seg.set(c.segment, s);
  }
  const total = customers.length;
  const segments = new Map(
    CHURN_SEGMENTS.map((name) => {
      const s = seg.get(name);
      return [name, { count: s?.count ?? 0, avg: s ? s.sum / s.count : null }] as const;
    }),
  );
  return {
    total,
    highRisk,
    churned,
    retention: total ? (1 - churned / total) * 100 : null,
    avgProbability: total ? sum / total : null,
    segments,
  };
}

const changePct = (now: number, before: number): number | null =>
  before === 0 ? null : round(((now - before) / before) * 100, 1);

export function summaryOf(now: WeekMetrics, before: WeekMetrics): ChurnReportData['summary'] {
  return {
    totalCustomers: now.total,
    highRiskCount: now.highRisk,
    churnedThisWeek: now.churned,
    retentionRate: now.retention === null ? null : round(now.retention, 1),
    avgChurnProbability: now.avgProbability === null ? null : round(now.avgProbability, 4),
    prevWeekComparison: {
      highRisk: changePct(now.highRisk, before.highRisk),
      churned: changePct(now.churned, before.churned),
      retention:
        now.retention === null || before.retention === null
          ? null
          : round(now.retention - before.retention, 1),
    },
  };
}

/** A segment's risk moved when its average moved by more than half a point. */
const TREND_POINTS = 0.5;

export function segmentBreakdown(
  now: WeekMetrics,
  before: WeekMetrics,
): ChurnReportData['segmentBreakdown'] {
  return CHURN_SEGMENTS.map((segment) => {
    const s = now.segments.get(segment);
    const p = before.segments.get(segment);
    const avg = s?.avg ?? null;
    const prev = p?.avg ?? null;
    const delta = avg !== null && prev !== null ? (avg - prev) * 100 : 0;
    return {
      segment,
      count: s?.count ?? 0,
      riskLevel: avg === null ? null : round(avg * 100, 1),
      trend: delta > TREND_POINTS ? 'up' : delta < -TREND_POINTS ? 'down' : 'flat',
    };
  });
}

/** Warning signs among high-risk customers, most common first: High from half of them. */
export function topRiskFactors(
  factorsOfHighRisk: readonly (readonly RiskFactor[])[],
  limit = 5,
): ChurnReportData['topRiskFactors'] {
  const counts = new Map<RiskFactor, number>();
  for (const list of factorsOfHighRisk)
    for (const f of list) counts.set(f, (counts.get(f) ?? 0) + 1);
  const total = factorsOfHighRisk.length;
  return RISK_FACTORS.filter((f) => counts.has(f))
    .map((factor) => ({ factor, customers: counts.get(factor) ?? 0 }))
    .sort((a, b) => b.customers - a.customers)
    .slice(0, limit)
    .map(({ factor, customers }) => ({
      factor,
      impact: customers >= total / 2 ? 'High' : customers >= total / 5 ? 'Medium' : 'Low',
      customers,
    }));
}
