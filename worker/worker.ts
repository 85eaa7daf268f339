// Builds the worker that runs the case workflow and its activities on one task queue.
// Several of these (in as many processes) may serve the same queue.
import fs from 'node:fs';
import path from 'node:path';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import type { TemporalConfig } from '../config/config';
import { SPOREN_IN_WORKFLOW, workerSporen } from '../service/sporen';

export const WORKFLOWS_PATH = require.resolve('../workflows');

/** Written by `npm run build`; when present beside the compiled worker, it is used as is. */
export const PREBUILT_BUNDLE = path.join(__dirname, '..', 'workflow-bundle.js');

export type WorkflowCode = Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'>;

export function defaultWorkflowCode(): WorkflowCode {
  return fs.existsSync(PREBUILT_BUNDLE)
    ? { workflowBundle: { codePath: PREBUILT_BUNDLE } }
    : { workflowsPath: WORKFLOWS_PATH };
}

export interface KringWorkerParts {
  temporal: TemporalConfig;
  activiteiten: ActivityDeps;
  connection: NativeConnection;
  workflowCode?: WorkflowCode;
}

export async function createKringWorker(parts: KringWorkerParts): Promise<Worker> {
  const code = parts.workflowCode ?? defaultWorkflowCode();
  const sporen = workerSporen();
  return Worker.create({
    connection: parts.connection,
    namespace: parts.temporal.namespace,
    taskQueue: parts.temporal.taskQueue,
    activities: createActivities(parts.activiteiten),
    // On shutdown, running activities get time to finish their writes; then the worker stops regardless.
    shutdownGraceTime: '10 seconds',
    shutdownForceTime: '30 seconds',
    ...code,
    // A bundle has the workflow's interceptors compiled in (launcher/build.ts, the tests' bundle).
    interceptors: { ...sporen.interceptors, workflowModules: code.workflowsPath ? [SPOREN_IN_WORKFLOW] : undefined },
    sinks: sporen.sinks,
  });
}

export interface RunningWorker {
  /** Settles when the worker has stopped: after stop(), or on its own when it fails. */
  done: Promise<void>;
  /** Stops polling, lets running tasks finish, and resolves when the worker is done. */
  stop(): Promise<void>;
}

export async function runWorker(parts: KringWorkerParts): Promise<RunningWorker> {
  const worker = await createKringWorker(parts);
  const done = worker.run();
  return {
    done,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
