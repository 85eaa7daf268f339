// Figure 4: the worker's resident memory with K open cases, beside a bare worker holding K
// open empty workflows. Measured once, after the repeats, each on a fresh worker process and
// task queue of its own, so that the figure is the K cases and nothing the runs left behind.
// A worker that dies on the way (out of memory) is a result, not a crash of the bench.
import type { Bench } from './context';
import { startBareWorker, startHolding } from './kaal';
import { intakeEmails, kringDrained, openCase, processClient, startKringWorker } from './kring';
import { inParallel } from './meten';
import { peakRssBytes, rssBytes } from './proc';
import { waitFor } from './wait';

export interface WorkerMemory {
  /** Bytes resident with all K open; NaN when the worker died first. */
  rss: number;
  /** The most it was seen to hold (VmHWM, or sampled when it died). */
  peak: number;
  /** Resident with one case, before the K were opened. */
  idle: number;
  /** When it died: how far it got and why. */
  died?: string;
}

export interface MemoryResult {
  kring: WorkerMemory;
  bare: WorkerMemory;
}

const OPEN_CONCURRENCY = 32;
const SAMPLE_EVERY_MS = 1000;
const PROGRESS_EVERY_MS = 15_000;
export const mib = (bytes: number) => bytes / 2 ** 20;

/** Why a worker ended, from its last output. */
function causeOfDeath(tail: string, fallback: string): string {
  if (tail.includes('ERR_WORKER_OUT_OF_MEMORY')) return 'its workflow thread ran out of memory';
  if (/heap out of memory/i.test(tail)) return 'it ran out of heap';
  return fallback;
}

async function kringWithOpenCases(b: Bench, k: number): Promise<WorkerMemory> {
  const began = Date.now();
  // A fresh worker; its first case shows it polls (the worker bundles its workflows first).
  const taskQueue = `${b.kring.taskQueue}-open`;
  const worker = startKringWorker(b.kring.settings, taskQueue, 'kring worker (open cases)');
  const proces = processClient(b.client, taskQueue);
  await Promise.race([openCase(b.prisma, proces), worker.died]);
  await Promise.race([
    kringDrained(b.prisma, b.sink, 'open cases: the fresh kring worker taking its first case in', undefined, 300_000),
    worker.died,
  ]);
  const idle = rssBytes(worker.pid);
  b.log(`open cases: kring worker ready, RSS ${mib(idle).toFixed(0)} MiB with 1 case; opening ${k - 1} more`);

  let opened = 1;
  const mailsBefore = intakeEmails(b.sink);
  const takenIn = () => 1 + intakeEmails(b.sink) - mailsBefore;
  // Sampled all along: a worker that dies leaves no /proc entry to read afterwards.
  let last = idle;
  let peak = idle;
  let lastLog = Date.now();
  const sampler = setInterval(() => {
    try {
      last = rssBytes(worker.pid);
      peak = Math.max(peak, last);
    } catch {
      return; // gone
    }
    if (Date.now() - lastLog >= PROGRESS_EVERY_MS) {
      lastLog = Date.now();
      b.log(
        `open cases: ${opened} of ${k} started, ${takenIn()} taken in, kring worker RSS ${mib(last).toFixed(0)} MiB`,
      );
    }
  }, SAMPLE_EVERY_MS);
  const stopOpening = new AbortController();
  try {
    await Promise.race([
      inParallel(
        k - 1,
        OPEN_CONCURRENCY,
        async () => {
          await openCase(b.prisma, proces);
          opened++;
        },
        stopOpening.signal,
      ),
      worker.died,
    ]);
    await Promise.race([kringDrained(b.prisma, b.sink, 'open cases: kring taking them in'), worker.died]);
  } catch (err) {
    stopOpening.abort();
    if (worker.process.exitCode === null && worker.process.signalCode === null) throw err;
    const cause = causeOfDeath(worker.tail(), (err as Error).message.split('\n')[0]!);
    const died = `died with ${takenIn()} of ${k} cases taken in (${opened} started), at ${mib(peak).toFixed(0)} MiB: ${cause}`;
    b.log(`open cases: the kring worker ${died}`);
    return { rss: NaN, peak, idle, died };
  } finally {
    clearInterval(sampler);
  }
  const result = { rss: rssBytes(worker.pid), peak: peakRssBytes(worker.pid), idle };
  b.log(
    `open cases: kring worker RSS ${mib(result.rss).toFixed(0)} MiB with ${k} open (peak ${mib(result.peak).toFixed(0)} MiB), ` +
      `after ${Math.round((Date.now() - began) / 1000)} s`,
  );
  await worker.stop();
  return result;
}

async function bareWithOpenWorkflows(b: Bench, k: number): Promise<WorkerMemory> {
  const bare = await startBareWorker({
    name: 'bare worker (open workflows)',
    temporalAddress: b.temporalAddress,
    taskQueue: `${b.bare.worker.taskQueue}-open`,
    smtpUrl: b.sink.url,
  });
  bare.child.died.catch(() => undefined);
  const idle = rssBytes(bare.child.pid);
  try {
    await Promise.race([
      inParallel(k, OPEN_CONCURRENCY, () => startHolding(b.client, bare.taskQueue)),
      bare.child.died,
    ]);
    await Promise.race([
      waitFor(
        'open cases: bare workflows',
        () => ({
          done: bare.started.holding >= k,
          status: `${bare.started.holding} of ${k} bare workflows running`,
          progress: bare.started.holding,
        }),
        { stallMs: 120_000, everyMs: 200 },
      ),
      bare.child.died,
    ]);
  } catch (err) {
    if (bare.child.process.exitCode === null && bare.child.process.signalCode === null) throw err;
    const died = `died with ${bare.started.holding} of ${k} running: ${causeOfDeath(bare.child.tail(), (err as Error).message.split('\n')[0]!)}`;
    b.log(`open cases: the bare worker ${died}`);
    return { rss: NaN, peak: NaN, idle, died };
  }
  const result = { rss: rssBytes(bare.child.pid), peak: peakRssBytes(bare.child.pid), idle };
  b.log(
    `open cases: bare worker RSS ${mib(result.rss).toFixed(0)} MiB with ${k} open (peak ${mib(result.peak).toFixed(0)} MiB)`,
  );
  await bare.child.stop();
  return result;
}

export async function measureMemory(b: Bench): Promise<MemoryResult> {
  const kring = await kringWithOpenCases(b, b.options.open);
  const bare = await bareWithOpenWorkflows(b, b.options.open);
  return { kring, bare };
}
