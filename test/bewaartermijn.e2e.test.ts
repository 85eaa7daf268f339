// The retention sweep as it runs in production: a Temporal Schedule on the dev server, made
// when the worker starts, started by Temporal, reporting in the audit trail. And the
// namespace keeps closed workflows' histories for the period the README gives.
import crypto from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { Database } from '../prisma/database';
import { BEWAARSCHEMA_ID, bewaarschemaInstellen } from '../worker/bewaarschema';
import { aanvraagVastleggen, ZaakAanvraag } from '../zaakproces';
import { eigenTestDatabase } from './support/omgeving';
import { wereld } from './support/proces';
import { binnen, startStack, type Stack } from './support/stack';

const DAG = 24 * 60 * 60_000;
let db: Database;
let wegruimen: () => Promise<void>;
let stack: Stack | undefined;

beforeAll(async () => {
  ({ database: db, wegruimen } = await eigenTestDatabase());
});
afterAll(async () => {
  await stack?.stop();
  await db?.close();
  await wegruimen?.();
});

test('the worker makes the daily sweep a Schedule at 03:30 Amsterdam time; run by Temporal, it anonymises what is due and says how much', async () => {
  stack = await startStack({ database: db, bewaarschema: true });
  const connection = await Connection.connect({ address: stack.temporal.address });
  try {
    const client = new Client({ connection, namespace: stack.temporal.namespace });
    const schema = client.schedule.getHandle(BEWAARSCHEMA_ID);
    const beschrijving = await schema.describe();
    expect(beschrijving.spec.timezone).toBe('Europe/Amsterdam');
    expect(beschrijving.spec.calendars).toEqual([
      expect.objectContaining({ hour: [{ start: 3, end: 3, step: 1 }], minute: [{ start: 30, end: 30, step: 1 }] }),
    ]);
    expect(beschrijving.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'bewaartermijn',
      taskQueue: stack.temporal.taskQueue,
    });
    expect(beschrijving.policies.overlap).toBe('SKIP');

    // A case closed 800 days ago, past the default 730.
    const w = await wereld(db.prisma);
    const email = `oud.${crypto.randomUUID().slice(0, 8)}@example.org`;
    const { id } = await aanvraagVastleggen(
      db.prisma,
      ZaakAanvraag.parse({
        aanvrager: { relatie: 'hoofdpersoon' },
        hoofdpersoon: { naam: 'Oude Zaak', email },
        regio: w.regio,
        noodsituatie: false,
      }),
      { aangevraagdOp: new Date(Date.now() - 900 * DAG) },
    );
    await db.prisma.zaak.update({
      where: { id },
      data: { fase: 'afgesloten', afsluiting: 'afgerond', afgeslotenOp: new Date(Date.now() - 800 * DAG) },
    });

    await schema.trigger();
    // The run Temporal started for it, once visible; its result is the report.
    const run = await binnen(90_000, async () => {
      for await (const r of client.workflow.list({ query: `WorkflowType = 'bewaartermijn'` })) return r;
      return undefined;
    });
    expect(run.workflowId).toMatch(new RegExp(`^${BEWAARSCHEMA_ID}-`));
    expect(await client.workflow.getHandle(run.workflowId, run.runId).result()).toEqual({
      zaken: 1,
      personen: 1,
      aangehouden: 0,
      mislukt: 0,
    });
    const verslag = await db.prisma.auditEvent.findFirst({ where: { actie: 'bewaartermijn.verwerkt' } });
    expect(verslag).toMatchObject({
      actor: 'proces',
      zaakId: null,
      details: { zaken: 1, personen: 1, aangehouden: 0, mislukt: 0 },
    });
    expect(await db.prisma.persoon.count({ where: { email } })).toBe(0);
    expect((await db.prisma.zaak.findUniqueOrThrow({ where: { id } })).geanonimiseerdOp).not.toBeNull();

    // A worker that starts again (or a second one) brings the schedule in line instead of failing.
    await bewaarschemaInstellen(connection, stack.temporal);
    const schemas = [];
    for await (const s of client.schedule.list()) schemas.push(s.scheduleId);
    expect(schemas).toEqual([BEWAARSCHEMA_ID]);

    // Closed histories are kept 30 days on the dev server `npm start` runs (compose sets the same).
    const ns = await connection.workflowService.describeNamespace({ namespace: stack.temporal.namespace });
    expect(Number(ns.config?.workflowExecutionRetentionTtl?.seconds)).toBe(30 * 24 * 60 * 60);
  } finally {
    await connection.close();
  }
});
