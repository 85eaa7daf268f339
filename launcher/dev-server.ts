// Runs `temporal server start-dev` as a child process: Temporal with its Web UI, persisted
// in a SQLite file so open cases and their timers survive a restart.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

export interface DevServerOptions {
  binary: string;
  port: number;
  /** undefined: no Web UI. */
  uiPort?: number;
  /** SQLite file; undefined keeps everything in memory. */
  dbFile?: string;
  namespace: string;
}

export interface DevServer {
  address: string;
  /** The server's process (the bench counts its CPU). */
  pid: number;
  uiUrl?: string;
  /** Settles with the exit code when the server process ends, for whatever reason. */
  exited: Promise<number | null>;
  /** Graceful stop (SIGTERM, so SQLite is closed properly), forced after 15 s. */
  stop(): Promise<void>;
}

const READY_WITHIN_MS = 60_000;

/**
 * How long Temporal keeps a closed workflow's history. Histories hold ids only; a month is
 * enough to look into how a case or a sweep ended. The compose stack sets the same
 * (DEFAULT_NAMESPACE_RETENTION); on a cluster of your own, set it on the namespace.
 */
export const GESCHIEDENIS_BEWAREN = '720h';

async function geschiedenisBewaren(binary: string, address: string, namespace: string): Promise<void> {
  await promisify(execFile)(
    binary,
    [
      'operator',
      'namespace',
      'update',
      '--namespace',
      namespace,
      '--retention',
      GESCHIEDENIS_BEWAREN,
      '--address',
      address,
    ],
    { timeout: 30_000 },
  );
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--log-level', 'warn'];
  args.push(...(options.uiPort ? ['--ui-port', String(options.uiPort)] : ['--headless']));
  // With its data kept, a pid file beside it: a server left by a launcher that was killed is
  // stopped before a new one starts on the same data (and ports).
  const pidBestand = options.dbFile && path.join(path.dirname(options.dbFile), 'dev-server.pid');
  if (options.dbFile) {
    fs.mkdirSync(path.dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
    await achtergelatenStoppen(pidBestand!);
  }
  if (options.namespace !== 'default') args.push('--namespace', options.namespace);

  // Its own process group: a Ctrl-C in the terminal reaches kring, which stops the worker
  // first and Temporal last, instead of Temporal vanishing under a working worker.
  const child = spawn(options.binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  if (pidBestand && child.pid) fs.writeFileSync(pidBestand, String(child.pid), { mode: 0o600 });
  // If this process dies without stopping it, do not leave a server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  let output = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      if (pidBestand) fs.rmSync(pidBestand, { force: true });
      resolve(code);
    }),
  );
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(force);
  };

  return new Promise<DevServer>((resolve, reject) => {
    let settled = false;
    // Once its address is printed the namespace is set, once: more output may come meanwhile.
    let bereikbaar = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop();
      reject(new Error(`Temporal dev server did not start: ${why}\n${output.trim().slice(-2000)}`));
    };
    const timer = setTimeout(() => fail(`not ready within ${READY_WITHIN_MS / 1000} s`), READY_WITHIN_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
      // The CLI prints its addresses once the frontend accepts connections.
      if (!bereikbaar && /^Server:\s+\S+:\d+/m.test(output)) {
        bereikbaar = true;
        const address = `127.0.0.1:${options.port}`;
        geschiedenisBewaren(options.binary, address, options.namespace).then(
          () => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            resolve({
              address,
              pid: child.pid!,
              uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined,
              exited,
              stop,
            });
          },
          (err: Error) => fail(`setting the namespace's retention failed: ${err.message}`),
        );
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000)));
    child.once('error', (err) => fail(err.message));
    void exited.then((code) => fail(`it exited with code ${code}`));
  });
}

/**
 * Stops the dev server a killed launcher left running on this data: the pid in the file,
 * if that process is still a Temporal dev server (a reused pid is left alone).
 */
async function achtergelatenStoppen(pidBestand: string): Promise<void> {
  const pid = fs.existsSync(pidBestand) ? Number(fs.readFileSync(pidBestand, 'utf8')) : NaN;
  fs.rmSync(pidBestand, { force: true });
  if (!Number.isInteger(pid) || pid <= 0 || !isDevServer(pid)) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && leeft(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (leeft(pid)) process.kill(pid, 'SIGKILL');
}

function leeft(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isDevServer(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('start-dev');
  } catch {
    return false;
  }
}
