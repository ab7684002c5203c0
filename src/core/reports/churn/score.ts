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

/** Each week's column names, built once: a report reads them for every customer. */
const columnsOf = (w: Week) =>
  ({
    base: `${w}_base`,
    lastAt: `${w}_last_at`,
    wlAdd: `${w}_wl_add`,
    wlRm: `${w}_wl_rm`,
    cartAdd: `${w}_cart_add`,
    cartRm: `${w}_cart_rm`,
    cartQty: `${w}_cart_qty`,
    sessions: `${w}_sessions`,
    spent: `${w}_spent`,
    purchases: `${w}_purchases`,
    spent28d: `${w}_spent_28d`,
    sessions28d: `${w}_sessions_28d`,
  }) as const satisfies Record<string, keyof UserActivityRow>;

const COLUMNS = { c: columnsOf('c'), p: columnsOf('p') };

/** Customers of week `w` (anyone with an event in the 28 days to its end), in row order. */
export function weekActivity(rows: readonly UserActivityRow[], w: Week, endMs: number) {
  const k = COLUMNS[w];
  const out: WeekActivity[] = [];
  for (const r of rows) {
    if (Number(r[k.base]) !== 1) continue;
    const last = ms(r[k.lastAt]);
    out.push({
      userId: r.user_id,
      features: {
        added_to_wishlist: Number(r[k.wlAdd]),
        removed_from_wishlist: Number(r[k.wlRm]),
        added_to_cart: Number(r[k.cartAdd]),
        removed_from_cart: Number(r[k.cartRm]),
        cart_quantity_updated: Number(r[k.cartQty]),
        total_sessions: Number(r[k.sessions]),
        days_since_last_activity: Math.max(0, Math.floor((endMs - last) / DAY_MS)),
        total_spent_usd: Number(r[k.spent]),
      },
      purchases: Number(r[k.purchases]),
      spent28d: Number(r[k.spent28d]),
      sessions28d: Number(r[k.sessions28d]),
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
      userId: a.userId,
      features: a.features,
      purchases: a.purchases,
      spent28d: a.spent28d,
      sessions28d: a.sessions28d,
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
