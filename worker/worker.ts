// Builds the worker that runs the case workflow and its activities on one task queue.
// Several of these (in as many processes) may serve the same queue.
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import type { TemporalConfig } from '../config/config';
import { SPOREN_IN_WORKFLOW, workerSporen } from '../service/sporen';

export const WORKFLOWS_PATH = require.resolve('../workflows');

/** Written by `npm run build`; when present beside the compiled worker, it is used as is. */
export const PREBUILT_BUNDLE = path.join(__dirname, '..', 'workflow-bundle.js');

/**
 * Cases kept in a worker's memory between their steps. The SDK's default grows with the heap
 * (thousands of cases, past a gigabyte); a case spends days between steps, and one that is not
 * kept replays its short history in milliseconds when its next step comes.
 */
export const DEFAULT_CACHED_CASES = 150;

/**
 * Bounds the heap of the thread the cases run in by what the cache holds (about 2 MiB a case)
 * plus room to work. Under V8's default bound, a quarter of the machine's memory, that thread
 * lets garbage grow past gigabytes before it collects. The SDK starts the thread itself, so the
 * bound is a V8 flag, which holds for threads started after it is set (not the main thread).
 */
function workflowThreadHeapBound(cachedCases: number): void {
  v8.setFlagsFromString(`--max-old-space-size=${256 + 2 * cachedCases}`);
}

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
  const cachedCases = parts.temporal.cachedCases ?? DEFAULT_CACHED_CASES;
  workflowThreadHeapBound(cachedCases);
  return Worker.create({
    connection: parts.connection,
    namespace: parts.temporal.namespace,
    taskQueue: parts.temporal.taskQueue,
    activities: createActivities(parts.activiteiten),
    // On shutdown, running activities get time to finish their writes; then the worker stops regardless.
    shutdownGraceTime: '10 seconds',
    shutdownForceTime: '30 seconds',
    maxCachedWorkflows: cachedCases,
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
