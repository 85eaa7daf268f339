// Statistics over samples: percentiles within a run, min/median/max over the repeats.

export interface Spread {
  min: number;
  median: number;
  max: number;
}

/** The p-th percentile (0–100) by nearest rank; NaN for no samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** Min, median and max; the median of an even count is the mean of the middle two. */
export function spread(samples: number[]): Spread {
  if (samples.length === 0) return { min: NaN, median: NaN, max: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
  return { min: sorted[0]!, median, max: sorted[sorted.length - 1]! };
}

/** How long `work` takes, in milliseconds (monotonic clock). */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const began = performance.now();
  await work();
  return performance.now() - began;
}

/**
 * Runs `work(i)` for i in 0..count-1, at most `concurrency` at a time; the first error rejects
 * and no new work starts after it (nor after `signal` aborts).
 */
export async function inParallel(
  count: number,
  concurrency: number,
  work: (i: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    try {
      while (next < count && !failed && !signal?.aborted) await work(next++);
    } catch (err) {
      failed = true;
      throw err;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
}
