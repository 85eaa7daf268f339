// End to end against a real Temporal dev server: HTTP request → stored case → running
// workflow → live phase over HTTP.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { startHerstel, zaakprocesVia } from '../zaakproces';
import type { Database } from '../prisma/database';
import { termijnenVoor } from '../workflows/termijnen';
import { workflowIdVoorZaak } from '../workflows/contract';
import { testDatabase } from './support/omgeving';
import { binnen, gebruikToken, liveZaak, startStack, vraag, type Stack } from './support/stack';
import { tokenVoor } from './support/toegang';
import { bekendeRegio, geldigeAanvraag, opgeslagenZaak } from './support/zaken';

const DAG = 24 * 60 * 60 * 1000;

let db: Database;
let stack: Stack;
let temporal: Client;

beforeAll(async () => {
  db = await testDatabase();
  await bekendeRegio(db.prisma);
  stack = await startStack({ database: db });
  gebruikToken(await tokenVoor(db.prisma, 'operations'));
  temporal = new Client({ connection: await Connection.connect({ address: stack.temporal.address! }) });
});

afterAll(async () => {
  await temporal?.connection.close();
  await stack?.stop();
  await db?.close();
});

test('a request becomes a stored case with a running workflow, readable with its live phase and deadline', async () => {
  const aangemaakt = await vraag(`${stack.api}/cases`, { body: geldigeAanvraag() });
  expect(aangemaakt.status).toBe(201);
  const id: string = aangemaakt.body.id;
  expect(aangemaakt.headers.get('location')).toBe(`/cases/${id}`);
  expect(aangemaakt.body).toMatchObject({
    regio: 'Flevoland',
    noodsituatie: false,
    hoofdpersoon: { naam: 'Samira El Amrani', telefoon: '+31612345678', taal: 'nl' },
    aanvrager: { relatie: 'professional', naam: 'Anna de Vries', organisatie: 'Jeugdbescherming Flevoland' },
    // Where its process began: being taken in, live, nothing escalated yet.
    fase: 'aanvraag',
    live: true,
    escalaties: 0,
  });
  const beschrijving = await temporal.workflow.getHandle(workflowIdVoorZaak(id)).describe();
  expect(beschrijving.status.name).toBe('RUNNING');
  expect(beschrijving.type).toBe('zaak');

  const gelezen = await liveZaak(stack.api, id);
  expect(gelezen).toMatchObject({ id, fase: 'intake', live: true, escalaties: 0 });
  expect(gelezen.termijn.soort).toBe('contact');
  expect(Date.parse(gelezen.termijn.op)).toBe(Date.parse(gelezen.aangevraagdOp) + 3 * DAG);
  expect((await db.prisma.zaak.findUniqueOrThrow({ where: { id } })).fase).toBe('intake');
});

test('the emergency path gives the coordinator 24 hours for contact', async () => {
  const { status, body } = await vraag(`${stack.api}/cases`, { body: geldigeAanvraag({ noodsituatie: true }) });
  expect(status).toBe(201);
  const zaak = await liveZaak(stack.api, body.id);
  expect(Date.parse(zaak.termijn.op)).toBe(Date.parse(zaak.aangevraagdOp) + DAG);
});

test('the same request twice with one Idempotency-Key gives one case', async () => {
  const sleutel = `aanvraag-${Date.now()}-herhaald`;
  const aanvraag = geldigeAanvraag();
  const eerste = await vraag(`${stack.api}/cases`, { body: aanvraag, headers: { 'idempotency-key': sleutel } });
  const tweede = await vraag(`${stack.api}/cases`, { body: aanvraag, headers: { 'idempotency-key': sleutel } });
  expect(eerste.status).toBe(201);
  expect(tweede.status).toBe(201);
  expect(tweede.body.id).toBe(eerste.body.id);
  expect(eerste.headers.get('idempotent-replayed')).toBe('false');
  expect(tweede.headers.get('idempotent-replayed')).toBe('true');

  expect(await db.prisma.zaak.count({ where: { idempotencyKey: sleutel } })).toBe(1);
  expect(await db.prisma.deelnemer.count({ where: { zaakId: eerste.body.id } })).toBe(2);
  const beschrijving = await temporal.workflow.getHandle(workflowIdVoorZaak(eerste.body.id)).describe();
  expect(beschrijving.status.name).toBe('RUNNING');
});

test('requests racing with one Idempotency-Key still give one case', async () => {
  const sleutel = `aanvraag-${Date.now()}-gelijktijdig`;
  const aanvraag = geldigeAanvraag();
  const antwoorden = await Promise.all(
    Array.from({ length: 5 }, () =>
      vraag(`${stack.api}/cases`, { body: aanvraag, headers: { 'idempotency-key': sleutel } }),
    ),
  );
  expect(antwoorden.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
  expect(new Set(antwoorden.map((a) => a.body.id)).size).toBe(1);
  // Exactly one of them created it; the others say they replayed it.
  expect(antwoorden.map((a) => a.headers.get('idempotent-replayed')).sort()).toEqual([
    'false',
    'true',
    'true',
    'true',
    'true',
  ]);
  expect(await db.prisma.zaak.count({ where: { idempotencyKey: sleutel } })).toBe(1);
});

test('a reused Idempotency-Key with a different request is refused and stores nothing', async () => {
  const sleutel = `aanvraag-${Date.now()}-anders`;
  await vraag(`${stack.api}/cases`, { body: geldigeAanvraag(), headers: { 'idempotency-key': sleutel } });
  const anders = await vraag(`${stack.api}/cases`, {
    body: geldigeAanvraag({ vraag: sleutel }),
    headers: { 'idempotency-key': sleutel },
  });
  expect(anders.status).toBe(422);
  expect(anders.body.fouten).toEqual([expect.objectContaining({ veld: 'Idempotency-Key', regel: 'hergebruikt' })]);
  expect(await db.prisma.zaak.count({ where: { vraag: sleutel } })).toBe(0);
});

test('readiness reports Temporal and the database reachable', async () => {
  const klaar = await vraag(`${stack.api}/readyz`);
  expect(klaar).toMatchObject({ status: 200, body: { temporal: true, database: true } });
  expect((await vraag(`${stack.api}/healthz`)).status).toBe(200);
});

test('reading a case is recorded in its audit trail', async () => {
  const { body } = await vraag(`${stack.api}/cases`, { body: geldigeAanvraag() });
  await vraag(`${stack.api}/cases/${body.id}`);
  const acties = (await db.prisma.auditEvent.findMany({ where: { zaakId: body.id }, orderBy: { id: 'asc' } })).map(
    (e) => e.actie,
  );
  expect(acties).toEqual(expect.arrayContaining(['zaak.aangevraagd', 'zaak.ingezien']));
});

test('a case stored while Temporal was away gets its workflow from the sweep', async () => {
  // What POST /cases leaves behind when Temporal does not answer (see zaken.invoer.test.ts).
  const zaak = await opgeslagenZaak(db.prisma);
  await db.prisma.zaak.update({ where: { id: zaak.id }, data: { aangevraagdOp: new Date(Date.now() - 60_000) } });
  expect((await vraag(`${stack.api}/cases/${zaak.id}`)).body).toMatchObject({ fase: 'aanvraag', live: false });

  const herstel = startHerstel(
    db.prisma,
    zaakprocesVia(temporal, { taskQueue: stack.temporal.taskQueue, termijnenVoor }),
  );
  try {
    expect(await herstel.eenmaal()).toBeGreaterThanOrEqual(1);
  } finally {
    herstel.stop();
  }
  const live = await liveZaak(stack.api, zaak.id);
  expect(live.fase).toBe('intake');
  // Deadlines count from the request, not from the late start.
  expect(Date.parse(live.termijn.op)).toBe(Date.parse(live.aangevraagdOp) + 3 * DAG);
});

test('with no SMTP or Twilio settings, messages land in the local outbox and are listed per case', async () => {
  const regio = `Regio ${crypto.randomUUID().slice(0, 8)}`;
  const regiomanager = await db.prisma.persoon.create({
    data: { naam: 'Monique', email: 'monique@example.org', taal: 'nl' },
  });
  await db.prisma.regio.create({ data: { naam: regio, regiomanagers: { create: { persoonId: regiomanager.id } } } });
  const token = await tokenVoor(db.prisma, 'regiomanager', regiomanager.id);

  const { body } = await vraag(`${stack.api}/cases`, { body: geldigeAanvraag({ regio }) });
  const lijst = await binnen(30_000, async () => {
    const { status, body: berichten } = await vraag(`${stack.api}/cases/${body.id}/berichten`, { token });
    expect(status).toBe(200);
    return berichten.some((b: { status: string }) => b.status === 'verstuurd') ? berichten : undefined;
  });
  expect(lijst).toEqual([
    expect.objectContaining({
      soort: 'aanvraag.ontvangen',
      rol: 'regiomanager',
      kanaal: 'email',
      taal: 'nl',
      status: 'verstuurd',
    }),
  ]);
  const eml = fs.readFileSync(path.join(stack.uitbus, 'email', `${lijst[0].id}.eml`), 'utf8');
  expect(eml).toContain('To: monique@example.org');
  expect(eml).toContain(`Subject: Nieuwe aanvraag, regio ${regio}`);
});
