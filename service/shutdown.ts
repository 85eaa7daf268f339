import { setTimeout as wachten } from 'node:timers/promises';
import type { RunningKring } from './kring';
import { logboek } from './logboek';

/**
 * How a process with an API stops: not ready first, then (after `vertragingSeconden`, for a
 * load balancer to notice) the API closes with its requests in flight finishing, then the
 * worker finishes its activities (within its shutdown bound), then the rest.
 */
export async function netjesStoppen(kring: RunningKring, vertragingSeconden: number): Promise<void> {
  kring.nietGereed();
  if (vertragingSeconden > 0) await wachten(vertragingSeconden * 1000);
  await kring.stop();
}

// Separate production processes stop on SIGINT/SIGTERM: the caller says what stopping means.
export function onStopSignal(stop: (signal: string) => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logboek.info({ signal }, 'stoppen');
      stop(signal).then(
        () => process.exit(0),
        (err) => {
          logboek.error({ err, signal }, 'stoppen mislukt');
          process.exit(1);
        },
      );
    });
  }
}
