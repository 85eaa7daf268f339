// The bare worker, a process of its own (so its memory is its own): runs bench/kaal-workflows.ts
// on its own task queue, sends the reminders' emails with nodemailer, and tells the bench over
// IPC when it is ready and how many workflows have run their first task.
//   env: BENCH_TEMPORAL_ADDRESS, BENCH_TASK_QUEUE, BENCH_SMTP_URL
import nodemailer from 'nodemailer';
import { DefaultLogger, NativeConnection, Runtime, Worker, type InjectedSinks } from '@temporalio/worker';
import type { BareActivities, ReadySinks } from './kaal-workflows';

export type BareWorkerMessage = { kind: 'ready' } | { kind: 'started'; counts: { reminder: number; holding: number } };

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: ['SIGINT', 'SIGTERM'] });
  const send = (message: BareWorkerMessage) => process.send?.(message);
  // One transport for the process, with a few kept connections: the cheapest way to send
  // many emails with nodemailer, as the storm's nodemailer yardstick sends them too.
  const transport = nodemailer.createTransport({ url: required('BENCH_SMTP_URL'), pool: true, maxConnections: 5 });
  const activities: BareActivities = {
    async sendMail({ messageId, subject }) {
      await transport.sendMail({
        from: 'Bench <bench@localhost>',
        to: 'regiomanager.bench@kring.test',
        subject,
        text: 'Een herinnering van de kale werkstroom.',
        messageId,
      });
    },
  };
  // Each workflow once, however often its first task runs.
  const started = { reminder: new Set<string>(), holding: new Set<string>() };
  let reported = '';
  const report = setInterval(() => {
    const counts = { reminder: started.reminder.size, holding: started.holding.size };
    if (JSON.stringify(counts) !== reported) {
      reported = JSON.stringify(counts);
      send({ kind: 'started', counts });
    }
  }, 200);
  const sinks: InjectedSinks<ReadySinks> = {
    ready: { workflow: { fn: (info, kind) => void started[kind].add(info.workflowId) } },
  };
  const worker = await Worker.create({
    connection: await NativeConnection.connect({ address: required('BENCH_TEMPORAL_ADDRESS') }),
    taskQueue: required('BENCH_TASK_QUEUE'),
    workflowsPath: require.resolve('./kaal-workflows'),
    activities,
    sinks,
  });
  send({ kind: 'ready' });
  await worker.run();
  clearInterval(report);
  transport.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
