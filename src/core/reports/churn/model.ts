/**
 * Scores customers: the probability each one stops buying. The shop's system called a
 * model trained elsewhere with the eight features below (seed 003); `ChurnModel` is that
 * seam. Until a team points CHURN_MODEL_PATH at its own model, the built-in one is a
 * logistic regression with hand-set weights, chosen so the signals the seed's analysts
 * named move risk the right way: days without a visit raise it most, sessions and money
 * spent lower it (logarithmically: the tenth session matters less than the first), carts
 * left unbought and wishlist removals raise it.
 */

/** The seed's feature names and order: what a team's own model is fed. */
export const FEATURE_NAMES = [
  'added_to_wishlist',
  'removed_from_wishlist',
  'added_to_cart',
  'removed_from_cart',
  'cart_quantity_updated',
  'total_sessions',
  'days_since_last_activity',
  'total_spent_usd',
] as const;

export type ChurnFeatures = Record<(typeof FEATURE_NAMES)[number], number>;

export interface ChurnModel {
  /** Shown in the report: which model scored it. */
  readonly name: string;
  /** One probability (0..1) per row, in order. */
  predict(rows: readonly ChurnFeatures[]): Promise<Float64Array>;
}

const WEIGHTS = {
  bias: -1.0,
  daysSinceLastActivity: 0.3,
  logSessions: -0.6,
  logSpent: -0.25,
  cartAbandonment: 0.8,
  wishlistRemoved: 0.15,
  wishlistAdded: -0.05,
} as const;

/** Share of what went into the cart that was not bought: 1 with nothing bought. */
export function cartAbandonment(f: ChurnFeatures): number {
  if (f.added_to_cart <= 0) return 0;
  if (f.total_spent_usd <= 0) return 1;
  return Math.min(1, f.removed_from_cart / f.added_to_cart);
}

export function builtinProbability(f: ChurnFeatures): number {
  const w = WEIGHTS;
  const z =
    w.bias +
    w.daysSinceLastActivity * f.days_since_last_activity +
    w.logSessions * Math.log1p(f.total_sessions) +
    w.logSpent * Math.log1p(Math.max(0, f.total_spent_usd)) +
    w.cartAbandonment * cartAbandonment(f) +
    w.wishlistRemoved * f.removed_from_wishlist +
    w.wishlistAdded * f.added_to_wishlist;
  return 1 / (1 + Math.exp(-z));
}

export const builtinChurnModel: ChurnModel = {
  name: 'built-in (logistic, 8 features)',
  predict: (rows) => Promise.resolve(Float64Array.from(rows, builtinProbability)),
};
