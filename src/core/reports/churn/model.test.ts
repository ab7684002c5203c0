import { describe, expect, it } from 'vitest';
import { builtinChurnModel, builtinProbability, cartAbandonment } from './model';
import { noActivity } from './testing/fixtures';

const none = noActivity;

describe('the built-in churn model', () => {
  it('gives the logistic of its weighted features', () => {
    // Nothing at all: the bias alone, sigmoid(-1).
    expect(builtinProbability(none)).toBeCloseTo(0.268941, 6);
    // 10 quiet days: sigmoid(-1 + 3).
    expect(builtinProbability({ ...none, days_since_last_activity: 10 })).toBeCloseTo(0.880797, 6);
    // A cart left unbought after one visit, 3 days ago: sigmoid(-1 + 0.9 - 0.6 ln 2 + 0.8).
    const z = -1 + 0.9 - 0.6 * Math.log(2) + 0.8;
    expect(
      builtinProbability({
        ...none,
        added_to_cart: 1,
        total_sessions: 1,
        days_since_last_activity: 3,
      }),
    ).toBeCloseTo(1 / (1 + Math.exp(-z)), 12);
  });

  it('moves risk the way the seed’s signals say', () => {
    const base = { ...none, total_sessions: 2, days_since_last_activity: 3, total_spent_usd: 40 };
    const p = builtinProbability(base);
    expect(builtinProbability({ ...base, days_since_last_activity: 9 })).toBeGreaterThan(p);
    expect(builtinProbability({ ...base, total_sessions: 6 })).toBeLessThan(p);
    expect(builtinProbability({ ...base, total_spent_usd: 400 })).toBeLessThan(p);
    expect(builtinProbability({ ...base, added_to_cart: 3, removed_from_cart: 3 })).toBeGreaterThan(
      p,
    );
    expect(builtinProbability({ ...base, removed_from_wishlist: 2 })).toBeGreaterThan(p);
  });

  it('counts a cart as abandoned when nothing was bought or most of it came out again', () => {
    expect(cartAbandonment(none)).toBe(0);
    expect(cartAbandonment({ ...none, added_to_cart: 2 })).toBe(1);
    expect(
      cartAbandonment({ ...none, added_to_cart: 4, removed_from_cart: 1, total_spent_usd: 9 }),
    ).toBe(0.25);
  });

  it('scores a batch in order', async () => {
    const rows = [none, { ...none, days_since_last_activity: 10 }];
    expect([...(await builtinChurnModel.predict(rows))]).toEqual(rows.map(builtinProbability));
  });
});
