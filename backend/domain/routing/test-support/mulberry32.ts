/**
 * A small seeded PRNG (mulberry32, public domain, https://gist.github.com/tommyettinger/46a874533244883189143505d203312c)
 * so that tests get the same "random" sequence on every run. Returns numbers in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fake random source that returns the given values in turn and fails when they run out. */
export function sequence(...values: number[]): () => number {
  let next = 0;
  return () => {
    if (next >= values.length)
      throw new Error(`random() called more than the ${values.length} times planned`);
    return values[next++]!;
  };
}
