// The bare yardsticks' workflows: what Temporal itself costs, without kring's process.
// Bundled by the bare worker (bench/kaal-worker.ts); started by bench/kaal.ts.
import { condition, proxyActivities, proxySinks, sleep, type Sinks } from '@temporalio/workflow';

/** Tells the bare worker's process that a workflow has run its first task (see kaal-worker.ts). */
export interface ReadySinks extends Sinks {
  ready: { workflow(kind: 'reminder' | 'holding'): void };
}

export interface BareActivities {
  /** Sends one email with nodemailer, with this Message-ID. */
  sendMail(message: { messageId: string; subject: string }): Promise<void>;
}

const { ready } = proxySinks<ReadySinks>();

// The same timeout and retry idea as kring's deliveries (workflows/registratie.ts).
const { sendMail } = proxyActivities<BareActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second' },
});

/** An empty workflow: the floor for a start. */
export async function empty(): Promise<void> {}

/** The floor for a durable reminder: wait until `at` (epoch ms), then send one email. */
export async function reminder(at: number, message: { messageId: string; subject: string }): Promise<void> {
  ready.workflow('reminder');
  await sleep(Math.max(1, at - Date.now()));
  await sendMail(message);
}

/** An open case with nothing to do: held until the test server goes away. */
export async function holding(): Promise<void> {
  ready.workflow('holding');
  await condition(() => false);
}
