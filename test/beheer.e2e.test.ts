// Setting kring up without SQL, through the API (and its CLI for the first administrator):
// regions with their regiomanagers, the coordinator pool, accounts with their persons. A
// request is then matched by the main person's wishes and taken through intake. No test
// here writes to the database itself.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { Database } from '../prisma/database';
import { testDatabase } from './support/omgeving';
import { binnen, liveZaak, startStack, vraag, type Stack } from './support/stack';
import { users } from '../launcher/gebruikers';
import { opdrachtViaApi } from './support/toegang';
import { geldigeAanvraag } from './support/zaken';

let db: Database;
let stack: Stack;
const t: Record<string, string> = {};
const persoon: Record<string, string> = {};

beforeAll(async () => {
  db = await testDatabase();
  stack = await startStack({ database: db });
  // The first administrator, made with the CLI (as on a terminal); she has a person, so she hears of things.
  const uit = await users(db.prisma, ['invite', `ada.${eigen()}@example.org`, 'admin', '--naam', 'Ada Beheer']);
  persoon.admin = /persoon ([0-9a-f-]{36})/.exec(uit)![1]!;
  t.admin = uit.split('\n')[1]!;
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await db?.close();
});

const eigen = () => crypto.randomUUID().slice(0, 8);

/** The invitation's token, read from the email as its addressee would. */
async function sleutelUitMail(email: string): Promise<string> {
  return binnen(30_000, async () => {
    const map = path.join(stack.uitbus, 'email');
    for (const bestand of fs.existsSync(map) ? fs.readdirSync(map) : []) {
      const mail = await simpleParser(fs.readFileSync(path.join(map, bestand)));
      const aan = Array.isArray(mail.to) ? mail.to[0] : mail.to;
      if (aan?.text === email) return /kring_[\w-]{43}/.exec(mail.text ?? '')?.[0];
    }
    return undefined;
  });
}

/** Invites someone (as `door`), and takes her token from the invitation. */
async function nodigUit(wie: string, rol: string, naam: string, door = 'admin') {
  const email = `${wie}.${eigen()}@example.org`;
  const { status, body } = await vraag(`${stack.api}/accounts`, { body: { naam, email, rol }, token: t[door] });
  expect({ wie, status, verzonden: body.verzonden, token: body.token }).toEqual({
    wie,
    status: 201,
    verzonden: true,
    token: undefined,
  });
  persoon[wie] = body.persoonId;
  t[wie] = await sleutelUitMail(email);
  return email;
}

test('a region with its regiomanager and coordinators, set up through the API; a request matched by its wishes goes through intake', async () => {
  const regio = `Flevoland ${eigen()}`;
  await nodigUit('monique', 'regiomanager', 'Monique de Jong');
  await nodigUit('sanne', 'operations', 'Sanne Bakker');
  const nieuw = await vraag(`${stack.api}/regios`, {
    body: { naam: regio, gemeenten: ['Almere', 'Lelystad'], regiomanagers: [persoon.monique] },
    token: t.admin,
  });
  expect(nieuw.status).toBe(201);

  // From now on the API's document names the region, and the municipalities a request for it may give.
  const doc = (await vraag(`${stack.api}/openapi.json`, { token: null })).body;
  const aanvraagSchema = doc.paths['/cases'].post.requestBody.content['application/json'].schema;
  expect(aanvraagSchema.properties.regio.enum).toContain(regio);
  expect(aanvraagSchema.allOf).toContainEqual({
    if: { properties: { regio: { const: regio } }, required: ['regio'] },
    then: { properties: { gemeente: { enum: ['Almere', 'Lelystad'] } } },
  });
  // And text fields say in their pattern that a NUL character is not text.
  const patroon = new RegExp(aanvraagSchema.properties.vraag.pattern, 'u');
  expect([patroon.test('Wat is er nodig?'), patroon.test('Wat\u0000'), patroon.test('   ')]).toEqual([
    true,
    false,
    false,
  ]);

  // The regiomanager keeps her region's pool: she invites the coordinators and sets their profiles.
  const profielen = {
    anna: {
      naam: 'Anna Amrani',
      profiel: { talen: ['Nederlands', 'Arabisch'], geslacht: 'vrouw', achtergronden: ['Marokkaans'] },
    },
    bram: { naam: 'Bram Jansen', profiel: { talen: ['Nederlands'], geslacht: 'man' } },
    carla: {
      naam: 'Carla Yılmaz',
      profiel: {
        talen: ['Nederlands', 'Arabisch'],
        geslacht: 'vrouw',
        afwezig: { van: '2020-01-01', tot: '2099-12-31' },
      },
    },
  };
  for (const [wie, { naam, profiel }] of Object.entries(profielen)) {
    await nodigUit(wie, 'coordinator', naam, 'monique');
    const gezet = await vraag(`${stack.api}/coordinatoren/${persoon[wie]}`, {
      method: 'PUT',
      body: { regios: [regio], maxZaken: 3, ...profiel },
      token: t.monique,
    });
    expect({ wie, status: gezet.status }).toEqual({ wie, status: 200 });
  }
  const pool = (await vraag(`${stack.api}/coordinatoren`, { token: t.monique })).body.coordinatoren;
  expect(pool.map((c: { naam: string }) => c.naam).sort()).toEqual(['Anna Amrani', 'Bram Jansen', 'Carla Yılmaz']);

  // A request wishing for an Arabic-speaking woman: Anna first; Carla is away.
  const aanvraag = geldigeAanvraag({ regio, gemeente: 'Almere', wensen: { taal: 'Arabisch', geslacht: 'vrouw' } });
  const { status, body } = await vraag(`${stack.api}/cases`, { body: aanvraag, token: t.sanne });
  expect(status).toBe(201);
  const zaakId = body.id as string;
  await liveZaak(stack.api, zaakId, t.sanne);
  const kandidaten = (await vraag(`${stack.api}/cases/${zaakId}/kandidaten`, { token: t.monique })).body;
  expect(kandidaten.passend.map((k: { naam: string }) => k.naam)).toEqual(['Anna Amrani', 'Bram Jansen']);
  // (Coordinators of other regions are left out too, for that reason.)
  expect(kandidaten.uitgesloten).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ naam: 'Carla Yılmaz', reden: expect.objectContaining({ code: 'niet-beschikbaar' }) }),
    ]),
  );

  await opdrachtViaApi(stack.api, zaakId, 'coordinator-kiezen', { coordinatorId: persoon.anna }, t.monique!);
  await binnen(30_000, async () =>
    (await vraag(`${stack.api}/cases/${zaakId}`, { token: t.anna })).status === 200 ? true : undefined,
  );
  await opdrachtViaApi(stack.api, zaakId, 'opdracht-beantwoorden', { aanvaard: true }, t.anna!);
  const { fase } = await opdrachtViaApi(stack.api, zaakId, 'contact-vastleggen', {}, t.anna!);
  expect(fase).toBe('voorbereiding');

  // Every change to the setup is in the audit trail (who, what; no names of relations).
  const acties = (await db.prisma.auditEvent.findMany({ where: { zaakId: null } })).map((a) => a.actie);
  for (const actie of ['account.uitgenodigd', 'regio.aangemaakt', 'regio.regiomanagers', 'coordinator.aangemaakt']) {
    expect(acties).toContain(actie);
  }
});

test('refused, naming the problem, and nothing half-created', async () => {
  const regio = `Utrecht ${eigen()}`;
  const rm = await nodigUit('jeroen', 'regiomanager', 'Jeroen Visser');
  await vraag(`${stack.api}/regios`, {
    body: { naam: regio, gemeenten: ['Zeist'], regiomanagers: [persoon.jeroen] },
    token: t.admin,
  });
  await nodigUit('ops', 'operations', 'Olga Operations');
  const namen = async () =>
    (await vraag(`${stack.api}/accounts`, { token: t.admin })).body.accounts.map((a: { naam: string }) => a.naam);

  const aanvraag = async (velden: Record<string, unknown>) =>
    vraag(`${stack.api}/cases`, { body: geldigeAanvraag({ regio, ...velden }), token: t.ops });
  const onbekend = await aanvraag({ regio: 'Atlantis' });
  expect(onbekend.status).toBe(422);
  expect(onbekend.body.fouten[0]).toMatchObject({ veld: 'regio', melding: expect.stringContaining(regio) });
  const gemeente = await aanvraag({ gemeente: 'Almere' });
  expect(gemeente.status).toBe(422);
  expect(gemeente.body.fouten[0]).toMatchObject({ veld: 'gemeente', melding: expect.stringContaining('Zeist') });

  const dubbel = await vraag(`${stack.api}/accounts`, {
    body: { naam: 'Jeroen Visser', email: rm.toUpperCase(), rol: 'regiomanager' },
    token: t.admin,
  });
  expect(dubbel.status).toBe(409);
  // A regiomanager invites coordinators only.
  const x = `x.${eigen()}@example.org`;
  const zelf = await vraag(`${stack.api}/accounts`, { body: { naam: 'X', email: x, rol: 'admin' }, token: t.jeroen });
  expect(zelf.status).toBe(403);
  const alle = await namen();
  expect(alle).not.toContain(x);
  expect(alle.filter((n: string) => n === rm)).toHaveLength(1);

  await nodigUit('dirk', 'coordinator', 'Dirk de Vries', 'jeroen');
  const zonderRegio = await vraag(`${stack.api}/coordinatoren/${persoon.dirk}`, {
    method: 'PUT',
    body: { regios: [] },
    token: t.jeroen,
  });
  expect([zonderRegio.status, zonderRegio.body.fouten[0].veld]).toEqual([422, 'regios']);
  const andereRegio = await vraag(`${stack.api}/coordinatoren/${persoon.dirk}`, {
    method: 'PUT',
    body: { regios: ['Atlantis'] },
    token: t.jeroen,
  });
  expect([andereRegio.status, andereRegio.body.fouten[0].veld]).toEqual([422, 'regios']);
  // Only a person with a coordinator account joins the pool.
  const geenCoordinator = await vraag(`${stack.api}/coordinatoren/${persoon.ops}`, {
    method: 'PUT',
    body: { regios: [regio] },
    token: t.jeroen,
  });
  expect(geenCoordinator.status).toBe(404);
  // A coordinator someone else invited is not hers to bring into her pool.
  await nodigUit('erik', 'coordinator', 'Erik Elders');
  const nietDeHare = await vraag(`${stack.api}/coordinatoren/${persoon.erik}`, {
    method: 'PUT',
    body: { regios: [regio] },
    token: t.jeroen,
  });
  expect(nietDeHare.status).toBe(409);
  expect((await vraag(`${stack.api}/coordinatoren`, { token: t.jeroen })).body.coordinatoren).toEqual([]);

  // A region with an open case is not retired, nor left without a regiomanager.
  expect((await aanvraag({})).status).toBe(201);
  const opheffen = await vraag(`${stack.api}/regios/${encodeURIComponent(regio)}`, {
    method: 'DELETE',
    token: t.admin,
  });
  expect(opheffen.status).toBe(409);
  const leeg = await vraag(`${stack.api}/regios/${encodeURIComponent(regio)}/regiomanagers`, {
    method: 'PUT',
    body: { regiomanagers: [] },
    token: t.admin,
  });
  expect(leeg.status).toBe(422);
  const laatste = await db.prisma.gebruiker.findFirstOrThrow({ where: { naam: rm } });
  expect((await vraag(`${stack.api}/accounts/${laatste.id}`, { method: 'DELETE', token: t.admin })).status).toBe(409);
});

test('a region that changes hands: from that moment the new regiomanager reads and acts, the old one neither', async () => {
  const regio = `Gooi ${eigen()}`;
  await nodigUit('oud', 'regiomanager', 'Olga Oud');
  await nodigUit('nieuw', 'regiomanager', 'Nina Nieuw');
  await nodigUit('ops2', 'operations', 'Otto Operations');
  await vraag(`${stack.api}/regios`, { body: { naam: regio, regiomanagers: [persoon.oud] }, token: t.admin });
  const { body } = await vraag(`${stack.api}/cases`, { body: geldigeAanvraag({ regio }), token: t.ops2 });
  const zaakId = body.id as string;
  await liveZaak(stack.api, zaakId, t.ops2);
  expect((await vraag(`${stack.api}/cases/${zaakId}`, { token: t.oud })).status).toBe(200);

  const over = await vraag(`${stack.api}/regios/${encodeURIComponent(regio)}/regiomanagers`, {
    method: 'PUT',
    body: { regiomanagers: [persoon.nieuw] },
    token: t.admin,
  });
  expect(over.status).toBe(200);
  expect((await vraag(`${stack.api}/cases/${zaakId}`, { token: t.oud })).status).toBe(404);
  const oudeOpdracht = await vraag(`${stack.api}/cases/${zaakId}/coordinator-kiezen`, {
    body: { coordinatorId: crypto.randomUUID() },
    token: t.oud,
  });
  expect(oudeOpdracht.status).toBe(404);
  expect((await vraag(`${stack.api}/cases/${zaakId}`, { token: t.nieuw })).status).toBe(200);
  // Her first command is hers to give (refused only for what it asks: this person is no candidate).
  const nieuweOpdracht = await vraag(`${stack.api}/cases/${zaakId}/coordinator-kiezen`, {
    body: { coordinatorId: crypto.randomUUID() },
    token: t.nieuw,
  });
  expect([nieuweOpdracht.status, nieuweOpdracht.body.code]).toEqual([409, 'geen-kandidaat']);
  const tijdlijn = (await vraag(`${stack.api}/cases/${zaakId}/tijdlijn`, { token: t.nieuw })).body.gebeurtenissen;
  expect(tijdlijn).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ soort: 'regiomanagers', details: { persoonIds: [persoon.nieuw] } }),
    ]),
  );
});

test('a request for a region nobody manages is on the not-assigned list, and operations and the administrator hear of it at once', async () => {
  const regio = `Zeeland ${eigen()}`;
  await nodigUit('ops3', 'operations', 'Oscar Operations');
  await vraag(`${stack.api}/regios`, { body: { naam: regio }, token: t.admin });
  const { status, body } = await vraag(`${stack.api}/cases`, { body: geldigeAanvraag({ regio }), token: t.ops3 });
  expect(status).toBe(201);
  const lijst = await binnen(30_000, async () => {
    const { body: l } = await vraag(`${stack.api}/niet-toegewezen`, { token: t.admin });
    return l.zaken.some((z: { id: string }) => z.id === body.id) ? l : undefined;
  });
  expect(lijst.zaken.find((z: { id: string }) => z.id === body.id)).toMatchObject({ regio });
  const gemeld = await binnen(30_000, async () => {
    const rijen = await db.prisma.melding.findMany({
      where: { zaakId: body.id, soort: 'aanvraag.zonder-regiomanager' },
    });
    return rijen.some((r) => r.ontvangerId === persoon.ops3) ? rijen : undefined;
  });
  expect(gemeld.map((r) => r.ontvangerId)).toContain(persoon.admin);
});
