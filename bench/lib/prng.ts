// A small seeded pseudo-random generator (mulberry32) for the benchmark data: the same seed
// gives the same data, ids included. Not for anything secret.

export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(values: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** A cuid-like id: a letter and 24 lowercase letters or digits. */
  id(): string;
};

const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!,
    chance: (p: number) => next() < p,
    id: () => `b${Array.from({ length: 24 }, () => alphabet[Math.floor(next() * alphabet.length)]).join("")}`,
  };
}
