// Separate production processes stop on SIGINT/SIGTERM: the caller says what stopping means.
export function onStopSignal(stop: (signal: string) => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stop(signal).then(
        () => process.exit(0),
        (err) => {
          console.error(`stopping after ${signal} failed:`, err);
          process.exit(1);
        },
      );
    });
  }
}
