// A person's rights under the AVG, as the regiomanager uses them: she finds a person of her
// region's cases, hands over everything kring holds about them (JSON, or a Dutch page to
// print) with nobody else's name or contact details in it, and erases them where the law
// allows: refused, with the reason, while a case is open or held; afterwards their name,
// address, number and words are nowhere in the database, and everyone else's rows are as
// they were. Every step is audited with ids only. No process is needed: the case records are
// written here as the process would have left them, and Temporal is out of reach.
import crypto from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { Browser } from 'puppeteer-core';
import { startApi, type RunningApi } from '../api/server';
import { tokenHash } from '../api/toegang';
import type { Database } from '../prisma/database';
import { pseudoniem } from '../prisma/anonimisering';
import { aanmeldlinkMaken, aanmelden, COOKIE } from '../schermen/sessies';
import { zaakprocesVia } from '../zaakproces';
import { termijnenVoor } from '../workflows/termijnen';
import { metBrowser, startChromium, toegankelijk } from './support/chromium';
import { alleRijen, freePort, testDatabase } from './support/omgeving';
import { vraag } from './support/stack';
import { tokenVoor } from './support/toegang';

const E = crypto.randomUUID().slice(0, 8);
/** A number of this test's own, as kring stores it (+E.164). */
const nummer = () => `+316${String(crypto.randomInt(10_000_000, 99_999_999))}`;

let db: Database;
let api: RunningApi;
let client: Client;

interface Mens {
  id: string;
  naam: string;
  email: string;
  telefoon: string;
}
const mensen: Record<string, Mens> = {};
const t: Record<string, string> = {};
const account: Record<string, string> = {};
const regio = { a: `Regio A ${E}`, c: `Regio C ${E}`, d: `Regio D ${E}` };
let zaak1: string;
let zaak2: string;
let zaak3: string;

async function mens(sleutel: string, naam: string, extra: { organisatie?: string } = {}): Promise<Mens> {
  const m = {
    naam,
    email: `${naam.toLowerCase().replace(/\W+/g, '.')}@example.org`,
    telefoon: nummer(),
  };
  const { id } = await db.prisma.persoon.create({ data: { ...m, ...extra } });
  const gemaakt = { id, ...m };
  mensen[sleutel] = gemaakt;
  return gemaakt;
}

async function zaak(regioNaam: string, deelnemers: Array<[Mens, string, string?]>, fase = 'voorbereiding') {
  const coordinator = deelnemers.find(([, rol]) => rol === 'coordinator')?.[0].id;
  const { id } = await db.prisma.zaak.create({
    data: {
      regio: regioNaam,
      fase: fase as 'voorbereiding',
      workflowId: `persoonsrechten-${crypto.randomUUID()}`,
      coordinatorId: coordinator,
      ...(fase === 'afgesloten' && { afgeslotenOp: new Date(), afsluiting: 'afgerond' as const }),
      deelnemers: {
        create: deelnemers.map(([m, rol, relatie]) => ({ persoonId: m.id, rol: rol as 'netwerk', relatie })),
      },
    },
  });
  return id;
}

/** A message kring sent, as the notifications leave it in the outbox. */
async function bericht(zaakId: string, aan: Mens, rol: string, soort: string, onderwerp: string, inhoud: string) {
  await db.prisma.melding.create({
    data: {
      zaakId,
      soort,
      ontvangerId: aan.id,
      rol,
      sleutel: `persoonsrechten-${crypto.randomUUID()}`,
      berichten: {
        create: { zaakId, kanaal: 'email', adres: aan.email, taal: 'nl', onderwerp, inhoud, status: 'afgeleverd' },
      },
    },
  });
}

async function accountVan(sleutel: string, rol: 'regiomanager' | 'operations', persoonId?: string) {
  t[sleutel] = await tokenVoor(db.prisma, rol, persoonId);
  account[sleutel] = (await db.prisma.token.findUniqueOrThrow({ where: { hash: tokenHash(t[sleutel]) } })).gebruikerId;
}

beforeAll(async () => {
  db = await testDatabase();
  const p = db.prisma;
  for (const [sleutel, naam] of [
    ['rmA', `Monique Aregio${E}`],
    ['rmC', `Carla Cregio${E}`],
    ['rmD', `Dirk Dregio${E}`],
  ] as const) {
    const m = await mens(sleutel, naam);
    await p.regio.create({
      data: { naam: regio[sleutel.slice(2).toLowerCase() as 'a'], regiomanagers: { create: { persoonId: m.id } } },
    });
    await accountVan(sleutel, 'regiomanager', m.id);
  }
  await accountVan('operations', 'operations');
  const fatima = await mens('fatima', `Fatima Tante${E}`);
  const samira = await mens('samira', `Samira Hoofd${E}`);
  const petra = await mens('petra', `Petra Voogd${E}`, { organisatie: 'Jeugdbescherming' });
  const anna = await mens('anna', `Anna Coord${E}`);
  const karim = await mens('karim', `Karim Elders${E}`);
  const oom = await mens('oom', `Omar Oom${E}`);
  await p.coordinator.create({
    data: { persoonId: anna.id, regios: [regio.a], talen: ['Nederlands'], achtergronden: [] },
  });

  // Fatima is in the circle of Samira's case (open, in region A) and of Karim's (closed, region C).
  zaak1 = await zaak(regio.a, [
    [samira, 'hoofdpersoon'],
    [fatima, 'netwerk', 'tante van moederskant'],
    [petra, 'professional'],
    [anna, 'coordinator'],
    [mensen.rmA!, 'regiomanager'],
  ]);
  zaak2 = await zaak(
    regio.c,
    [
      [karim, 'hoofdpersoon'],
      [fatima, 'netwerk', 'buurvrouw'],
    ],
    'afgesloten',
  );
  // Omar only took part in a closed case of region A: the screens erase him.
  zaak3 = await zaak(
    regio.a,
    [
      [karim, 'hoofdpersoon'],
      [oom, 'netwerk'],
    ],
    'afgesloten',
  );

  // What kring sent her: an invitation that names the main person and the coordinator with her number.
  await bericht(
    zaak1,
    fatima,
    'netwerk',
    'uitnodiging',
    'Uitnodiging voor de Eigen Kracht-conferentie voor Samira',
    `U bent uitgenodigd voor de Eigen Kracht-conferentie voor Samira.\n\nCoördinator ${anna.naam} neemt contact met u op.\n\nVragen? Neem contact op met coördinator ${anna.naam}: ${anna.telefoon}, of mail ${anna.email}.`,
  );
  // What she said through her link, naming others.
  await p.tekst.create({
    data: {
      zaakId: zaak1,
      soort: 'notitie',
      doorId: fatima.id,
      status: 'vastgelegd',
      inhoud: `Mijn eigen woorden ${E}: ik kom, en neem ${samira.naam} mee. Bel ${petra.naam} gerust op ${petra.telefoon}.`,
    },
  });
  await p.tevredenheid.create({
    data: { zaakId: zaak2, persoonId: fatima.id, groep: 'netwerk', score: 4, opmerking: `Een fijne dag ${E}` },
  });
  await p.link.create({
    data: { zaakId: zaak1, persoonId: fatima.id, doel: 'aanwezigheid', verlooptOp: new Date(Date.now() + 86_400_000) },
  });
  await p.smsAfmelding.create({ data: { nummer: fatima.telefoon } });
  // Others' rows that name her: kring's message to the coordinator, and the family's plan.
  await bericht(
    zaak1,
    anna,
    'coordinator',
    'aanwezigheid.doorgegeven',
    'Antwoord op de uitnodiging',
    `${fatima.naam} komt.`,
  );
  await p.plan.create({
    data: {
      zaakId: zaak1,
      versie: 1,
      status: 'geaccepteerd',
      acties: { create: { nummer: 1, wat: `${fatima.naam} haalt de kinderen op woensdag op`, wie: fatima.naam } },
    },
  });
  // Others' own rows, which must stay as they are.
  await bericht(zaak1, samira, 'hoofdpersoon', 'uitnodiging', 'Uw conferentie', `Beste ${samira.naam}, welkom.`);
  await p.tekst.create({
    data: { zaakId: zaak1, soort: 'notitie', doorId: petra.id, status: 'vastgelegd', inhoud: `Petra's notitie ${E}` },
  });

  client = new Client({ connection: Connection.lazy({ address: `127.0.0.1:${await freePort()}` }) });
  api = await startApi(
    {
      prisma: db.prisma,
      proces: zaakprocesVia(client, { taskQueue: 'niemand', termijnenVoor }),
      databaseBereikbaar: () => db.ping(),
    },
    { host: '127.0.0.1', port: 0 },
  );
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await client?.connection.close();
  await db?.close();
});

const zoek = async (wie: string, term: string) => {
  const a = await vraag(`${api.url}/persons?zoek=${encodeURIComponent(term)}`, { token: t[wie] });
  expect(a.status).toBe(200);
  return (a.body.personen as Array<{ id: string }>).map((p) => p.id);
};

const laatsteNegen = (telefoon: string) => telefoon.slice(-9);

/** What identifies this person: name, address, number (also as digits only), and their first name. */
function kenmerken(m: Mens, voornaam = true): string[] {
  return [m.naam, m.email, m.telefoon, laatsteNegen(m.telefoon), ...(voornaam ? [m.naam.split(' ')[0]!] : [])];
}

test('the regiomanager finds a person of her cases by name, email or id; another region does not', async () => {
  const { fatima } = mensen;
  expect(await zoek('rmA', `tante${E}`)).toEqual([fatima!.id]);
  expect(await zoek('rmA', fatima!.email.toUpperCase().slice(0, 15))).toContain(fatima!.id);
  expect(await zoek('rmA', fatima!.id)).toEqual([fatima!.id]);
  expect(await zoek('rmA', pseudoniem(fatima!.id))).toEqual([fatima!.id]);
  // Region C has a case of hers; region D none: nobody there.
  expect(await zoek('rmC', `tante${E}`)).toEqual([fatima!.id]);
  expect(await zoek('rmD', `tante${E}`)).toEqual([]);
  expect(await zoek('rmD', fatima!.id)).toEqual([]);
  // A short list: who, in which roles, in how many of her cases.
  const { body } = await vraag(`${api.url}/persons?zoek=${E}`, { token: t.rmA });
  expect(body.personen).toContainEqual({
    id: fatima!.id,
    naam: fatima!.naam,
    gewist: false,
    rollen: ['netwerk'],
    zaken: 1,
  });
  expect(body.personen.map((p: { id: string }) => p.id)).not.toContain(mensen.rmD!.id);

  expect((await vraag(`${api.url}/persons`, { token: t.rmA })).status).toBe(422);
  expect((await vraag(`${api.url}/persons?zoek=x&ander=1`, { token: t.rmA })).status).toBe(422);
  expect((await vraag(`${api.url}/persons?zoek=Fatima`, { token: t.operations })).status).toBe(403);
});

test("the export holds the person's rows from every table of her region's cases, and nobody else's name, address or number", async () => {
  const { fatima, samira, petra, anna, karim, rmA } = mensen as Record<string, Mens>;
  // Someone read her case: the export says so, by role.
  expect((await vraag(`${api.url}/cases/${zaak1}/kring`, { token: t.rmA })).status).toBe(200);

  const a = await vraag(`${api.url}/persons/${fatima.id}/gegevens`, { token: t.rmA });
  expect(a.status).toBe(200);
  const d = a.body;
  expect(d.persoon).toMatchObject({ id: fatima.id, naam: fatima.naam, email: fatima.email, telefoon: fatima.telefoon });
  expect(d.deelnames).toEqual([
    expect.objectContaining({
      zaakId: zaak1,
      regio: regio.a,
      fase: 'voorbereiding',
      rol: 'netwerk',
      relatie: 'tante van moederskant',
    }),
  ]);
  // Karim's case is region C's: only its reference, dates and counts, and who hands it over.
  expect(d.zakenBuitenBereik).toEqual({
    aantal: 1,
    toelichting: 'Deze persoon neemt ook deel aan 1 zaak buiten uw regio; de regiomanager daar verstrekt die gegevens.',
    zaken: [
      {
        ref: zaak2.slice(0, 8).toUpperCase(),
        aangevraagdOp: expect.any(String),
        afgeslotenOp: expect.any(String),
        aantallen: expect.objectContaining({ deelnames: 1, tevredenheden: 1, berichten: 0, teksten: 0 }),
      },
    ],
  });
  expect(d.berichten).toEqual([
    expect.objectContaining({
      zaakId: zaak1,
      soort: 'uitnodiging',
      kanaal: 'email',
      adres: fatima.email,
      status: 'afgeleverd',
    }),
  ]);
  // The message as she got it, with the others in it by role.
  expect(d.berichten[0].onderwerp).toBe('Uitnodiging voor de Eigen Kracht-conferentie voor [de hoofdpersoon]');
  expect(d.berichten[0].inhoud).toContain('Coördinator [de coördinator] neemt contact met u op.');
  expect(d.berichten[0].inhoud).toContain('[telefoonnummer van de coördinator]');
  expect(d.berichten[0].inhoud).toContain('[e-mailadres van de coördinator]');
  expect(d.teksten).toEqual([
    expect.objectContaining({
      zaakId: zaak1,
      soort: 'notitie',
      inhoud: `Mijn eigen woorden ${E}: ik kom, en neem [de hoofdpersoon] mee. Bel [een professional] gerust op [telefoonnummer van een professional].`,
    }),
  ]);
  expect(d.tevredenheden).toEqual([]);
  expect(d.links).toEqual([expect.objectContaining({ zaakId: zaak1, doel: 'aanwezigheid', gebruiktOp: null })]);
  expect(d.smsAfmelding).toMatchObject({ nummer: fatima.telefoon });
  expect(d.accounts).toEqual([]);
  expect(d.coordinator).toBeNull();
  expect(d.inzagen).toContainEqual(
    expect.objectContaining({ zaakId: zaak1, wat: 'kring.ingezien', door: 'de regiomanager', via: 'token' }),
  );

  const tekst = JSON.stringify(d);
  for (const elders of [zaak2, regio.c, 'buurvrouw', `Een fijne dag ${E}`]) expect(tekst).not.toContain(elders);
  for (const ander of [samira, petra, anna, karim, rmA]) {
    for (const k of kenmerken(ander))
      expect({ ander: ander.naam, k, gevonden: tekst.includes(k) }).toMatchObject({ gevonden: false });
  }
  const rmAccount = await db.prisma.gebruiker.findUniqueOrThrow({ where: { id: account.rmA } });
  expect(tekst).not.toContain(rmAccount.naam);
  // No key of a link, token or session, and nothing that could lead to one.
  expect(tekst).not.toMatch(/"(hash|sleutel|formulierSleutel|providerId|onderwerpId)"/);

  // The same as a page to read and print, in Dutch.
  const pagina = await fetch(`${api.url}/persons/${fatima.id}/gegevens`, {
    headers: { authorization: `Bearer ${t.rmA}`, accept: 'text/html' },
  });
  expect(pagina.status).toBe(200);
  expect(pagina.headers.get('content-type')).toContain('text/html');
  const html = await pagina.text();
  expect(html).toContain('<html lang="nl"');
  expect(html).toContain(`Gegevens van ${fatima.naam}`);
  for (const kop of [
    'Zaken van uw regio waarin deze persoon meedoet',
    'Zaken buiten uw regio',
    'Berichten die kring stuurde',
    'Hoe deze persoon de conferentie vond',
    'Wie de zaken van deze persoon inzag',
  ]) {
    expect(html).toContain(kop);
  }
  expect(html).toContain(`Mijn eigen woorden ${E}`);
  expect(html).toContain('Deze persoon neemt ook deel aan 1 zaak buiten uw regio');
  for (const elders of [zaak2, regio.c, 'buurvrouw', `Een fijne dag ${E}`]) expect(html).not.toContain(elders);

  // Region C's regiomanager hands over what her case holds, and not region A's.
  const c = (await vraag(`${api.url}/persons/${fatima.id}/gegevens`, { token: t.rmC })).body;
  expect(c.deelnames).toEqual([expect.objectContaining({ zaakId: zaak2, regio: regio.c, relatie: 'buurvrouw' })]);
  expect(c.tevredenheden).toEqual([expect.objectContaining({ zaakId: zaak2, opmerking: `Een fijne dag ${E}` })]);
  expect(c.zakenBuitenBereik).toMatchObject({ aantal: 1, zaken: [{ ref: zaak1.slice(0, 8).toUpperCase() }] });
  for (const elders of [zaak1, regio.a, 'tante van moederskant', `Mijn eigen woorden ${E}`]) {
    expect(JSON.stringify(c)).not.toContain(elders);
  }
  for (const ander of [samira, petra, anna]) for (const k of kenmerken(ander)) expect(html).not.toContain(k);

  // Another region's regiomanager, and anyone else, cannot have it.
  for (const pad of ['gegevens', 'inzage']) {
    expect((await vraag(`${api.url}/persons/${fatima.id}/${pad}`, { token: t.rmD })).status).toBe(404);
  }
  expect((await vraag(`${api.url}/persons/${fatima.id}/wissen`, { method: 'POST', token: t.rmD })).status).toBe(404);
  expect((await vraag(`${api.url}/persons/niet-een-id/gegevens`, { token: t.rmA })).status).toBe(404);
  expect((await vraag(`${api.url}/persons/${fatima.id}/gegevens`, { token: t.operations })).status).toBe(403);
});

test('erasure is refused while a case is open or held, naming it; then it takes her everywhere and leaves the others', async () => {
  const { fatima, samira, petra, anna } = mensen as Record<string, Mens>;
  const wis = () => vraag(`${api.url}/persons/${fatima.id}/wissen`, { method: 'POST', token: t.rmA });

  const open = await wis();
  expect(open.status).toBe(409);
  expect(open.headers.get('content-type')).toContain('application/problem+json');
  expect(open.body.bezwaren).toEqual([{ code: 'zaak-open', zaakIds: [zaak1] }]);
  expect(open.body.detail).toBe(
    `Deze persoon kan nu niet worden gewist: zaak ${zaak1.slice(0, 8).toUpperCase()} loopt nog.`,
  );

  await db.prisma.zaak.update({ where: { id: zaak1 }, data: { fase: 'afgesloten', afgeslotenOp: new Date() } });
  await db.prisma.zaak.update({ where: { id: zaak2 }, data: { bewarenSinds: new Date(), bewarenReden: 'Rechtszaak' } });
  const bewaard = await wis();
  expect(bewaard.status).toBe(409);
  expect(bewaard.body.bezwaren).toEqual([{ code: 'bewaarplicht', zaakIds: [zaak2] }]);
  expect(bewaard.body.detail).toContain(`op zaak ${zaak2.slice(0, 8).toUpperCase()} rust een bewaarplicht`);
  const engels = await vraag(`${api.url}/persons/${fatima.id}/wissen`, {
    method: 'POST',
    token: t.rmA,
    headers: { 'accept-language': 'en' },
  });
  expect(engels.body.detail).toContain('is under a legal hold');
  // Refused, nothing changed.
  expect((await db.prisma.persoon.findUniqueOrThrow({ where: { id: fatima.id } })).naam).toBe(fatima.naam);

  await db.prisma.zaak.update({ where: { id: zaak2 }, data: { bewarenSinds: null, bewarenReden: null } });
  const gewist = await wis();
  expect(gewist.status).toBe(200);
  expect(gewist.body).toMatchObject({
    persoonId: fatima.id,
    naam: pseudoniem(fatima.id),
    alGewist: false,
    gewist: { berichten: 1, teksten: 1, tevredenheden: 1, linksIngetrokken: 1 },
  });
  expect(gewist.body.zaakIds.sort()).toEqual([zaak1, zaak2].sort());

  // Her name, address, number and words are nowhere in the database.
  const rijen = await alleRijen(db.prisma);
  for (const k of [...kenmerken(fatima, false), `Mijn eigen woorden ${E}`, `Een fijne dag ${E}`]) {
    expect({ k, rijen: rijen.filter((r) => r.includes(k)) }).toEqual({ k, rijen: [] });
  }
  // In others' words her name became her pseudonym; the words stay.
  const actie = await db.prisma.planActie.findFirstOrThrow({ where: { plan: { zaakId: zaak1 } } });
  expect(actie).toMatchObject({
    wie: pseudoniem(fatima.id),
    wat: `${pseudoniem(fatima.id)} haalt de kinderen op woensdag op`,
  });
  // The others are as they were.
  for (const ander of [samira, petra, anna]) {
    expect(await db.prisma.persoon.findUniqueOrThrow({ where: { id: ander.id } })).toMatchObject({
      naam: ander.naam,
      email: ander.email,
      telefoon: ander.telefoon,
      gewistOp: null,
    });
  }
  expect(rijen.some((r) => r.includes(`Petra's notitie ${E}`))).toBe(true);
  expect(rijen.some((r) => r.includes(`Beste ${samira.naam}, welkom.`))).toBe(true);
  expect((await db.prisma.deelnemer.findMany({ where: { zaakId: zaak1 } })).length).toBe(5);

  // A second time changes nothing and says so.
  const nogmaals = await wis();
  expect(nogmaals.status).toBe(200);
  expect(nogmaals.body).toMatchObject({ alGewist: true, gewistOp: gewist.body.gewistOp, gewist: {} });
  const na = await vraag(`${api.url}/persons/${fatima.id}/gegevens`, { token: t.rmA });
  expect(na.body.persoon).toMatchObject({
    naam: pseudoniem(fatima.id),
    email: null,
    telefoon: null,
    gewistOp: gewist.body.gewistOp,
  });
  expect(na.body.smsAfmelding).toBeNull();
});

test('staff: the export holds her account and what it did, never a key; erasure is refused while she works for kring', async () => {
  const { rmA } = mensen as Record<string, Mens>;
  const { status, body } = await vraag(`${api.url}/persons/${rmA.id}/gegevens`, { token: t.rmA });
  expect(status).toBe(200);
  const rmAccount = await db.prisma.gebruiker.findUniqueOrThrow({ where: { id: account.rmA } });
  expect(body.accounts).toEqual([
    expect.objectContaining({
      naam: rmAccount.naam,
      rol: 'regiomanager',
      tokens: [expect.objectContaining({ ingetrokkenOp: null })],
    }),
  ]);
  expect(body.regiomanagerVan).toEqual([regio.a]);
  expect(body.eigenHandelingen).toContainEqual(expect.objectContaining({ wat: 'persoon.gewist', aantal: 2 }));
  const tokenRij = await db.prisma.token.findUniqueOrThrow({ where: { hash: tokenHash(t.rmA!) } });
  expect(JSON.stringify(body)).not.toContain(tokenRij.hash);
  expect(JSON.stringify(body)).not.toContain(t.rmA);

  const wis = await vraag(`${api.url}/persons/${rmA.id}/wissen`, { method: 'POST', token: t.rmA });
  expect(wis.status).toBe(409);
  expect(wis.body.bezwaren).toEqual([{ code: 'medewerker', zaakIds: [] }]);
  expect(wis.body.detail).toContain('medewerker van kring');
});

test('every search, export and erasure is audited with ids only', async () => {
  const { fatima } = mensen as Record<string, Mens>;
  const events = await db.prisma.auditEvent.findMany({
    where: { actor: { in: [account.rmA!, account.rmC!, account.rmD!] } },
    orderBy: { id: 'asc' },
  });
  const acties = events.map((e) => e.actie);
  for (const actie of [
    'personen.gezocht',
    'persoon.gegevens-opgevraagd',
    'persoon.wissen-geweigerd',
    'persoon.gewist',
  ]) {
    expect(acties).toContain(actie);
  }
  const gezocht = events.filter((e) => e.actie === 'personen.gezocht');
  expect(gezocht.length).toBe(8);
  expect(gezocht[0]!.details).toEqual({ soort: ['naam', 'email'], personen: [fatima.id], aantal: 1 });
  expect(events.filter((e) => e.actie === 'persoon.gegevens-opgevraagd').map((e) => e.details)).toContainEqual({
    persoonId: fatima.id,
    zaakIds: [zaak1],
    formaat: 'html',
  });
  const over = (persoonId: string) => (details: unknown) => (details as { persoonId?: string }).persoonId === persoonId;
  expect(
    events
      .filter((e) => e.actie === 'persoon.wissen-geweigerd')
      .map((e) => e.details)
      .filter(over(fatima.id)),
  ).toEqual([
    { persoonId: fatima.id, bezwaren: ['zaak-open'], zaakIds: [zaak1] },
    { persoonId: fatima.id, bezwaren: ['bewaarplicht'], zaakIds: [zaak2] },
    { persoonId: fatima.id, bezwaren: ['bewaarplicht'], zaakIds: [zaak2] },
  ]);
  expect(events.filter((e) => e.actie === 'persoon.gewist').map((e) => [e.zaakId, e.details])).toEqual([
    [zaak1, { persoonId: fatima.id, zaakIds: expect.arrayContaining([zaak1, zaak2]) }],
    [zaak1, { persoonId: fatima.id, zaakIds: expect.arrayContaining([zaak1, zaak2]), alGewist: true }],
  ]);
  // Nothing in them of a name, an address, a number or a search term.
  const alles = JSON.stringify(events.map((e) => e.details));
  for (const k of [...kenmerken(fatima), `tante${E}`, 'Fatima', E]) expect(alles).not.toContain(k);
});

test("a professional in cases of two regions: each regiomanager hands over her own region's case, and of the other only a reference, dates and counts", async () => {
  const p = db.prisma;
  const regioB = `Regio B ${E}`;
  const rmB = await mens('rmB', `Bert Bregio${E}`);
  await p.regio.create({ data: { naam: regioB, regiomanagers: { create: { persoonId: rmB.id } } } });
  await accountVan('rmB', 'regiomanager', rmB.id);
  const bram = await mens('bram', `Bram Wijkteam${E}`, { organisatie: 'Wijkteam' });
  const lotte = await mens('lotte', `Lotte Akind${E}`);
  const noor = await mens('noor', `Noor Bkind${E}`);
  const zaakA = await zaak(regio.a, [
    [lotte, 'hoofdpersoon'],
    [bram, 'professional', `Relatie-A-${E}`],
    [mensen.rmA!, 'regiomanager'],
  ]);
  const zaakB = await zaak(regioB, [
    [noor, 'hoofdpersoon'],
    [bram, 'professional', `Relatie-B-${E}`],
    [rmB, 'regiomanager'],
  ]);
  /** What Bram wrote, got and did in a case: every kind of case content, each marked with its region. */
  const inhoud = (x: 'A' | 'B') => [
    `Notitie-${x}-${E}`,
    `Onderwerp-${x}-${E}`,
    `Bericht-${x}-${E}`,
    `Zorgen-${x}-${E}`,
    `Voorwaarde-${x}-${E}`,
    `Reden-${x}-${E}`,
    `Hulpvraag-${x}-${E}`,
    `Opmerking-${x}-${E}`,
    `Relatie-${x}-${E}`,
  ];
  for (const [zaakId, x] of [
    [zaakA, 'A'],
    [zaakB, 'B'],
  ] as const) {
    await p.tekst.create({
      data: { zaakId, soort: 'notitie', doorId: bram.id, status: 'vastgelegd', inhoud: `Notitie-${x}-${E}` },
    });
    await bericht(
      zaakId,
      bram,
      'professional',
      'uitnodiging',
      `Onderwerp-${x}-${E}`,
      `Bericht-${x}-${E} over het gezin`,
    );
    await p.voorwaardenFormulier.create({
      data: {
        zaakId,
        professionalId: bram.id,
        versie: 1,
        zorgen: `Zorgen-${x}-${E}`,
        voorwaarden: { create: { nummer: 1, tekst: `Voorwaarde-${x}-${E}` } },
      },
    });
    await p.toetsing.create({
      data: {
        zaakId,
        professionalId: bram.id,
        ronde: 1,
        oordelen: { create: { nummer: 1, voldaan: false, reden: `Reden-${x}-${E}` } },
      },
    });
    await p.plan.create({
      data: { zaakId, versie: 1, hulpvragen: { create: { professionalId: bram.id, tekst: `Hulpvraag-${x}-${E}` } } },
    });
    await p.tevredenheid.create({
      data: { zaakId, persoonId: bram.id, groep: 'professional', score: 3, opmerking: `Opmerking-${x}-${E}` },
    });
    await p.afspraak.create({
      data: { zaakId, soort: 'voortgangsgesprek', op: new Date(), aanwezigen: [bram.id], sleutel: crypto.randomUUID() },
    });
    await p.gebeurtenis.create({
      data: { zaakId, soort: 'voorwaarden.ingediend', doorId: bram.id, op: new Date(), sleutel: crypto.randomUUID() },
    });
  }
  // Someone read case B: who read it is region B's to tell.
  expect((await vraag(`${api.url}/cases/${zaakB}/kring`, { token: t.rmB })).status).toBe(200);

  const ref = (zaakId: string) => zaakId.slice(0, 8).toUpperCase();
  const noot = 'Deze persoon neemt ook deel aan 1 zaak buiten uw regio; de regiomanager daar verstrekt die gegevens.';
  for (const [wie, hier, daar, regioHier, regioDaar] of [
    ['rmA', 'A', 'B', regio.a, regioB],
    ['rmB', 'B', 'A', regioB, regio.a],
  ] as const) {
    const [zaakHier, zaakDaar] = hier === 'A' ? [zaakA, zaakB] : [zaakB, zaakA];
    const a = await vraag(`${api.url}/persons/${bram.id}/gegevens`, { token: t[wie] });
    expect(a.status).toBe(200);
    const d = a.body;
    // Bram's own record stays whole.
    expect(d.persoon).toMatchObject({ naam: bram.naam, email: bram.email, organisatie: 'Wijkteam' });
    expect(d.deelnames).toEqual([
      expect.objectContaining({
        zaakId: zaakHier,
        regio: regioHier,
        rol: 'professional',
        relatie: `Relatie-${hier}-${E}`,
      }),
    ]);
    for (const soort of [
      'berichten',
      'teksten',
      'voorwaarden',
      'toetsingen',
      'hulpvragen',
      'tevredenheden',
      'afspraken',
      'handelingen',
    ]) {
      expect({ soort, zaken: d[soort].map((r: { zaakId: string }) => r.zaakId) }).toEqual({ soort, zaken: [zaakHier] });
    }
    expect(d.inzagen.map((l: { zaakId: string }) => l.zaakId)).not.toContain(zaakDaar);
    expect(d.zakenBuitenBereik).toEqual({
      aantal: 1,
      toelichting: noot,
      zaken: [
        {
          ref: ref(zaakDaar),
          aangevraagdOp: expect.any(String),
          afgeslotenOp: null,
          aantallen: {
            deelnames: 1,
            berichten: 1,
            teksten: 1,
            voorwaarden: 1,
            toetsingen: 1,
            hulpvragen: 1,
            beschikbaarheden: 0,
            tevredenheden: 1,
            links: 0,
            afspraken: 1,
            handelingen: 1,
            aangeboden: 0,
            // Region A's exports of him are filed under case A: region B counts them, no more.
            vastgelegd: hier === 'A' ? 0 : 2,
          },
        },
      ],
    });
    const json = JSON.stringify(d);
    for (const k of inhoud(hier)) expect(json).toContain(k);
    for (const k of [...inhoud(daar), regioDaar, zaakDaar]) {
      expect({ wie, k, gevonden: json.includes(k) }).toMatchObject({ gevonden: false });
    }

    const pagina = await fetch(`${api.url}/persons/${bram.id}/gegevens`, {
      headers: { authorization: `Bearer ${t[wie]}`, accept: 'text/html' },
    });
    const html = await pagina.text();
    expect(html).toContain(`Notitie-${hier}-${E}`);
    expect(html).toContain(noot);
    expect(html).toContain(ref(zaakDaar));
    for (const k of [...inhoud(daar), regioDaar, zaakDaar]) {
      expect({ wie, k, gevonden: html.includes(k) }).toMatchObject({ gevonden: false });
    }
  }

  // The person's page: her region's case with its region and phase, of the other only how many
  // (a reference only where it keeps erasure back: erasure takes every case).
  const sessie = (await aanmelden(db.prisma, await aanmeldlinkMaken(db.prisma, account.rmA!)))!;
  const pagina = await fetch(`${api.url}/personen/${bram.id}`, {
    headers: { cookie: `${COOKIE}=${sessie.sessieToken}` },
  });
  expect(pagina.status).toBe(200);
  const html = await pagina.text();
  expect(html).toContain(`href="/zaken/${zaakA}"`);
  expect(html).toContain(regio.a);
  expect(html).toContain(noot);
  for (const k of [regioB, zaakB, '(andere regio)', `Relatie-B-${E}`]) expect(html).not.toContain(k);
  expect(html).not.toContain(`Zaak ${ref(zaakB)}`);
});

describe('the screens', () => {
  let cookie: string;
  let formulier: string;

  beforeAll(async () => {
    const link = await aanmeldlinkMaken(db.prisma, account.rmA!);
    const sessie = (await aanmelden(db.prisma, link))!;
    cookie = `${COOKIE}=${sessie.sessieToken}`;
    formulier = (await db.prisma.sessie.findUniqueOrThrow({ where: { id: sessie.sessieId } })).formulierSleutel;
  });

  const scherm = async (pad: string, body?: Record<string, string>) => {
    const a = await fetch(`${api.url}${pad}`, {
      method: body ? 'POST' : 'GET',
      headers: { cookie, ...(body && { 'content-type': 'application/x-www-form-urlencoded' }) },
      body: body && new URLSearchParams(body).toString(),
      redirect: 'manual',
    });
    return { status: a.status, headers: a.headers, html: await a.text() };
  };

  test('from her start page to a person, their data, and their erasure', async () => {
    const { oom } = mensen as Record<string, Mens>;
    // Signed out, a search comes back to the path only: the term, a name, is not kept with the sign-in link.
    for (const [pad, naar] of [
      [`/personen?zoek=${encodeURIComponent(oom.naam)}`, '/personen'],
      [`/personen/${oom.id}?gedaan=gewist`, `/personen/${oom.id}`],
      ['/?fase=intake', '/?fase=intake'],
    ]) {
      const uit = await fetch(`${api.url}${pad}`, { redirect: 'manual' });
      expect(uit.status).toBe(303);
      expect(uit.headers.get('location')).toBe(`/aanmelden?naar=${encodeURIComponent(naar!)}`);
    }
    expect((await scherm('/')).html).toContain('href="/personen"');
    const gezocht = await scherm(`/personen?zoek=${encodeURIComponent(`oom${E}`)}`);
    expect(gezocht.status).toBe(200);
    expect(gezocht.html).toContain(`href="/personen/${oom.id}"`);
    expect(gezocht.html).toContain('Netwerk · 1 zaak');

    const persoon = await scherm(`/personen/${oom.id}`);
    expect(persoon.status).toBe(200);
    for (const woorden of [
      oom.naam,
      'Gegevens bekijken',
      'Download als JSON',
      'Ik weet dat dit niet terug te draaien is',
      'Gegevens wissen',
    ]) {
      expect(persoon.html).toContain(woorden);
    }
    expect(persoon.html).toContain(`href="/zaken/${zaak3}"`);

    const gegevens = await scherm(`/personen/${oom.id}/gegevens`);
    expect(gegevens.status).toBe(200);
    expect(gegevens.html).toContain(`Gegevens van ${oom.naam}`);
    const json = await scherm(`/personen/${oom.id}/gegevens.json`);
    expect(json.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?kring-gegevens-persoon-[0-9a-f]{8}\.json"?$/,
    );
    expect(JSON.parse(json.html).persoon.naam).toBe(oom.naam);

    // Without the confirmation: said next to the box, and at the top.
    const zonder = await scherm(`/personen/${oom.id}/wissen`, { _formulier: formulier });
    expect(zonder.status).toBe(422);
    expect(zonder.html).toContain('id="veld-bevestigd-fout"');
    expect(zonder.html).toContain('Vink aan dat u weet dat wissen niet terug te draaien is.');
    // Without the session's form key: refused.
    expect((await scherm(`/personen/${oom.id}/wissen`, { bevestigd: 'true' })).status).toBe(403);

    // Held: the reason stands next to the form.
    await db.prisma.zaak.update({
      where: { id: zaak3 },
      data: { bewarenSinds: new Date(), bewarenReden: 'Onderzoek' },
    });
    const geweigerd = await scherm(`/personen/${oom.id}/wissen`, { _formulier: formulier, bevestigd: 'true' });
    expect(geweigerd.status).toBe(409);
    expect(geweigerd.html).toContain('Het wissen is geweigerd');
    expect(geweigerd.html).toContain(`op zaak ${zaak3.slice(0, 8).toUpperCase()} rust een bewaarplicht`);
    await db.prisma.zaak.update({ where: { id: zaak3 }, data: { bewarenSinds: null, bewarenReden: null } });

    const gedaan = await scherm(`/personen/${oom.id}/wissen`, { _formulier: formulier, bevestigd: 'true' });
    expect(gedaan.status).toBe(303);
    expect(gedaan.headers.get('location')).toBe(`/personen/${oom.id}?gedaan=gewist`);
    const daarna = await scherm(`/personen/${oom.id}?gedaan=gewist`);
    expect(daarna.html).toContain('De gegevens zijn gewist');
    expect(daarna.html).toContain(pseudoniem(oom.id));
    expect(daarna.html).not.toContain(oom.naam);

    const acties = (
      await db.prisma.auditEvent.findMany({
        where: { actor: account.rmA, details: { path: ['persoonId'], equals: oom.id } },
      })
    ).map((e) => e.actie);
    expect(acties).toEqual(
      expect.arrayContaining([
        'persoon.ingezien',
        'persoon.gegevens-opgevraagd',
        'persoon.wissen-geweigerd',
        'persoon.gewist',
      ]),
    );
  });

  metBrowser('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await startChromium();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    test('the pages pass axe-core at 360 px', async () => {
      const { karim } = mensen as Record<string, Mens>;
      const page = await (await browser.createBrowserContext()).newPage();
      await page.setBypassCSP(true);
      await page.setViewport({ width: 360, height: 740 });
      await page.setCookie({ name: COOKIE, value: cookie.split('=')[1]!, url: api.url });
      for (const pad of [
        `/personen?zoek=${encodeURIComponent(`elders${E}`)}`,
        `/personen/${karim.id}`,
        `/personen/${karim.id}/gegevens`,
      ]) {
        await page.goto(`${api.url}${pad}`);
        await toegankelijk(page);
      }
      // Erasing Karim is refused (he works for no one, but a case of his is held now): the reasons on the page pass too.
      await db.prisma.zaak.update({ where: { id: zaak3 }, data: { bewarenSinds: new Date() } });
      await page.goto(`${api.url}/personen/${karim.id}`);
      await page.click('#veld-bevestigd');
      await Promise.all([
        page.waitForNavigation(),
        page.click('main form[aria-label="Gegevens wissen"] button[type=submit]'),
      ]);
      expect(await page.evaluate(() => document.body.innerText)).toContain('rust een bewaarplicht');
      await toegankelijk(page);
    });
  });
});
