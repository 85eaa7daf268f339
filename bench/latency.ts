// Figure 1: how long POST /cases takes, one request after another, beside a bare
// client.workflow.start of an empty workflow on the same Temporal server.
import type { Bench } from './context';
import { startEmpty, bareCompleted } from './kaal';
import { kringDrained, postCase } from './kring';
import { percentile, timed } from './meten';

export interface LatencyRun {
  /** p50 in ms. */
  kring: number;
  bare: number;
}

export async function measureLatency(b: Bench, run: number): Promise<LatencyRun> {
  const { requests } = b.options;
  const kring: number[] = [];
  for (let i = 0; i < requests; i++) kring.push(await timed(() => postCase(b.kring.apiUrl, b.kring.token)));
  // What the requests set going is finished before the next figure, so it does not weigh on it.
  await kringDrained(b.prisma, b.sink, `run ${run} latency: kring taking its cases in`);

  const bare: number[] = [];
  for (let i = 0; i < requests; i++) bare.push(await timed(() => startEmpty(b.client, b.bare.worker.taskQueue)));
  b.bare.emptyStarted += requests;
  await bareCompleted(b.client, b.bare.worker.taskQueue, b.bare.emptyStarted, `run ${run} latency: bare workflows`);

  const line = (s: number[]) =>
    `p50 ${percentile(s, 50).toFixed(1)} ms, p90 ${percentile(s, 90).toFixed(1)} ms, max ${Math.max(...s).toFixed(1)} ms`;
  b.log(
    `run ${run} latency (${requests} one after another): kring POST /cases ${line(kring)}; bare start ${line(bare)}`,
  );
  return { kring: percentile(kring, 50), bare: percentile(bare, 50) };
}
