// The worker and the API in one process, sharing the database and Temporal: what
// `npm start` runs, and what the end-to-end tests start.
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { startApi } from '../api/server';
import type { TemporalConfig } from '../config/config';
import { temporalConnectionOptions } from '../config/temporal';
import type { Database } from '../prisma/database';
import type { Termijnen } from '../workflows/termijnen';
import { runWorker, type RunningWorker, type WorkflowCode } from '../worker/worker';

export interface KringOptions {
  temporal: TemporalConfig;
  database: Database;
  http: { host: string; port: number };
  workflowCode?: WorkflowCode;
  termijnenVoor?: (noodsituatie: boolean) => Termijnen;
}

export interface RunningKring {
  apiUrl: string;
  worker: RunningWorker;
  /** API first (no new commands), then the worker, then the connections. */
  stop(): Promise<void>;
}

export async function startKring(options: KringOptions): Promise<RunningKring> {
  const connectionOptions = temporalConnectionOptions(options.temporal);
  const cleanup: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  };
  try {
    const workerConnection = await NativeConnection.connect(connectionOptions);
    cleanup.push(() => workerConnection.close());
    const clientConnection = await Connection.connect(connectionOptions);
    cleanup.push(() => clientConnection.close());

    const worker = await runWorker({
      temporal: options.temporal,
      prisma: options.database.prisma,
      connection: workerConnection,
      workflowCode: options.workflowCode,
    });
    cleanup.push(() => worker.stop());

    const api = await startApi(
      {
        prisma: options.database.prisma,
        temporal: new Client({ connection: clientConnection, namespace: options.temporal.namespace }),
        taskQueue: options.temporal.taskQueue,
        termijnenVoor: options.termijnenVoor,
        databaseBereikbaar: () => options.database.ping(),
      },
      options.http,
    );
    cleanup.push(() => api.stop());
    return { apiUrl: api.url, worker, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
