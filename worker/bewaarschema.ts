// The daily retention sweep as a Temporal Schedule: Temporal starts it, whichever worker is up
// takes it, and a night the cluster was down is caught up within a day. Made or brought in line
// each time a worker with the schedule starts; several workers starting at once is harmless.
import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy, type ConnectionLike } from '@temporalio/client';
import type { TemporalConfig } from '../config/config';

export const BEWAARSCHEMA_ID = 'kring-bewaartermijn';

export async function bewaarschemaInstellen(connection: ConnectionLike, temporal: TemporalConfig): Promise<void> {
  const client = new Client({ connection, namespace: temporal.namespace });
  // At night, when nobody works in the cases it may touch.
  const spec = { calendars: [{ hour: 3, minute: 30 }], timezone: 'Europe/Amsterdam' };
  const action = {
    type: 'startWorkflow' as const,
    workflowType: 'bewaartermijn',
    taskQueue: temporal.taskQueue,
    workflowId: BEWAARSCHEMA_ID,
  };
  try {
    await client.schedule.create({
      scheduleId: BEWAARSCHEMA_ID,
      spec,
      action,
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await client.schedule.getHandle(BEWAARSCHEMA_ID).update((s) => ({ ...s, spec, action }));
  }
}
