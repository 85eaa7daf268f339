// What the tests run on: the database of this run (PostgreSQL when DATABASE_URL is set,
// else an embedded PGlite), the Temporal binaries global setup provided, free ports.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';
import { openDatabase, type Database } from '../../prisma/database';
import type { TestServerExecutable } from '../../launcher/temporal-binaries';
import { SPOREN_IN_WORKFLOW } from '../../service/sporen';
import { WORKFLOWS_PATH } from '../../worker/worker';

export const opPostgres = Boolean(process.env.KRING_TEST_DATABASE_URL);

/** `dir`: a PGlite directory to use (ignored on PostgreSQL); absent: PGlite in memory. */
export async function testDatabase(dir?: string): Promise<Database> {
  const url = process.env.KRING_TEST_DATABASE_URL;
  const database = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite', dir });
  await database.migrate();
  return database;
}

export function temporalCliPath(): string {
  const cli = process.env.KRING_TEST_TEMPORAL_CLI;
  if (!cli) throw new Error('KRING_TEST_TEMPORAL_CLI is not set: run the tests with `npm test`');
  return cli;
}

export function timeSkippingExecutable(): TestServerExecutable {
  const json = process.env.KRING_TEST_TIME_SKIPPING;
  if (!json) throw new Error('KRING_TEST_TIME_SKIPPING is not set: run the tests with `npm test`');
  return JSON.parse(json) as TestServerExecutable;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Whether something on loopback takes connections at `port`. */
export function verbindt(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `kring-${prefix}-`));
}

let bundle: Promise<WorkflowBundle> | undefined;
/** The workflow code, bundled once per test file, with its interceptors as the build has them. */
export function workflowBundle(): Promise<WorkflowBundle> {
  bundle ??= bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    workflowInterceptorModules: [SPOREN_IN_WORKFLOW],
    logger: quietLogger,
  });
  return bundle;
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
