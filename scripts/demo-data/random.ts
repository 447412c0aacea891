/** A deterministic source of randomness: the same seed always yields the same sequence. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  /** True with the given probability (0–1). */
  chance(probability: number): boolean;
  /** A moment in [from, to]. */
  dateBetween(from: Date, to: Date): Date;
  /** A shuffled copy; the input is left as it is. */
  shuffle<T>(list: readonly T[]): T[];
}

/**
 * mulberry32: a 32-bit state is plenty for demo data, and it needs no dependency. Not suitable
 * for anything that must be unpredictable.
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };

  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}) needs integers with min <= max`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };

  const pick = <T>(list: readonly T[]): T => {
    if (list.length === 0) throw new RangeError('pick() needs a non-empty list');
    return list[int(0, list.length - 1)] as T;
  };

  const dateBetween = (from: Date, to: Date): Date => {
    if (to.getTime() < from.getTime()) {
      throw new RangeError(`dateBetween(${from.toISOString()}, ${to.toISOString()}) is an empty range`);
    }
    return new Date(from.getTime() + Math.floor(next() * (to.getTime() - from.getTime() + 1)));
  };

  const shuffle = <T>(list: readonly T[]): T[] => {
    const copy = [...list];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = int(0, index);
      [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
    }
    return copy;
  };

  return { next, int, pick, chance: (probability) => next() < probability, dateBetween, shuffle };
}
