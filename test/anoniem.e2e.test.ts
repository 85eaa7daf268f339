// An anonymised case names nobody who took part, over HTTP: a family with a newer, open case
// keeps its names in the person records (the retention sweep leaves them for that case), yet
// the old case shows each of them as a pseudonym without contact details, in the API, its case
// file topics, its page, its timeline and the start page's list. Its coordinator and
// regiomanager keep their names; the open case shows everyone as before. Temporal plays no
// part: the API runs with a process that has no case (a read shows the stored record).
import crypto from 'node:crypto';
import type { Gebruikersrol } from '@prisma/client';
import type { Database } from '../prisma/database';
import { pseudoniem, zaakAnonimiseren } from '../prisma/anonimisering';
import { startApi, type RunningApi } from '../api/server';
import { aanvraagVastleggen, ZaakAanvraag } from '../zaakproces';
import { testDatabase } from './support/omgeving';
import { wereld, type Wereld } from './support/proces';
import { vraag } from './support/stack';
import { geenProces, medewerker } from './support/toegang';

const DAG = 24 * 60 * 60_000;

let db: Database;
let api: RunningApi;
let w: Wereld;

interface Account {
  naam: string;
  token: string;
  cookie: string;
  id: string;
}

const account = (rol: string, persoonId?: string): Promise<Account> =>
  medewerker(db.prisma, rol as Gebruikersrol, persoonId);

const eigen = crypto.randomUUID().slice(0, 8);
const familie = {
  hoofdpersoon: {
    naam: `Fatima Oudhof${eigen}`,
    email: `fatima.${eigen}@example.org`,
    telefoon: '06 41 87 29 53',
  },
  aanvrager: {
    relatie: 'professional' as const,
    naam: `Pieter Jeugdzorg${eigen}`,
    email: `pieter.${eigen}@example.org`,
    telefoon: '06 52 98 30 64',
    organisatie: `Wijkteam Noord ${eigen}`,
  },
  netwerk: { naam: `Karim Oom${eigen}`, email: `karim.${eigen}@example.org`, telefoon: '+31687654321' },
};
/** What must not appear anywhere in the old case: names (first names too), addresses, numbers, organisation. */
const geheimen = [
  familie.hoofdpersoon.naam,
  'Fatima',
  familie.hoofdpersoon.email,
  '+31641872953',
  familie.aanvrager.naam,
  'Pieter',
  familie.aanvrager.email,
  '+31652983064',
  familie.aanvrager.organisatie,
  familie.netwerk.naam,
  'Karim',
  familie.netwerk.email,
  '+31687654321',
];
const zonderGeheimen = (tekst: string) => geheimen.filter((g) => tekst.includes(g));

let regiomanager: Account;
let professional: Account;
let ids: { hoofdpersoon: string; aanvrager: string; netwerk: string };
let oud: string;
let nieuw: string;

/** A case of the family in this region, Anna its coordinator, the uncle in its circle. */
async function zaak(): Promise<string> {
  const z = await aanvraagVastleggen(
    db.prisma,
    ZaakAanvraag.parse({
      aanvrager: familie.aanvrager,
      hoofdpersoon: familie.hoofdpersoon,
      regio: w.regio,
      vraag: 'Wat is er nodig zodat de kinderen veilig thuis kunnen wonen?',
    }),
  );
  const hoofdpersoon = z.deelnemers.find((d) => d.rol === 'hoofdpersoon')!.persoonId;
  const aanvrager = z.deelnemers.find((d) => d.rol === 'aanvrager')!.persoonId;
  const netwerk =
    (await db.prisma.persoon.findFirst({ where: { email: familie.netwerk.email } }))?.id ??
    (await db.prisma.persoon.create({ data: { ...familie.netwerk } })).id;
  await db.prisma.zaak.update({
    where: { id: z.id },
    data: {
      coordinatorId: w.coordinatoren.anna,
      regiomanagerId: w.regiomanager,
      deelnemers: {
        create: [
          { persoonId: w.coordinatoren.anna, rol: 'coordinator' },
          { persoonId: w.regiomanager, rol: 'regiomanager' },
          { persoonId: netwerk, rol: 'netwerk', voorgesteldDoorId: hoofdpersoon, aangewezen: true },
          { persoonId: aanvrager, rol: 'professional' },
        ],
      },
    },
  });
  const gebeurtenis = (soort: string, doorId: string | null, details: object) =>
    db.prisma.gebeurtenis.create({
      data: { zaakId: z.id, soort, doorId, details, op: new Date(), sleutel: crypto.randomUUID() },
    });
  await gebeurtenis('fase', w.coordinatoren.anna, { fase: 'voorbereiding' });
  await gebeurtenis('signaal', netwerk, { signaalId: crypto.randomUUID() });
  await gebeurtenis('kandidaten', null, {
    passend: [
      { id: w.coordinatoren.anna, score: 3, redenen: [] },
      { id: w.coordinatoren.bram, score: 1, redenen: [] },
    ],
    uitgesloten: [],
  });
  await db.prisma.datumVoorstel.create({
    data: {
      zaakId: z.id,
      op: new Date(Date.now() + 7 * DAG),
      beschikbaarheden: { create: [{ persoonId: aanvrager, beschikbaar: true }] },
    },
  });
  // The professional read the case with her account: the audit trail names her account.
  await db.prisma.auditEvent.create({
    data: { zaakId: z.id, actor: professional.id, via: 'token:x', actie: 'zaak.ingezien' },
  });
  ids = { hoofdpersoon, aanvrager, netwerk };
  return z.id;
}

beforeAll(async () => {
  db = await testDatabase();
  api = await startApi(
    { prisma: db.prisma, proces: geenProces, databaseBereikbaar: () => db.ping() },
    { host: '127.0.0.1', port: 0 },
  );
  w = await wereld(db.prisma);
  regiomanager = await account('regiomanager', w.regiomanager);

  // The professional needs an account before the cases name it; her person comes with the first case.
  const pieter = await db.prisma.persoon.create({
    data: {
      naam: familie.aanvrager.naam,
      email: familie.aanvrager.email,
      telefoon: '+31652983064',
      organisatie: familie.aanvrager.organisatie,
    },
  });
  professional = await account('professional', pieter.id);
  oud = await zaak();
  await db.prisma.zaak.update({
    where: { id: oud },
    data: { fase: 'afgesloten', afsluiting: 'afgerond', afgeslotenOp: new Date(Date.now() - 800 * DAG) },
  });
  nieuw = await zaak();
  expect(new Set([ids.aanvrager, pieter.id]).size).toBe(1);

  // The sweep takes the old case's content; the family stays named, for the open case.
  expect(await zaakAnonimiseren(db.prisma, oud)).toEqual({ zaak: true, personen: 0 });
  const hoofdpersoon = await db.prisma.persoon.findUniqueOrThrow({ where: { id: ids.hoofdpersoon } });
  expect([hoofdpersoon.naam, hoofdpersoon.gewistOp]).toEqual([familie.hoofdpersoon.naam, null]);
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

const lees = async (pad: string) => {
  const r = await vraag(`${api.url}${pad}`, { token: regiomanager.token });
  expect(r.status).toBe(200);
  return r.body;
};
const pagina = async (pad: string) => {
  const r = await fetch(`${api.url}${pad}`, { headers: { cookie: regiomanager.cookie }, redirect: 'manual' });
  expect(r.status).toBe(200);
  return r.text();
};

describe('an anonymised case of a family with a newer case', () => {
  test('GET /cases/:id shows the main person and the requester by pseudonym, without contact details', async () => {
    const z = await lees(`/cases/${oud}`);
    expect(z.geanonimiseerdOp).toEqual(expect.any(String));
    expect(z.hoofdpersoon).toMatchObject({
      id: ids.hoofdpersoon,
      naam: pseudoniem(ids.hoofdpersoon),
      email: null,
      telefoon: null,
      organisatie: null,
    });
    expect(z.aanvrager).toMatchObject({
      id: ids.aanvrager,
      relatie: null,
      naam: pseudoniem(ids.aanvrager),
      email: null,
      telefoon: null,
      organisatie: null,
    });
    expect(zonderGeheimen(JSON.stringify(z))).toEqual([]);
    expect(zonderGeheimen(JSON.stringify(await lees('/cases?fase=afgesloten')))).toEqual([]);
  });

  test('its case file topics name only its coordinator and regiomanager', async () => {
    const kring = await lees(`/cases/${oud}/kring`);
    const van = (id: string) => kring.find((d: { persoonId: string }) => d.persoonId === id);
    expect(van(ids.hoofdpersoon)).toMatchObject({ naam: pseudoniem(ids.hoofdpersoon), email: null, telefoon: null });
    expect(van(ids.netwerk)).toMatchObject({
      naam: pseudoniem(ids.netwerk),
      email: null,
      telefoon: null,
      voorgesteldDoor: { persoonId: ids.hoofdpersoon, naam: pseudoniem(ids.hoofdpersoon) },
    });
    expect(van(ids.aanvrager)).toMatchObject({ naam: pseudoniem(ids.aanvrager), organisatie: null });

    const afspraken = await lees(`/cases/${oud}/afspraken`);
    expect(afspraken.aangewezen).toEqual([{ persoonId: ids.netwerk, naam: pseudoniem(ids.netwerk) }]);
    const [signaal] = await lees(`/cases/${oud}/signalen`);
    expect(signaal.door).toEqual({ persoonId: ids.netwerk, naam: pseudoniem(ids.netwerk) });
    const [voorstel] = await lees(`/cases/${oud}/datumvoorstellen`);
    expect(voorstel.beschikbaarheid).toEqual([
      { professional: { persoonId: ids.aanvrager, naam: pseudoniem(ids.aanvrager) }, beschikbaar: true },
    ]);
    // The case's own coordinator keeps her name; another candidate is named by id only.
    const kandidaten = await lees(`/cases/${oud}/kandidaten`);
    expect(kandidaten.passend.map((k: { naam: string }) => k.naam)).toEqual([
      'Anna Coördinator',
      pseudoniem(w.coordinatoren.bram),
    ]);

    const alles = [kring, afspraken, signaal, voorstel, kandidaten];
    for (const pad of ['plannen', 'voorwaarden', 'toetsingen', 'tevredenheid'])
      alles.push(await lees(`/cases/${oud}/${pad}`));
    expect(zonderGeheimen(JSON.stringify(alles))).toEqual([]);
  });

  test('its case page and timeline show pseudonyms; the coordinator keeps her name', async () => {
    const html = await pagina(`/zaken/${oud}`);
    expect(zonderGeheimen(html)).toEqual([]);
    expect(html).toContain(pseudoniem(ids.hoofdpersoon));
    expect(html).toContain(pseudoniem(ids.netwerk));

    const tijdlijn = await pagina(`/zaken/${oud}/tijdlijn`);
    expect(zonderGeheimen(tijdlijn)).toEqual([]);
    expect(tijdlijn).toContain('Anna Coördinator');
    expect(tijdlijn).toContain(pseudoniem(ids.netwerk));
    // The professional's account is her address: her pseudonym instead.
    expect(tijdlijn).not.toContain(professional.naam);
    expect(tijdlijn).toContain(`${pseudoniem(ids.aanvrager)} (professional)`);
  });

  test("the regiomanager's start page lists it by pseudonym; a search by name finds only the open case", async () => {
    const afgesloten = await pagina('/?fase=afgesloten');
    expect(afgesloten).toMatch(new RegExp(`href="/zaken/${oud}">\\s*${pseudoniem(ids.hoofdpersoon)}\\s*<`));
    // The open case, with its signal, is on the page too, by name: only the old case's entries count.
    const regels = afgesloten.match(/<li class="kring-zaak">[\s\S]*?<\/li>/g) ?? [];
    const oudeRegels = regels.filter((r) => r.includes(`/zaken/${oud}"`));
    expect(oudeRegels.length).toBeGreaterThan(0);
    expect(zonderGeheimen(oudeRegels.join())).toEqual([]);

    const gezocht = await pagina(`/?zoek=${encodeURIComponent(familie.hoofdpersoon.naam)}`);
    expect(gezocht).toContain(`href="/zaken/${nieuw}"`);
    expect(gezocht).not.toContain(`href="/zaken/${oud}"`);
  });

  test('the open case still shows everyone by name, with contact details', async () => {
    const z = await lees(`/cases/${nieuw}`);
    expect(z.hoofdpersoon).toMatchObject({
      naam: familie.hoofdpersoon.naam,
      email: familie.hoofdpersoon.email,
      telefoon: '+31641872953',
    });
    expect(z.aanvrager).toMatchObject({ naam: familie.aanvrager.naam, organisatie: familie.aanvrager.organisatie });
    const kring = await lees(`/cases/${nieuw}/kring`);
    expect(kring.map((d: { naam: string }) => d.naam)).toEqual(
      expect.arrayContaining([familie.hoofdpersoon.naam, familie.netwerk.naam]),
    );
    const html = await pagina(`/zaken/${nieuw}`);
    expect(html).toContain(familie.hoofdpersoon.naam);
    expect(html).toContain(familie.netwerk.naam);
    expect(await pagina('/')).toMatch(new RegExp(`href="/zaken/${nieuw}">\\s*Fatima\\s*<`));
  });

  test('a person known to her region only through an anonymised case is not hers to find or hand over', async () => {
    const noor = { naam: `Noor Elders${eigen}`, email: `noor.${eigen}@example.org` };
    const elders = await wereld(db.prisma);
    // A live case in another region, and an old one in hers, anonymised: Noor stays named for the other.
    await aanvraagVastleggen(
      db.prisma,
      ZaakAanvraag.parse({ aanvrager: { relatie: 'hoofdpersoon' }, hoofdpersoon: noor, regio: elders.regio }),
    );
    const oudeZaak = await aanvraagVastleggen(
      db.prisma,
      ZaakAanvraag.parse({ aanvrager: { relatie: 'hoofdpersoon' }, hoofdpersoon: noor, regio: w.regio }),
    );
    const noorId = oudeZaak.deelnemers.find((d) => d.rol === 'hoofdpersoon')!.persoonId;
    await db.prisma.zaak.update({ where: { id: oudeZaak.id }, data: { fase: 'afgesloten', afgeslotenOp: new Date() } });
    expect(await zaakAnonimiseren(db.prisma, oudeZaak.id)).toEqual({ zaak: true, personen: 0 });

    const gezocht = await vraag(`${api.url}/persons?zoek=${encodeURIComponent('Noor Elders')}`, {
      token: regiomanager.token,
    });
    expect(gezocht.status).toBe(200);
    expect(gezocht.body.personen).toEqual([]);
    expect((await vraag(`${api.url}/persons/${noorId}/gegevens`, { token: regiomanager.token })).status).toBe(404);
    const scherm = await pagina(`/personen?zoek=${encodeURIComponent('Noor Elders')}`);
    expect(scherm).not.toContain(noor.email);
    expect(scherm).not.toContain(`/personen/${noorId}`);
  });
});
