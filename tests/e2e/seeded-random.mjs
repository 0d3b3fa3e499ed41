// mulberry32: a small seeded generator of floats in [0, 1) with a 32-bit
// state, the same sequence in every JavaScript engine. The end-to-end tests
// draw their hostile links and monkey walks from it, and the benchmark its
// generated catalog, so each is the same on every run.

/** A function returning the next float in [0, 1) of the sequence for `seed`. */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
