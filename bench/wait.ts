// Waiting for a condition rather than for a guessed time: polled, bounded, and when the
// bound is reached the error says what was seen ("storm: 187 of 200 emails after 600 s").
import { setTimeout as sleep } from 'node:timers/promises';

export interface Check {
  done: boolean;
  /** What has been seen so far, for the error message and progress lines. */
  status: string;
  /** A number that grows while things move; a wait fails when it stalls for `stallMs`. */
  progress?: number;
}

export interface WaitOptions {
  /** Fails after this long in all. */
  timeoutMs?: number;
  /** Fails when `progress` has not grown for this long (long waits whose length is unknown). */
  stallMs?: number;
  everyMs?: number;
  /** Called with the status every `reportEveryMs` (progress lines for long waits). */
  report?: (status: string) => void;
  reportEveryMs?: number;
}

export async function waitFor(what: string, check: () => Promise<Check> | Check, options: WaitOptions): Promise<void> {
  const { timeoutMs = Infinity, stallMs = Infinity, everyMs = 100, report, reportEveryMs = 10_000 } = options;
  const began = Date.now();
  let lastProgress: number | undefined;
  let movedAt = began;
  let reportedAt = began;
  for (;;) {
    const seen = await check();
    if (seen.done) return;
    const now = Date.now();
    if (seen.progress !== undefined && seen.progress !== lastProgress) {
      lastProgress = seen.progress;
      movedAt = now;
    }
    const waited = Math.round((now - began) / 1000);
    if (now - began > timeoutMs) throw new Error(`${what}: ${seen.status} after ${waited} s`);
    if (now - movedAt > stallMs) {
      throw new Error(`${what}: ${seen.status} after ${waited} s (no progress for ${Math.round(stallMs / 1000)} s)`);
    }
    if (report && now - reportedAt >= reportEveryMs) {
      reportedAt = now;
      report(seen.status);
    }
    await sleep(everyMs);
  }
}

/** Waits until the wall clock reaches `at` (epoch ms): waiting for a moment, not for a condition. */
export async function untilMoment(at: number): Promise<void> {
  const left = at - Date.now();
  if (left > 0) await sleep(left);
}
