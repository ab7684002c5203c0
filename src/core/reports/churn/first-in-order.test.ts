import { expect, it } from 'vitest';
import { firstInOrder } from './report';

it('picks the same first n as sorting everything would, ties kept in input order', () => {
  // A fixed pseudo-random list with many ties: values 0..19, ids to tell equals apart.
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  const items = Array.from({ length: 2_000 }, (_, id) => ({ id, value: next() % 20 }));
  const order = (a: { value: number }, b: { value: number }) => b.value - a.value;
  for (const n of [0, 1, 25, 1_999, 2_000, 5_000]) {
    expect(firstInOrder(items, n, order)).toEqual([...items].sort(order).slice(0, n));
  }
  expect(firstInOrder([], 25, order)).toEqual([]);
});
