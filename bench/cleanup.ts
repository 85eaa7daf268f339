// Everything the bench starts is stopped again, in reverse order of starting: on success,
// on an error, and on Ctrl-C or SIGTERM. A step that fails does not keep the others from
// running.

type Step = { what: string; run: () => Promise<void> | void };

const steps: Step[] = [];
let running: Promise<void> | undefined;

/** Registers a way to undo what was just started; returns a function that runs it early (once). */
export function onCleanup(what: string, run: () => Promise<void> | void): () => Promise<void> {
  const step: Step = { what, run };
  steps.push(step);
  return async () => {
    const at = steps.indexOf(step);
    if (at < 0) return;
    steps.splice(at, 1);
    await step.run();
  };
}

/** Whether cleaning up has begun (errors of work cut short by it are no news). */
export const cleaningUp = () => running !== undefined;

/** Runs every registered step, newest first; safe to call more than once. */
export function cleanUp(): Promise<void> {
  running ??= (async () => {
    for (let step = steps.pop(); step; step = steps.pop()) {
      try {
        await step.run();
      } catch (err) {
        console.error(`cleanup: ${step.what} failed: ${(err as Error).message}`);
      }
    }
  })();
  return running;
}

/** Ctrl-C and SIGTERM clean up, then end the process with the signal's conventional code. */
export function cleanUpOnSignals(): void {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping everything the bench started …`);
      // A second Ctrl-C while cleaning up ends it at once.
      process.once(signal, () => process.exit(code));
      void cleanUp().finally(() => process.exit(code));
    });
  }
}
