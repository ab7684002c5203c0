/**
 * From per-user activity rows to scored customers: the model's features, risk level and
 * segment (the seed's thresholds), and the warning signs that explain a high risk.
 */
import type { ChurnRiskLevel, ChurnSegment } from '../../../shared/churn-report';
import type { UserActivityRow } from './features';
import { cartAbandonment, type ChurnFeatures } from './model';

export type Week = 'c' | 'p';

const DAY_MS = 86_400_000;

/** One customer in one week: what the model saw and what the report says of them. */
export interface WeekActivity {
  userId: string;
  features: ChurnFeatures;
  purchases: number;
  spent28d: number;
  sessions28d: number;
}

export interface ScoredCustomer extends WeekActivity {
  probability: number;
  risk: ChurnRiskLevel;
  segment: ChurnSegment;
}

const ms = (v: string | Date | null): number =>
  v === null ? Number.NaN : v instanceof Date ? v.getTime() : Date.parse(v);

/** Customers of week `w` (anyone with an event in the 28 days to its end), in row order. */
export function weekActivity(rows: readonly UserActivityRow[], w: Week, endMs: number) {
  const out: WeekActivity[] = [];
  for (const r of rows) {
    if (Number(r[`${w}_base`]) !== 1) continue;
    const last = ms(r[`${w}_last_at`]);
    out.push({
      userId: r.user_id,
      features: {
        added_to_wishlist: Number(r[`${w}_wl_add`]),
        removed_from_wishlist: Number(r[`${w}_wl_rm`]),
        added_to_cart: Number(r[`${w}_cart_add`]),
        removed_from_cart: Number(r[`${w}_cart_rm`]),
        cart_quantity_updated: Number(r[`${w}_cart_qty`]),
        total_sessions: Number(r[`${w}_sessions`]),
        days_since_last_activity: Math.max(0, Math.floor((endMs - last) / DAY_MS)),
        total_spent_usd: Number(r[`${w}_spent`]),
      },
      purchases: Number(r[`${w}_purchases`]),
      spent28d: Number(r[`${w}_spent_28d`]),
      sessions28d: Number(r[`${w}_sessions_28d`]),
    });
  }
  return out;
}

export function riskLevel(probability: number): ChurnRiskLevel {
  if (probability >= 0.7) return 'High';
  if (probability >= 0.4) return 'Medium';
  return 'Low';
}

/** The seed's value segments, over the 28 days to the week's end (a week is too short). */
export function segmentOf(spent: number, sessions: number): ChurnSegment {
  if (spent >= 1000 || sessions >= 40) return 'High-Value';
  if (spent >= 200 || sessions >= 15) return 'Regular';
  if (spent >= 50 || sessions >= 5) return 'Occasional';
  return 'New';
}

export const CHURNED_AT = 0.8;

export function scoreWeek(activity: readonly WeekActivity[], probabilities: Float64Array) {
  return activity.map<ScoredCustomer>((a, i) => {
    const probability = probabilities[i] ?? 0;
    return {
      ...a,
      probability,
      risk: riskLevel(probability),
      segment: segmentOf(a.spent28d, a.sessions28d),
    };
  });
}

/** Warning signs, in the order the report lists equal counts. */
export const RISK_FACTORS = [
  'No visit for a week or more',
  'High cart abandonment',
  'Decreased purchase frequency',
  'Fewer visits than the week before',
  'No purchase in the last 28 days',
  'Removing items from the wishlist',
] as const;

export type RiskFactor = (typeof RISK_FACTORS)[number];

/** This week's warning signs for one customer; `before` is the same customer a week earlier. */
export function riskFactors(now: WeekActivity, before: WeekActivity | undefined): RiskFactor[] {
  const f = now.features;
  const out: RiskFactor[] = [];
  if (f.days_since_last_activity >= 7) out.push('No visit for a week or more');
  if (f.added_to_cart > 0 && cartAbandonment(f) >= 0.5) out.push('High cart abandonment');
  if (before && before.purchases > 0 && now.purchases < before.purchases)
    out.push('Decreased purchase frequency');
  if (before && now.features.total_sessions < before.features.total_sessions)
    out.push('Fewer visits than the week before');
  if (now.spent28d <= 0) out.push('No purchase in the last 28 days');
  if (f.removed_from_wishlist > 0 && f.removed_from_wishlist >= f.added_to_wishlist)
    out.push('Removing items from the wishlist');
  return out;
}
