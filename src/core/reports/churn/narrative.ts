/**
 * The report's words: key insights, recommended actions and the template executive
 * summary (the seed's fallback when no LLM writes one). Plain sentences built from the
 * rounded figures only, so the text never disagrees with the tables beside it.
 */
import type { ChurnReportData } from '../../../shared/churn-report';

type Data = Omit<
  ChurnReportData,
  'executiveSummary' | 'summarySource' | 'keyInsights' | 'recommendations'
>;

const n = (x: number) => x.toLocaleString('en-US');
const pct = (x: number) => `${x.toFixed(1)}%`;
const plural = (count: number, one: string, many: string) =>
  `${n(count)} ${count === 1 ? one : many}`;

function change(value: number | null, what: string): string | null {
  if (value === null || value === 0) return null;
  return `${what} ${value > 0 ? 'rose' : 'fell'} ${pct(Math.abs(value))} against the week before.`;
}

function riskiestSegment(d: Data) {
  const rated = d.segmentBreakdown.filter((s) => s.count > 0 && s.riskLevel !== null);
  return rated.reduce<(typeof rated)[number] | null>(
    (best, s) => (best === null || (s.riskLevel ?? 0) > (best.riskLevel ?? 0) ? s : best),
    null,
  );
}

export function keyInsights(d: Data): string[] {
  const s = d.summary;
  const out: string[] = [];
  if (s.totalCustomers === 0) return ['No customer was active in the 28 days up to this week.'];
  if (s.highRiskCount > 0)
    out.push(
      `${plural(s.highRiskCount, 'customer is', 'customers are')} currently classified as high churn risk.`,
    );
  if (s.churnedThisWeek > 0)
    out.push(
      `${plural(s.churnedThisWeek, 'customer is', 'customers are')} estimated to have churned this week.`,
    );
  if (s.avgChurnProbability !== null)
    out.push(`Average churn probability across your base is ${pct(s.avgChurnProbability * 100)}.`);
  const highValue = d.atRiskCustomers.filter((c) => c.segment === 'High-Value').length;
  if (highValue > 0)
    out.push(
      `${plural(highValue, 'High-Value customer is', 'High-Value customers are')} among the riskiest listed below.`,
    );
  const riskiest = riskiestSegment(d);
  if (riskiest)
    out.push(
      `The ${riskiest.segment} segment carries the highest average risk (${pct(riskiest.riskLevel ?? 0)}).`,
    );
  const moved = change(s.prevWeekComparison.highRisk, 'The number of high-risk customers');
  if (moved) out.push(moved);
  return out;
}

export function recommendations(d: Data): ChurnReportData['recommendations'] {
  const s = d.summary;
  const out: ChurnReportData['recommendations'] = [];
  const factors = new Set(d.topRiskFactors.slice(0, 3).map((f) => f.factor));
  const highValue = d.segmentBreakdown.find((x) => x.segment === 'High-Value');
  if (highValue && highValue.count > 0 && (highValue.riskLevel ?? 0) >= 40)
    out.push({
      action:
        'Contact at-risk High-Value customers personally (a call or a personal email this week).',
      priority: 'high',
      expectedImpact:
        'Keeps the customers who bring the most revenue; personal outreach wins back about a third.',
    });
  if (s.highRiskCount > 0)
    out.push({
      action: `Launch a targeted win-back campaign for the ${plural(s.highRiskCount, 'high-risk customer', 'high-risk customers')}.`,
      priority: 'high',
      expectedImpact: 'Reduce churn among them by 25–30% over the next month.',
    });
  if (factors.has('High cart abandonment'))
    out.push({
      action: 'Send cart reminders within 24 hours of an abandoned cart.',
      priority: 'medium',
      expectedImpact: 'Recovers part of the carts left unbought and brings the visitor back.',
    });
  if (factors.has('No visit for a week or more'))
    out.push({
      action: 'Re-engage quiet customers with a "new this week" email or offer.',
      priority: 'medium',
      expectedImpact: 'Brings back customers before a quiet week turns into a lost customer.',
    });
  if (s.retentionRate !== null && s.retentionRate < 95)
    out.push({
      action: 'Review onboarding and the first-purchase journey.',
      priority: 'medium',
      expectedImpact: 'Increase the retention rate by making the first weeks count.',
    });
  if (out.length === 0)
    out.push({
      action: 'Keep the current engagement; churn risk is low this week.',
      priority: 'low',
      expectedImpact: 'Holds retention where it is.',
    });
  return out;
}

/** The seed's template summary: what the report says when no LLM writes it. */
export function templateSummary(d: Data, recs: ChurnReportData['recommendations']): string {
  const s = d.summary;
  if (s.totalCustomers === 0)
    return 'No customer was active in the 28 days up to this week, so there is no churn risk to report.';
  const share = (s.highRiskCount / s.totalCustomers) * 100;
  const first = [
    `This week you had ${plural(s.totalCustomers, 'active customer', 'active customers')},`,
    `with ${n(s.highRiskCount)} (${pct(share)}) currently flagged as high churn risk.`,
  ];
  if (s.retentionRate !== null)
    first.push(
      `${plural(s.churnedThisWeek, 'customer is', 'customers are')} estimated to have churned, a retention rate of ${pct(s.retentionRate)}.`,
    );
  const second: string[] = [];
  const riskiest = riskiestSegment(d);
  if (riskiest)
    second.push(
      `The ${riskiest.segment} segment is the most at risk (${pct(riskiest.riskLevel ?? 0)} on average).`,
    );
  const top = d.topRiskFactors[0];
  if (top)
    second.push(
      `The most common warning sign among high-risk customers is "${top.factor.toLowerCase()}" (${plural(top.customers, 'customer', 'customers')}).`,
    );
  const action = recs[0];
  const third = action
    ? [`Next step: ${action.action.charAt(0).toLowerCase()}${action.action.slice(1)}`]
    : [];
  return [first, second, third]
    .filter((p) => p.length > 0)
    .map((p) => p.join(' '))
    .join('\n\n');
}
