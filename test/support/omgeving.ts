// What the tests run on: the database of this run (PostgreSQL when DATABASE_URL is set,
// else an embedded PGlite), the Temporal binaries global setup provided, free ports.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { PrismaClient } from '@prisma/client';
import { Client as PgClient } from 'pg';
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

/**
 * A database of one test file's own, for what touches every row it finds (the retention
 * sweep): on PostgreSQL made beside the run's and dropped by `wegruimen`, embedded a fresh one.
 */
export async function eigenTestDatabase(): Promise<{ database: Database; wegruimen: () => Promise<void> }> {
  const url = process.env.KRING_TEST_DATABASE_URL;
  if (!url) return { database: await testDatabase(), wegruimen: async () => undefined };
  const naam = `kring_eigen_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const beheer = async (sql: string) => {
    const pg = new PgClient({ connectionString: url });
    await pg.connect();
    try {
      await pg.query(sql);
    } finally {
      await pg.end();
    }
  };
  await beheer(`CREATE DATABASE ${naam}`);
  const eigen = new URL(url);
  eigen.pathname = `/${naam}`;
  const database = await openDatabase({ kind: 'postgres', url: eigen.toString() });
  await database.migrate();
  return { database, wegruimen: () => beheer(`DROP DATABASE IF EXISTS ${naam} WITH (FORCE)`) };
}

/** Every row of every table in the database, as JSON text prefixed by its table: to search for what must be gone. */
export async function alleRijen(prisma: PrismaClient): Promise<string[]> {
  const tabellen = await prisma.$queryRaw<Array<{ tablename: string }>>`
    SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public'`;
  if (tabellen.length < 20) throw new Error(`only ${tabellen.length} tables: not kring's database?`);
  const rijen: string[] = [];
  for (const { tablename } of tabellen) {
    const uit = await prisma.$queryRawUnsafe<Array<{ r: string }>>(
      `SELECT row_to_json(t)::text AS r FROM "${tablename}" t`,
    );
    rijen.push(...uit.map((u) => `${tablename}: ${u.r}`));
  }
  return rijen;
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
