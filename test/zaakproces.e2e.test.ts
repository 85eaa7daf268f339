// The process client as callers meet it through the API: a command repeated after "try
// again" is carried out once and answers as the first; a closed case says so.
import crypto from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { Database } from '../prisma/database';
import { workflowIdVoorZaak } from '../workflows/contract';
import { testDatabase } from './support/omgeving';
import { wereld, type Wereld } from './support/proces';
import { binnen, startStack, vraag, type Stack } from './support/stack';
import { opdrachtViaApi, stafTokens, zaakInVoorbereiding } from './support/toegang';

let db: Database;
let stack: Stack;
let temporal: Client;
let w: Wereld;
let t: Awaited<ReturnType<typeof stafTokens>>;

beforeAll(async () => {
  db = await testDatabase();
  stack = await startStack({ database: db });
  temporal = new Client({ connection: await Connection.connect({ address: stack.temporal.address! }) });
  w = await wereld(db.prisma);
  t = await stafTokens(db.prisma, w);
}, 120_000);

afterAll(async () => {
  await temporal?.connection.close();
  await stack?.stop();
  await db?.close();
});

test('a command repeated with its Idempotency-Key stores nothing twice and answers as the first', async () => {
  const zaakId = await zaakInVoorbereiding(stack.api, w, t);
  const zelfde = async (pad: string, body: unknown) => {
    const sleutel = `herhaald-${crypto.randomUUID()}`;
    const [eerste, tweede] = [0, 1].map(() =>
      vraag(`${stack.api}/cases/${zaakId}/${pad}`, {
        body,
        token: t.coordinator,
        headers: { 'Idempotency-Key': sleutel },
      }),
    );
    return [await eerste!, await tweede!];
  };

  const email = `oom-${crypto.randomUUID()}@example.org`;
  const [a, b] = await zelfde('deelnemer-toevoegen', { persoon: { naam: 'Oom Karim', email }, rol: 'netwerk' });
  expect([a.status, b.status]).toEqual([200, 200]);
  expect(b.body.persoonId).toBe(a.body.persoonId);
  expect(await db.prisma.persoon.count({ where: { email } })).toBe(1);

  const op = new Date(Date.now() + 14 * 24 * 3_600_000).toISOString();
  const [c, d] = await zelfde('datum-voorstellen', { op });
  expect([c.status, d.status]).toEqual([200, 200]);
  expect(d.body.voorstelId).toBe(c.body.voorstelId);
  expect(await db.prisma.datumVoorstel.count({ where: { zaakId } })).toBe(1);
  // The id the answer gave is the one the process knows.
  await opdrachtViaApi(stack.api, zaakId, 'datum-bevestigen', { voorstelId: d.body.voorstelId }, t.coordinator);
});

test("a command's Idempotency-Key is its sender's: another account, or another request, is refused", async () => {
  const zaakId = await zaakInVoorbereiding(stack.api, w, t);
  const sleutel = `eigen-${crypto.randomUUID()}`;
  const geef = (body: unknown, token: string) =>
    vraag(`${stack.api}/cases/${zaakId}/deelnemer-toevoegen`, { body, token, headers: { 'Idempotency-Key': sleutel } });
  const body = { persoon: { naam: 'Neef Omar' }, rol: 'netwerk' };
  expect((await geef(body, t.coordinator)).status).toBe(200);
  const ander = await geef(body, t.regiomanager);
  expect([ander.status, ander.body.fouten?.[0]?.regel]).toEqual([422, 'hergebruikt']);
  const anders = await geef({ ...body, persoon: { naam: 'Nicht Sara' } }, t.coordinator);
  expect([anders.status, anders.body.fouten?.[0]?.regel]).toEqual([422, 'hergebruikt']);
  expect(
    await db.prisma.persoon.count({
      where: { naam: { in: ['Neef Omar', 'Nicht Sara'] }, deelnames: { some: { zaakId } } },
    }),
  ).toBe(1);
});

test('a command on a closed case says the case is closed, and never to try again', async () => {
  const zaakId = await zaakInVoorbereiding(stack.api, w, t);
  const gesloten = await opdrachtViaApi(
    stack.api,
    zaakId,
    'intrekken',
    { reden: 'Het gezin ziet af van de conferentie.' },
    t.coordinator,
  );
  expect(gesloten.fase).toBe('afgesloten');

  const probeer = () =>
    vraag(`${stack.api}/cases/${zaakId}/kring-compleet`, { body: { compleet: true }, token: t.coordinator });
  // While the process still finishes, and once it has ended: the same answer.
  const meteen = await probeer();
  await binnen(60_000, async () => {
    const { status } = await temporal.workflow.getHandle(workflowIdVoorZaak(zaakId)).describe();
    return status.name === 'COMPLETED' ? true : undefined;
  });
  const later = await probeer();
  for (const antwoord of [meteen, later]) {
    expect(antwoord.status).toBe(409);
    expect(antwoord.body).toMatchObject({ code: 'zaak-afgesloten' });
    expect(antwoord.body.detail).toMatch(/afgesloten/);
    expect(antwoord.body.detail).not.toMatch(/opnieuw|probeer/i);
    expect(antwoord.headers.get('retry-after')).toBeNull();
  }
});
