// Figure 2: starts per second sustained over a window at a given concurrency, kring's
// POST /cases beside bare starts; and the CPU seconds per case of the processes involved,
// counted from the window's start until the work the window set going is done.
import { addUsed, bareCpu, kringCpu, sum, type Bench, type Cpu } from './context';
import { bareCompleted, startEmpty } from './kaal';
import { kringDrained, postCase } from './kring';

export interface ThroughputRun {
  /** Starts per second, per concurrency. */
  perConcurrency: Array<{ concurrency: number; kring: number; bare: number }>;
  /** CPU seconds per case, over all of this run's windows. */
  cpu: { kring: number; bare: number };
}

/** Runs `operation` from `concurrency` lanes for `seconds`; those under way at the end finish and count. */
async function window(concurrency: number, seconds: number, operation: () => Promise<void>) {
  const began = performance.now();
  const end = began + seconds * 1000;
  let done = 0;
  const lane = async () => {
    while (performance.now() < end) {
      await operation();
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const elapsed = (performance.now() - began) / 1000;
  return { done, elapsed, perSecond: done / elapsed };
}

export async function measureThroughput(b: Bench, run: number): Promise<ThroughputRun> {
  const seconds = b.options.windowSeconds;
  const result: ThroughputRun = { perConcurrency: [], cpu: { kring: 0, bare: 0 } };
  const used: { kring: Cpu; bare: Cpu } = { kring: {}, bare: {} };
  let kringCases = 0;
  let bareStarts = 0;
  for (const concurrency of b.options.concurrencies) {
    const kringBefore = kringCpu(b);
    const began = Date.now();
    const kring = await window(concurrency, seconds, () => postCase(b.kring.apiUrl, b.kring.token));
    await kringDrained(b.prisma, b.sink, `run ${run} throughput c=${concurrency}: kring taking its cases in`);
    const takenIn = kring.done / ((Date.now() - began) / 1000);
    addUsed(used.kring, kringBefore, kringCpu(b));
    kringCases += kring.done;
    // The storm figure plans by how fast kring takes cases in under load.
    if (concurrency >= 8 || b.options.concurrencies.length === 1) {
      b.kring.casesPerSecond = Math.min(b.kring.casesPerSecond, takenIn);
    }

    const bareBefore = bareCpu(b);
    const bare = await window(concurrency, seconds, () => startEmpty(b.client, b.bare.worker.taskQueue));
    b.bare.emptyStarted += bare.done;
    await bareCompleted(
      b.client,
      b.bare.worker.taskQueue,
      b.bare.emptyStarted,
      `run ${run} throughput c=${concurrency}: bare workflows`,
    );
    addUsed(used.bare, bareBefore, bareCpu(b));
    bareStarts += bare.done;
    b.bare.startsPerSecond = Math.min(b.bare.startsPerSecond, bare.perSecond);

    b.log(
      `run ${run} throughput c=${concurrency}: kring ${kring.perSecond.toFixed(1)}/s (${kring.done} in ${kring.elapsed.toFixed(1)} s; ` +
        `all taken in at ${takenIn.toFixed(1)}/s), bare ${bare.perSecond.toFixed(1)}/s (${bare.done} in ${bare.elapsed.toFixed(1)} s)`,
    );
    result.perConcurrency.push({ concurrency, kring: kring.perSecond, bare: bare.perSecond });
  }
  result.cpu = { kring: sum(used.kring) / kringCases, bare: sum(used.bare) / bareStarts };
  // Where the CPU went, in ms per case.
  const parts = (cpu: Cpu, n: number) =>
    Object.entries(cpu)
      .map(([part, seconds]) => `${part} ${((seconds * 1000) / n).toFixed(1)}`)
      .join(', ');
  b.log(
    `run ${run} CPU ms per case: kring ${(result.cpu.kring * 1000).toFixed(1)} (${parts(used.kring, kringCases)}; ${kringCases} cases), ` +
      `bare ${(result.cpu.bare * 1000).toFixed(2)} (${parts(used.bare, bareStarts)}; ${bareStarts} starts)`,
  );
  return result;
}
