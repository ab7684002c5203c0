/**
 * A small seeded PRNG (sfc32) and the helpers the demo generator needs.
 *
 * Demo data must be byte-identical for the same seed on every machine, so nothing here
 * touches Math.random or the clock. Independent streams come from `Rng.derive`: each
 * domain (and, for streaming, each item) gets its own generator, so changing how many
 * web chats are asked for never changes the gym data, and item N never depends on how
 * many items came before it. The state is 128 bits, seeded by a 128-bit hash of the
 * stream's labels: with a 32-bit state (mulberry32), a million per-item streams overlap
 * and repeat each other's UUIDs.
 */

const UINT32 = 4294967296;

/** cyrb128: four 32-bit lanes of hash over the seed and labels, the initial state of a stream. */
export function deriveState(seed: number, ...parts: readonly (string | number)[]): number[] {
  const key = `${seed}|${parts.join('|')}`;
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < key.length; i++) {
    const k = key.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const byteHex = (n: number): string => HEX[n & 0xff] ?? '00';

export type Weighted<T> = readonly (readonly [T, number])[];

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A plain number seeds the same way as a stream derived with no labels. */
  constructor(seed: number | readonly number[]) {
    const [a = 0, b = 0, c = 0, d = 0] = typeof seed === 'number' ? deriveState(seed) : seed;
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    // sfc32's first outputs still show the seed; mix it in before anyone draws.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A generator for a sub-stream; the parent's state is untouched. */
  static derive(seed: number, ...parts: readonly (string | number)[]): Rng {
    return new Rng(deriveState(seed, ...parts));
  }

  /** The next raw 32-bit output (sfc32). */
  uint32(): number {
    this.d = (this.d + 1) | 0;
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / UINT32;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(items: Weighted<T>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  /** Exponentially distributed with the given mean (gaps between events). */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Normally distributed (Box-Muller). */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A new array in random order (Fisher-Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count));
  }

  /** A UUID with the v4 shape (version and variant bits set), from this stream. */
  uuid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    return (
      `${byteHex(a >>> 24)}${byteHex(a >>> 16)}${byteHex(a >>> 8)}${byteHex(a)}-` +
      `${byteHex(b >>> 24)}${byteHex(b >>> 16)}-${byteHex(((b >>> 8) & 0x0f) | 0x40)}${byteHex(b)}-` +
      `${byteHex(((c >>> 24) & 0x3f) | 0x80)}${byteHex(c >>> 16)}-${byteHex(c >>> 8)}${byteHex(c)}` +
      `${byteHex(d >>> 24)}${byteHex(d >>> 16)}${byteHex(d >>> 8)}${byteHex(d)}`
    );
  }

  /** Random characters from an alphabet (ids, session tokens). */
  chars(length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  digits(length: number): string {
    return this.chars(length, '0123456789');
  }
}
