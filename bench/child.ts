// A server process the bench starts (kring's worker or API, the bare worker): its output
// kept for error messages, its warnings counted, stopped with SIGTERM at the end. One that
// ends on its own while the bench runs is an error, reported with its last output.
import { spawn, type ChildProcess } from 'node:child_process';
import { onCleanup } from './cleanup';

export interface Child {
  name: string;
  pid: number;
  process: ChildProcess;
  /** The last lines it wrote (stdout and stderr together). */
  tail(): string;
  /** Lines it wrote, all told: kring logs at warn, so each is a warning or worse. */
  lines(): number;
  /** Rejects when it ends without being asked to: race it against waits that need it. */
  died: Promise<never>;
  stop(): Promise<void>;
}

const STOP_WITHIN_MS = 30_000;

export function startChild(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { ipc?: boolean } = {},
): Child {
  const child = spawn(process.execPath, args, {
    env,
    // Its own process group: Ctrl-C reaches the bench, which stops its children in order.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc ? (['ipc'] as const) : [])],
  });
  if (child.pid === undefined) throw new Error(`${name} could not be started`);
  let output = '';
  let lines = 0;
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    lines += text.split('\n').filter(Boolean).length;
    output = (output + text).slice(-6000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);

  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const died = new Promise<never>((_resolve, reject) => {
    child.once('exit', (code, signal) => {
      if (!stopping) reject(new Error(`${name} ended on its own (${signal ?? `exit ${code}`}):\n${output.trim()}`));
    });
  });
  died.catch(() => undefined); // Observed by whoever races it; never an unhandled rejection.
  // If the bench itself dies, its children do not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = onCleanup(`stopping ${name}`, async () => {
    stopping = true;
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), STOP_WITHIN_MS);
    await exited;
    clearTimeout(force);
  });
  return {
    name,
    pid: child.pid,
    process: child,
    tail: () => output.trim(),
    lines: () => lines,
    died,
    stop,
  };
}
