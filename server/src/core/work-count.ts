// A step counter for the core's input-bounded algorithms (tree conversion, plain values, nesting
// scan, glob matching, completion's line reading). Tests and benchmarks read it to check that work
// grows linearly as an input doubles: deterministic, unlike timing.

export const work = { steps: 0 };

/** Steps counted while `fn` runs. */
export function countSteps(fn: () => void): number {
  const before = work.steps;
  fn();
  return work.steps - before;
}
