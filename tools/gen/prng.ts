/**
 * A small seeded pseudo-random generator, so the same `--seed` always yields the same graph on
 * every machine and Node version (Math.random cannot be seeded). sfc32 state seeded by a 128-bit
 * string hash; plus the few distributions the generator needs, including a power-law sampler.
 */

/** Hashes a string into four 32-bit words (cyrb128 mixing), the sfc32 seed. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i += 1) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    [this.a, this.b, this.c, this.d] = hash128(seed);
    // The first outputs of a fresh sfc32 state are poorly mixed.
    for (let i = 0; i < 15; i += 1) this.next();
  }

  /** A uniform float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** A uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A stream of its own, so adding draws in one part of the generator leaves the others alone. */
  fork(label: string): Random {
    return new Random(`${this.next()}:${label}`);
  }
}

/**
 * Draws indexes 0..n-1 with probability proportional to 1 / (rank + 1)^exponent: a few
 * popular items take most draws, as countries, spheres and publishers do in real news.
 */
export class PowerLaw {
  private readonly cumulative: Float64Array;

  constructor(
    readonly size: number,
    exponent: number,
  ) {
    if (size < 1) throw new RangeError('a power law needs at least one item');
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let k = 0; k < size; k += 1) {
      total += 1 / (k + 1) ** exponent;
      this.cumulative[k] = total;
    }
    for (let k = 0; k < size; k += 1) this.cumulative[k] = (this.cumulative[k] as number) / total;
  }

  /** The probability of index k. */
  share(k: number): number {
    const upTo = this.cumulative[k] ?? 0;
    return k === 0 ? upTo : upTo - (this.cumulative[k - 1] ?? 0);
  }

  draw(random: Random): number {
    const u = random.next();
    let lo = 0;
    let hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** `count` distinct indexes (count ≤ size), popular ones first more often. */
  drawDistinct(random: Random, count: number): number[] {
    const chosen = new Set<number>();
    const wanted = Math.min(count, this.size);
    let attempts = 0;
    while (chosen.size < wanted) {
      // Rejection sampling stalls on the tail once the head is taken; then walk the ranks.
      if (attempts++ > wanted * 20) {
        for (let k = 0; chosen.size < wanted; k += 1) chosen.add(k);
        break;
      }
      chosen.add(this.draw(random));
    }
    return [...chosen];
  }
}
