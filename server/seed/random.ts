// A small seeded PRNG (mulberry32) and the draws the seed needs. Same seed → same sequence,
// on every machine and engine.
export type Rng = () => number;

const states = new WeakMap<Rng, () => number>();

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const rng = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  states.set(rng, () => a);
  return rng;
}

/** Where a generator is in its sequence: rngFromState() continues from exactly there. */
export const rngState = (rng: Rng): number => states.get(rng)!();
export const rngFromState = (state: number): Rng => createRng(state);

export const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

/** Picks from [value, weight] pairs. */
export function weighted<T>(rng: Rng, table: ReadonlyArray<readonly [T, number]>): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  return table[table.length - 1][0];
}

/** Log-normal-ish amount between min and max, most mass near the low end, like real baskets. */
export function amountBetween(rng: Rng, min: number, max: number): number {
  const u = rng() * rng();
  return Math.round(min + u * (max - min));
}
