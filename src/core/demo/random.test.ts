import { describe, expect, it } from 'vitest';
import { Rng, deriveState } from './random';

describe('seeded random', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const rng = new Rng(seed);
      return Array.from({ length: 50 }, () => rng.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('derives independent streams per label and index', () => {
    expect(deriveState(1, 'chat', 0)).toEqual(deriveState(1, 'chat', 0));
    expect(deriveState(1, 'chat', 0)).not.toEqual(deriveState(1, 'chat', 1));
    expect(deriveState(1, 'chat', 0)).not.toEqual(deriveState(1, 'lead', 0));
    expect(deriveState(1, 'chat', 0)).not.toEqual(deriveState(2, 'chat', 0));
  });

  it('keeps per-item streams apart: the first UUIDs of 200,000 streams never repeat', () => {
    const ids = new Set<string>();
    // A 32-bit seed per stream would already collide a few times at this size (birthday bound).
    for (let i = 0; i < 200_000; i++) ids.add(Rng.derive(42, 'call', i).uuid());
    expect(ids.size).toBe(200_000);
  });

  it('keeps helpers within their bounds', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(2, 5);
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(5);
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(rng.weighted([['only', 1]])).toBe('only');
    expect(
      rng.weighted([
        ['never', 0],
        ['always', 1],
      ]),
    ).toBe('always');
    expect(rng.shuffle([1, 2, 3, 4]).sort()).toEqual([1, 2, 3, 4]);
  });

  it('makes UUIDs with the v4 shape, all distinct', () => {
    const rng = new Rng(11);
    const ids = Array.from({ length: 1000 }, () => rng.uuid());
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
