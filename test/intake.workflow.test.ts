// The intake phase under Temporal's time-skipping server: days pass in moments.
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import type { Database } from '../prisma/database';
import { termijnenVoor } from '../workflows/termijnen';
import {
  contactVastleggenUpdate,
  statusQuery,
  workflowIdVoorZaak,
  type ZaakStart,
} from '../workflows/zaak-interface';
import { testDatabase, timeSkippingExecutable, workflowBundle } from './support/omgeving';
import { opgeslagenZaak } from './support/zaken';

const DAG = 24 * 60 * 60 * 1000;

let env: TestWorkflowEnvironment;
let db: Database;

beforeAll(async () => {
  db = await testDatabase();
});

afterAll(async () => {
  await db?.close();
});

// A server per test: a test that fails half-way cannot leave the next one a clock that
// no longer skips (the test server holds time still while an activity is outstanding).
beforeEach(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: timeSkippingExecutable() } });
});

afterEach(async () => {
  await env?.teardown();
});

const taskQueue = 'intake-test';

async function metWorker<T>(fn: () => Promise<T>): Promise<T> {
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities: createActivities({ prisma: db.prisma }),
  });
  return worker.runUntil(fn);
}

async function startZaak(noodsituatie: boolean, geledenMs = 0) {
  const zaak = await opgeslagenZaak(db.prisma, noodsituatie);
  const aangevraagdOp = new Date((await env.currentTimeMs()) - geledenMs);
  const start: ZaakStart = {
    zaakId: zaak.id,
    noodsituatie,
    aangevraagdOp: aangevraagdOp.toISOString(),
    termijnen: termijnenVoor(noodsituatie),
  };
  const handle = await env.client.workflow.start('zaak', {
    taskQueue,
    workflowId: workflowIdVoorZaak(zaak.id),
    args: [start],
  });
  return { zaak, handle, aangevraagdOp };
}

async function escalatiesInDatabase(zaakId: string) {
  const events = await db.prisma.auditEvent.findMany({ where: { zaakId, actie: 'escalatie' }, orderBy: { id: 'asc' } });
  return events.map((e) => e.details);
}

test('a missed contact deadline escalates every 3 days until contact, then the case moves to voorbereiding', async () => {
  await metWorker(async () => {
    const { zaak, handle, aangevraagdOp } = await startZaak(false);

    let status = await handle.query(statusQuery);
    expect(status.fase).toBe('intake');
    expect(status.termijnen.contactUiterlijk).toBe(new Date(aangevraagdOp.getTime() + 3 * DAG).toISOString());

    await env.sleep('2 days');
    expect((await handle.query(statusQuery)).escalaties.contact).toBe(0);

    await env.sleep('1 day');
    await env.sleep('1 minute');
    status = await handle.query(statusQuery);
    expect(status.escalaties.contact).toBe(1);
    expect(status.termijnen.contactUiterlijk).toBe(new Date(aangevraagdOp.getTime() + 6 * DAG).toISOString());

    await env.sleep('3 days');
    expect((await handle.query(statusQuery)).escalaties.contact).toBe(2);
    expect(await escalatiesInDatabase(zaak.id)).toEqual([
      { termijn: 'contact', keer: 1 },
      { termijn: 'contact', keer: 2 },
    ]);

    status = await handle.executeUpdate(contactVastleggenUpdate, { args: [{}] });
    expect(status.fase).toBe('voorbereiding');
    expect(status.termijnen.contactUiterlijk).toBeUndefined();
    expect((await db.prisma.zaak.findUniqueOrThrow({ where: { id: zaak.id } })).fase).toBe('voorbereiding');

    // Contact recorded: no more escalations, however long the preparation takes.
    await env.sleep('14 days');
    expect((await handle.query(statusQuery)).escalaties.contact).toBe(2);
    expect(await escalatiesInDatabase(zaak.id)).toHaveLength(2);
  });
});

test('on the emergency path the coordinator has 24 hours for contact', async () => {
  await metWorker(async () => {
    const { zaak, handle, aangevraagdOp } = await startZaak(true);
    expect((await handle.query(statusQuery)).termijnen.contactUiterlijk).toBe(
      new Date(aangevraagdOp.getTime() + DAG).toISOString(),
    );

    await env.sleep('23 hours');
    expect((await handle.query(statusQuery)).escalaties.contact).toBe(0);
    await env.sleep('2 hours');
    expect((await handle.query(statusQuery)).escalaties.contact).toBe(1);
    expect(await escalatiesInDatabase(zaak.id)).toEqual([{ termijn: 'contact', keer: 1 }]);
  });
});

test('contact recorded in time: no escalation, and a second recording is refused with the reason', async () => {
  await metWorker(async () => {
    const { zaak, handle } = await startZaak(false);
    await env.sleep('1 day');
    const gisteren = new Date((await env.currentTimeMs()) - 60 * 60 * 1000).toISOString();
    const status = await handle.executeUpdate(contactVastleggenUpdate, { args: [{ op: gisteren }] });
    expect(status.contactOpgenomenOp).toBe(gisteren);

    const tweede = handle.executeUpdate(contactVastleggenUpdate, { args: [{}] });
    await expect(tweede).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    const failure = (await tweede.catch((err: WorkflowUpdateFailedError) => err.cause)) as ApplicationFailure;
    expect(failure.type).toBe('Afwijzing');
    expect(failure.details?.[0]).toMatchObject({ code: 'verkeerde-fase' });

    await env.sleep('7 days');
    expect((await handle.query(statusQuery)).escalaties.contact).toBe(0);
    expect(await escalatiesInDatabase(zaak.id)).toHaveLength(0);

    // The refused command never entered the history: one accepted update only.
    const history = await handle.fetchHistory();
    const accepted = history.events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    expect(accepted).toHaveLength(1);
  });
});

test('a contact moment before the request or in the future is refused', async () => {
  await metWorker(async () => {
    const { handle, aangevraagdOp } = await startZaak(false);
    for (const op of [
      new Date(aangevraagdOp.getTime() - DAG).toISOString(),
      new Date((await env.currentTimeMs()) + 2 * DAG).toISOString(),
    ]) {
      const poging = handle.executeUpdate(contactVastleggenUpdate, { args: [{ op }] });
      const failure = (await poging.then(
        () => undefined,
        (err: WorkflowUpdateFailedError) => err.cause,
      )) as ApplicationFailure | undefined;
      expect(failure?.details?.[0]).toMatchObject({ code: 'ongeldig-moment' });
    }
    expect((await handle.query(statusQuery)).fase).toBe('intake');
  });
});

test('a case whose workflow starts 10 days late escalates once, then every 3 days from now', async () => {
  // As when the sweep starts a request stored while Temporal was away: deadlines count from
  // the request, and the missed intervals do not arrive as a burst.
  await metWorker(async () => {
    const { zaak, handle } = await startZaak(false, 10 * DAG);
    const gestart = await env.currentTimeMs();
    await env.sleep('1 minute');
    const status = await handle.query(statusQuery);
    expect(status.escalaties.contact).toBe(1);
    expect(Date.parse(status.termijnen.contactUiterlijk!)).toBeGreaterThanOrEqual(gestart + 3 * DAG);

    await env.sleep('3 days');
    expect((await handle.query(statusQuery)).escalaties.contact).toBe(2);
    expect(await escalatiesInDatabase(zaak.id)).toHaveLength(2);
  });
});
