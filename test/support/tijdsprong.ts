// The time-skipping test server, started here rather than by the SDK: the SDK gives the JVM
// 5 s to listen (a bound inside its native core), which a busy machine does not meet.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { freePort, timeSkippingExecutable } from './omgeving';

/** How long a JVM may take to listen on a machine that is busy with other work. */
const START_GRENS_MS = 120_000;

type Aanmaken = (opties: {
  server: { type: 'existing' };
  address: string;
  supportsTimeSkipping: boolean;
}) => Promise<TestWorkflowEnvironment>;

/** A time-skipping environment on a server of its own; `teardown()` stops both. */
export async function tijdsprongOmgeving(): Promise<TestWorkflowEnvironment> {
  const executable = timeSkippingExecutable();
  // Temporal's own download (where its CDN is reached) only runs through the SDK.
  if (executable.type !== 'existing-path')
    return TestWorkflowEnvironment.createTimeSkipping({ server: { executable } });
  const port = await freePort();
  const java = spawn(executable.path, [String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  java.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  try {
    await luistert(java, port, () => stderr);
    // The SDK's only way to an environment on a server it did not start, with time skipping.
    const aanmaken = (TestWorkflowEnvironment as unknown as { create: Aanmaken }).create.bind(TestWorkflowEnvironment);
    const env = await aanmaken({
      server: { type: 'existing' },
      address: `127.0.0.1:${port}`,
      supportsTimeSkipping: true,
    });
    const teardown = env.teardown.bind(env);
    env.teardown = async () => {
      try {
        await teardown();
      } finally {
        await stoppen(java);
      }
    };
    return env;
  } catch (err) {
    await stoppen(java);
    throw err;
  }
}

/** Resolves once the port takes connections; fails when the process ends or the bound passes. */
function luistert(java: ChildProcess, port: number, stderr: () => string): Promise<void> {
  const grens = Date.now() + START_GRENS_MS;
  return new Promise((resolve, reject) => {
    const gestopt = (code: number | null) =>
      reject(new Error(`the time-skipping server stopped before listening (exit ${code}): ${stderr()}`));
    java.once('exit', gestopt);
    const probeer = () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        java.off('exit', gestopt);
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (java.exitCode !== null) return;
        if (Date.now() > grens) {
          java.off('exit', gestopt);
          reject(new Error(`the time-skipping server did not listen within ${START_GRENS_MS / 1000} s`));
        } else setTimeout(probeer, 100);
      });
    };
    probeer();
  });
}

function stoppen(java: ChildProcess): Promise<void> {
  if (java.exitCode !== null || java.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    java.once('exit', () => resolve());
    java.kill('SIGTERM');
  });
}
