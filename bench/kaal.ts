// The bare yardsticks, measured in the same run as kring: a worker of their own (a child
// process, bench/kaal-worker.ts) on its own task queue of the same Temporal server, and the
// bench process as their client.
import crypto from 'node:crypto';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { startChild, type Child } from './child';
import type { BareWorkerMessage } from './kaal-worker';
import type { empty, holding, reminder } from './kaal-workflows';
import { waitFor } from './wait';

export interface BareWorker {
  child: Child;
  taskQueue: string;
  /** Workflows of each kind that have run their first task, as the worker last reported. */
  started: { reminder: number; holding: number };
}

const READY_WITHIN_MS = 300_000;

export async function startBareWorker(settings: {
  name: string;
  temporalAddress: string;
  taskQueue: string;
  smtpUrl: string;
}): Promise<BareWorker> {
  // The worker's TypeScript runs through tsx, as kring's entry points do (launcher/bootstrap.js).
  const child = startChild(
    settings.name,
    ['--require', require.resolve('tsx/cjs'), path.join(__dirname, 'kaal-worker.ts')],
    {
      ...process.env,
      BENCH_TEMPORAL_ADDRESS: settings.temporalAddress,
      BENCH_TASK_QUEUE: settings.taskQueue,
      BENCH_SMTP_URL: settings.smtpUrl,
    },
    { ipc: true },
  );
  const worker: BareWorker = { child, taskQueue: settings.taskQueue, started: { reminder: 0, holding: 0 } };
  let ready = false;
  child.process.on('message', (message: BareWorkerMessage) => {
    if (message.kind === 'ready') ready = true;
    else worker.started = message.counts;
  });
  await Promise.race([
    waitFor(`${settings.name}`, () => ({ done: ready, status: 'not ready (bundling its workflows)' }), {
      timeoutMs: READY_WITHIN_MS,
      everyMs: 200,
    }),
    child.died,
  ]);
  return worker;
}

/** Starts one empty workflow; resolves when Temporal has accepted it. */
export async function startEmpty(client: Client, taskQueue: string): Promise<void> {
  await client.workflow.start<typeof empty>('empty', { taskQueue, workflowId: `empty-${crypto.randomUUID()}` });
}

export async function startReminder(
  client: Client,
  taskQueue: string,
  at: number,
  message: { messageId: string; subject: string },
): Promise<void> {
  await client.workflow.start<typeof reminder>('reminder', {
    taskQueue,
    workflowId: `reminder-${crypto.randomUUID()}`,
    args: [at, message],
  });
}

export async function startHolding(client: Client, taskQueue: string): Promise<void> {
  await client.workflow.start<typeof holding>('holding', { taskQueue, workflowId: `holding-${crypto.randomUUID()}` });
}

/** Waits until `total` workflows of the queue have completed (visibility, which the dev server keeps). */
export async function bareCompleted(client: Client, taskQueue: string, total: number, what: string): Promise<void> {
  await waitFor(
    what,
    async () => {
      const { count } = await client.workflow.count(`TaskQueue="${taskQueue}" AND ExecutionStatus="Completed"`);
      return { done: count >= total, status: `${count} of ${total} bare workflows completed`, progress: count };
    },
    { stallMs: 60_000, everyMs: 200 },
  );
}
