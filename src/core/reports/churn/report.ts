/**
 * The weekly churn report (seed 003) on one back end: per-user activity from SQL, the
 * model's probabilities for this week's customers and the week before's, then numbers,
 * warning signs and words. The JSON is identical from PostgreSQL and the local store.
 */
import type { ChurnReport, ChurnReportParams } from '../../../shared/churn-report';
import type { ActivityQuery, ChurnBackend, UserActivityRow } from './features';
import { round, segmentBreakdown, summaryOf, topRiskFactors, weekMetrics } from './metrics';
import type { ChurnModel } from './model';
import { keyInsights, recommendations, templateSummary } from './narrative';
import {
  riskFactors,
  scoreWeek,
  weekActivity,
  type ScoredCustomer,
  type WeekActivity,
} from './score';
import { resolveChurnWindow, utcIso, type ChurnWindow } from './window';

/** How many of the riskiest customers the report names. */
export const AT_RISK_LISTED = 25;

// Plain code-unit order: the same on both back ends whatever their collation.
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byUserId = (a: UserActivityRow, b: UserActivityRow) => compareIds(a.user_id, b.user_id);

export async function computeChurnReport(
  backend: ChurnBackend,
  model: ChurnModel,
  params: ChurnReportParams,
  defaultZone: string,
): Promise<ChurnReport> {
  const w = resolveChurnWindow(params, defaultZone);
  const rows = await backend.activity(activityQuery(w, params.clientId));
  // Sums of probabilities depend on order; fix it so both back ends round alike.
  rows.sort(byUserId);
  const nowActivity = weekActivity(rows, 'c', w.end.toMillis());
  const beforeActivity = weekActivity(rows, 'p', w.start.toMillis());
  const [nowP, beforeP] = await Promise.all([
    model.predict(nowActivity.map((a) => a.features)),
    model.predict(beforeActivity.map((a) => a.features)),
  ]);
  const now = scoreWeek(nowActivity, nowP);
  const before = scoreWeek(beforeActivity, beforeP);
  const beforeById = new Map<string, WeekActivity>(before.map((c) => [c.userId, c]));
  const highRisk = now.filter((c) => c.risk === 'High');
  const factors = new Map(
    highRisk.map((c) => [c.userId, riskFactors(c, beforeById.get(c.userId))]),
  );

  const [nowMetrics, beforeMetrics] = [weekMetrics(now), weekMetrics(before)];
  const data = {
    summary: summaryOf(nowMetrics, beforeMetrics),
    topRiskFactors: topRiskFactors([...factors.values()]),
    segmentBreakdown: segmentBreakdown(nowMetrics, beforeMetrics),
    atRiskCustomers: await atRiskCustomers(backend, params.clientId, highRisk, factors),
  };
  const recs = recommendations(data);
  return {
    week_ending: params.weekEnding,
    client_id: params.clientId,
    period: { start: w.start.toISO() ?? '', end: w.end.toISO() ?? '', timezone: w.zone },
    model: model.name,
    report_data: {
      summary: data.summary,
      keyInsights: keyInsights(data),
      topRiskFactors: data.topRiskFactors,
      segmentBreakdown: data.segmentBreakdown,
      recommendations: recs,
      atRiskCustomers: data.atRiskCustomers,
      executiveSummary: templateSummary(data, recs),
      summarySource: 'template',
    },
  };
}

export const activityQuery = (w: ChurnWindow, clientId: number): ActivityQuery => ({
  clientId,
  scanStart: utcIso(w.scanStart),
  previousStart: utcIso(w.previousStart),
  start: utcIso(w.start),
  baseStart: utcIso(w.baseStart),
  end: utcIso(w.end),
});

/** The riskiest first; among equals, who spent more (more at stake), then by id. */
function riskiest(a: ScoredCustomer, b: ScoredCustomer): number {
  return b.probability - a.probability || b.spent28d - a.spent28d || compareIds(a.userId, b.userId);
}

/** The first `n` of `items` in `order`, without sorting them all (tens of thousands). */
export function firstInOrder<T>(items: readonly T[], n: number, order: (a: T, b: T) => number) {
  const top: T[] = [];
  for (const item of items) {
    const last = top[top.length - 1];
    if (top.length === n && last !== undefined && order(item, last) >= 0) continue;
    let i = top.length;
    while (i > 0 && order(item, top[i - 1] as T) < 0) i--;
    top.splice(i, 0, item);
    if (top.length > n) top.pop();
  }
  return top;
}

async function atRiskCustomers(
  backend: ChurnBackend,
  clientId: number,
  highRisk: readonly ScoredCustomer[],
  factors: ReadonlyMap<string, readonly string[]>,
) {
  const listed = firstInOrder(highRisk, AT_RISK_LISTED, riskiest);
  const names = new Map(
    (
      await backend.names(
        clientId,
        listed.map((c) => c.userId),
      )
    ).map((u) => [u.user_id, u]),
  );
  return listed.map((c) => ({
    userId: c.userId,
    name: names.get(c.userId)?.name ?? null,
    email: names.get(c.userId)?.email ?? null,
    probability: round(c.probability, 4),
    riskLevel: c.risk,
    segment: c.segment,
    daysSinceLastActivity: c.features.days_since_last_activity,
    spentLast28Days: c.spent28d,
    factors: [...(factors.get(c.userId) ?? [])],
  }));
}
