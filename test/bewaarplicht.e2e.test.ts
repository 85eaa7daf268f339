// The legal hold (bewaarplicht) and a region's retention period, end to end over HTTP: the
// regiomanager holds a case with a reason and lifts it again, through the API and on the case
// page; nobody else can; an anonymised case cannot be held; the sweep's choice of cases
// respects both the hold and the region's own period. Temporal plays no part here: the API
// runs with a process that has no case (a read shows the stored record).
import crypto from 'node:crypto';
import type { Page } from 'puppeteer-core';
import type { Gebruikersrol } from '@prisma/client';
import type { Database } from '../prisma/database';
import { teAnonimiseren } from '../prisma/anonimisering';
import { startApi, type RunningApi } from '../api/server';
import { aanvraagVastleggen, ZaakAanvraag } from '../zaakproces';
import { druk, metBrowser, startChromium, toegankelijk } from './support/chromium';
import { testDatabase } from './support/omgeving';
import { wereld, type Wereld } from './support/proces';
import { vraag } from './support/stack';
import { geenProces, medewerker } from './support/toegang';
import { COOKIE } from '../schermen/sessies';

const DAG = 24 * 60 * 60_000;
/** The configured default in this run (BEWAARTERMIJN_DAGEN), not the built-in 730: it must reach the screens. */
const STANDAARD = 400;
const REDEN = `Klacht bij de geschillencommissie, dossier ${crypto.randomUUID().slice(0, 8)}`;

let db: Database;
let api: RunningApi;
let w: Wereld;
let elders: Wereld;

interface Account {
  token: string;
  /** The session cookie of a staff member signed in to the screens. */
  cookie: string;
}
const a: Record<'regiomanager' | 'andereRegiomanager' | 'coordinator' | 'operations' | 'admin', Account> = {} as never;

const account = (rol: string, persoonId?: string): Promise<Account> =>
  medewerker(db.prisma, rol as Gebruikersrol, persoonId);

beforeAll(async () => {
  db = await testDatabase();
  api = await startApi(
    { prisma: db.prisma, proces: geenProces, databaseBereikbaar: () => db.ping(), bewaartermijnDagen: STANDAARD },
    { host: '127.0.0.1', port: 0 },
  );
  [w, elders] = [await wereld(db.prisma), await wereld(db.prisma)];
  a.regiomanager = await account('regiomanager', w.regiomanager);
  a.andereRegiomanager = await account('regiomanager', elders.regiomanager);
  a.coordinator = await account('coordinator', w.coordinatoren.anna);
  a.operations = await account('operations');
  a.admin = await account('admin');
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await db?.close();
});

/** A case of this region, Anna its coordinator; closed `dagenGeleden` days ago when given. */
async function zaak(regio = w.regio, dagenGeleden?: number): Promise<string> {
  const eigen = crypto.randomUUID().slice(0, 8);
  const { id } = await aanvraagVastleggen(
    db.prisma,
    ZaakAanvraag.parse({
      aanvrager: { relatie: 'hoofdpersoon' },
      hoofdpersoon: { naam: 'Samira El Amrani', email: `samira.${eigen}@example.org` },
      regio,
      vraag: 'Wat is er voor nodig dat de kinderen veilig kunnen opgroeien?',
    }),
  );
  await db.prisma.zaak.update({
    where: { id },
    data: {
      coordinatorId: w.coordinatoren.anna,
      ...(dagenGeleden !== undefined && {
        fase: 'afgesloten',
        afgeslotenOp: new Date(Date.now() - dagenGeleden * DAG),
      }),
    },
  });
  return id;
}

const bewaarplicht = (zaakId: string, wie: Account, body: unknown = { reden: REDEN }) =>
  vraag(`${api.url}/cases/${zaakId}/bewaarplicht`, { method: 'PUT', body, token: wie.token });
const opheffen = (zaakId: string, wie: Account) =>
  vraag(`${api.url}/cases/${zaakId}/bewaarplicht`, { method: 'DELETE', token: wie.token });
const lees = async (zaakId: string, wie: Account) =>
  (await vraag(`${api.url}/cases/${zaakId}`, { token: wie.token })).body;
const audit = (zaakId: string, actie: string) =>
  db.prisma.auditEvent.findMany({ where: { zaakId, actie: { startsWith: actie } }, orderBy: { id: 'asc' } });

describe('the legal hold through the API', () => {
  test('the regiomanager holds a case with a reason: the case shows it to her, the audit records it without the reason', async () => {
    const zaakId = await zaak(w.regio, 10);
    const gezet = await bewaarplicht(zaakId, a.regiomanager);
    expect(gezet.status).toBe(200);
    expect(gezet.body.bewaarplicht).toEqual({ sinds: expect.any(String), reden: REDEN });

    const gelezen = await lees(zaakId, a.regiomanager);
    expect(gelezen.bewaarplicht).toEqual(gezet.body.bewaarplicht);
    expect(gelezen.geanonimiseerdOp).toBeNull();
    // The reason is the regiomanager's: the coordinator and operations read neither it nor the hold.
    const coordinator = await lees(zaakId, a.coordinator);
    expect(coordinator.hoofdpersoon.naam).toBe('Samira El Amrani');
    expect(coordinator).not.toHaveProperty('bewaarplicht');
    expect(coordinator.geanonimiseerdOp).toBeNull();
    expect(JSON.stringify(await lees(zaakId, a.operations))).not.toContain(REDEN);

    const [ingesteld, ...meer] = await audit(zaakId, 'bewaarplicht.');
    expect(meer).toEqual([]);
    expect(ingesteld).toMatchObject({
      actie: 'bewaarplicht.ingesteld',
      details: {},
      via: expect.stringMatching(/^token:/),
    });
    const rijen = await db.prisma.auditEvent.findMany({ where: { zaakId }, select: { actie: true, details: true } });
    expect(JSON.stringify(rijen)).not.toContain('geschillen');

    // Held again with another reason: the first moment stays, the reason is the new one.
    const opnieuw = await bewaarplicht(zaakId, a.regiomanager, { reden: 'Ook een verzoek van de inspectie.' });
    expect(opnieuw.body.bewaarplicht).toEqual({
      sinds: gezet.body.bewaarplicht.sinds,
      reden: 'Ook een verzoek van de inspectie.',
    });
    const rij = await db.prisma.zaak.findUniqueOrThrow({ where: { id: zaakId } });
    expect([rij.bewarenSinds?.toISOString(), rij.bewarenReden]).toEqual([
      gezet.body.bewaarplicht.sinds,
      'Ook een verzoek van de inspectie.',
    ]);
  });

  test('nobody else holds or lifts it: other roles 403, another region 404; a bad reason 422; nothing changes', async () => {
    const zaakId = await zaak(w.regio, 10);
    const gekregen = async (wie: Account) => [
      (await bewaarplicht(zaakId, wie)).status,
      (await opheffen(zaakId, wie)).status,
    ];
    expect(await gekregen(a.coordinator)).toEqual([403, 403]);
    expect(await gekregen(a.operations)).toEqual([403, 403]);
    expect(await gekregen(a.admin)).toEqual([403, 403]);
    expect(await gekregen(a.andereRegiomanager)).toEqual([404, 404]);
    expect((await bewaarplicht(crypto.randomUUID(), a.regiomanager)).status).toBe(404);

    for (const [body, veld, regel] of [
      [{}, 'reden', 'verplicht'],
      [{ reden: '   ' }, 'reden', 'minimale-lengte'],
      [{ reden: 'x'.repeat(501) }, 'reden', 'maximale-lengte'],
      [{ reden: REDEN, tot: '2030-01-01' }, 'tot', 'onbekend-veld'],
    ] as const) {
      const antwoord = await bewaarplicht(zaakId, a.regiomanager, body);
      expect({ status: antwoord.status, fouten: antwoord.body.fouten }).toEqual({
        status: 422,
        fouten: [expect.objectContaining({ veld, regel })],
      });
    }
    expect((await bewaarplicht(zaakId, a.regiomanager, { reden: 'x'.repeat(500) })).status).toBe(200);
    await opheffen(zaakId, a.regiomanager);
    expect(await db.prisma.zaak.findUniqueOrThrow({ where: { id: zaakId } })).toMatchObject({
      bewarenSinds: null,
      bewarenReden: null,
    });
    // The address takes PUT and DELETE only.
    const get = await fetch(`${api.url}/cases/${zaakId}/bewaarplicht`, {
      headers: { authorization: `Bearer ${a.regiomanager.token}` },
    });
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'PUT, DELETE']);
  });

  test('lifted, the hold is gone; lifting what is not held changes nothing', async () => {
    const zaakId = await zaak(w.regio, 10);
    await bewaarplicht(zaakId, a.regiomanager);
    expect((await opheffen(zaakId, a.regiomanager)).status).toBe(204);
    expect((await lees(zaakId, a.regiomanager)).bewaarplicht).toBeNull();
    expect((await opheffen(zaakId, a.regiomanager)).status).toBe(204);
    expect((await audit(zaakId, 'bewaarplicht.')).map((r) => [r.actie, r.details])).toEqual([
      ['bewaarplicht.ingesteld', {}],
      ['bewaarplicht.opgeheven', {}],
    ]);
  });

  test('an anonymised case cannot be held or lifted: 409, in Dutch', async () => {
    const zaakId = await zaak(w.regio, 800);
    await db.prisma.zaak.update({ where: { id: zaakId }, data: { geanonimiseerdOp: new Date() } });
    for (const antwoord of [await bewaarplicht(zaakId, a.regiomanager), await opheffen(zaakId, a.regiomanager)]) {
      expect(antwoord.status).toBe(409);
      expect(antwoord.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(antwoord.body).toMatchObject({
        code: 'geanonimiseerd',
        detail: expect.stringMatching(/^Deze zaak is al geanonimiseerd op /),
      });
    }
    expect(await db.prisma.zaak.findUniqueOrThrow({ where: { id: zaakId } })).toMatchObject({ bewarenSinds: null });
    expect(await audit(zaakId, 'bewaarplicht.')).toEqual([]);
    expect((await lees(zaakId, a.regiomanager)).geanonimiseerdOp).toEqual(expect.any(String));
  });

  test('the OpenAPI document describes both', async () => {
    const doc = (await vraag(`${api.url}/openapi.json`, { token: null })).body;
    const pad = doc.paths['/cases/{id}/bewaarplicht'];
    expect(Object.keys(pad).sort()).toEqual(['delete', 'put']);
    expect(pad.put.requestBody.content['application/json'].schema.properties.reden).toMatchObject({ maxLength: 500 });
    expect(pad.put.responses['409']).toBeDefined();
    expect(pad.delete.responses['204']).toBeDefined();
  });
});

describe('which closed cases the sweep takes', () => {
  const termijnen = { standaardDagen: 730 };
  const kandidaten = () => teAnonimiseren(db.prisma, new Date(), termijnen, 100_000);

  test('a held case past its period is skipped and counted as held; released, it is due', async () => {
    const zaakId = await zaak(w.regio, 800);
    expect((await kandidaten()).zaakIds).toContain(zaakId);
    await bewaarplicht(zaakId, a.regiomanager);
    const gehouden = await kandidaten();
    expect(gehouden.zaakIds).not.toContain(zaakId);
    // Other files' cases may share a PostgreSQL run's database: at least this one.
    expect(gehouden.aangehouden).toBeGreaterThanOrEqual(1);
    await opheffen(zaakId, a.regiomanager);
    expect((await kandidaten()).zaakIds).toContain(zaakId);
  });

  test("a region's own period counts: 30 days takes a case closed 40 days ago, the default does not", async () => {
    const hier = await zaak(w.regio, 40);
    const daar = await zaak(elders.regio, 40);
    const regio = (naam: string, body: unknown) =>
      vraag(`${api.url}/regios/${encodeURIComponent(naam)}`, { method: 'PATCH', body, token: a.admin.token });
    expect((await regio(w.regio, { bewaartermijnDagen: 30 })).status).toBe(200);
    let due = (await kandidaten()).zaakIds;
    expect([due.includes(hier), due.includes(daar)]).toEqual([true, false]);

    const lijst = (await vraag(`${api.url}/regios`, { token: a.admin.token })).body;
    expect(lijst.standaardBewaartermijnDagen).toBe(STANDAARD);
    const termijn = (naam: string) => lijst.regios.find((r: { naam: string }) => r.naam === naam)?.bewaartermijnDagen;
    expect([termijn(w.regio), termijn(elders.regio)]).toEqual([30, null]);
    const [gewijzigd] = await db.prisma.auditEvent.findMany({
      where: { actie: 'regio.gewijzigd', details: { path: ['regio'], equals: w.regio } },
    });
    expect(gewijzigd?.details).toEqual({ regio: w.regio, bewaartermijnDagen: 30 });

    for (const fout of [29, 36_501, 45.5, '90']) {
      expect({ fout, status: (await regio(w.regio, { bewaartermijnDagen: fout })).status }).toEqual({
        fout,
        status: 422,
      });
    }
    // Back to the default (null): the case is no longer due.
    expect((await regio(w.regio, { bewaartermijnDagen: null })).status).toBe(200);
    due = (await kandidaten()).zaakIds;
    expect(due.includes(hier)).toBe(false);
  });

  test('a new region may set its own period from the start', async () => {
    const naam = `Regio ${crypto.randomUUID().slice(0, 8)}`;
    const nieuw = await vraag(`${api.url}/regios`, { body: { naam, bewaartermijnDagen: 3650 }, token: a.admin.token });
    expect(nieuw.status).toBe(201);
    expect(await db.prisma.regio.findUniqueOrThrow({ where: { naam } })).toMatchObject({ bewaartermijnDagen: 3650 });
    const zonder = `Regio ${crypto.randomUUID().slice(0, 8)}`;
    await vraag(`${api.url}/regios`, { body: { naam: zonder }, token: a.admin.token });
    expect(await db.prisma.regio.findUniqueOrThrow({ where: { naam: zonder } })).toMatchObject({
      bewaartermijnDagen: null,
    });
  });
});

/** A page of the screens, as a signed-in browser without JavaScript gets it. */
async function pagina(pad: string, wie: Account) {
  const r = await fetch(`${api.url}${pad}`, { headers: { cookie: wie.cookie }, redirect: 'manual' });
  return { status: r.status, html: await r.text() };
}

/** Posts a form of the screens, with the session's form token unless told otherwise. */
async function formulier(pad: string, wie: Account, velden: Record<string, string>, formulierSleutel?: string) {
  const sleutel = formulierSleutel ?? /name="_formulier" value="([^"]+)"/.exec((await pagina('/', wie)).html)![1]!;
  const r = await fetch(`${api.url}${pad}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: wie.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _formulier: sleutel, ...velden }).toString(),
  });
  return { status: r.status, naar: r.headers.get('location'), html: await r.text() };
}

describe('the legal hold on the case page', () => {
  test('the regiomanager sets it with a reason (what is missing is said at the field) and lifts it', async () => {
    const zaakId = await zaak(w.regio, 10);
    const leeg = await pagina(`/zaken/${zaakId}`, a.regiomanager);
    expect(leeg.status).toBe(200);
    expect(leeg.html).toContain('>Bewaarplicht</h2>');
    expect(leeg.html).toContain(`action="/zaken/${zaakId}/bewaarplicht"`);
    expect(leeg.html).toMatch(/<textarea[^>]*id="veld-bewaarplicht-reden"[^>]*required/);

    const zonderReden = await formulier(`/zaken/${zaakId}/bewaarplicht`, a.regiomanager, { 'bewaarplicht.reden': '' });
    expect(zonderReden.status).toBe(422);
    expect(zonderReden.html).toContain('Niet alles is goed ingevuld; zie hieronder.');
    expect(zonderReden.html).toMatch(/id="veld-bewaarplicht-reden-fout">Mag niet leeg zijn/);
    expect(zonderReden.html).toMatch(/<textarea[^>]*aria-invalid="true"/);

    // Without the session's form token: refused, nothing held.
    expect(
      (await formulier(`/zaken/${zaakId}/bewaarplicht`, a.regiomanager, { 'bewaarplicht.reden': REDEN }, 'vals'))
        .status,
    ).toBe(403);
    expect(await db.prisma.zaak.findUniqueOrThrow({ where: { id: zaakId } })).toMatchObject({ bewarenSinds: null });

    const gezet = await formulier(`/zaken/${zaakId}/bewaarplicht`, a.regiomanager, { 'bewaarplicht.reden': REDEN });
    expect([gezet.status, gezet.naar]).toEqual([303, `/zaken/${zaakId}?gedaan=bewaarplicht`]);
    const gehouden = await pagina(gezet.naar!, a.regiomanager);
    expect(gehouden.html).toContain('De bewaarplicht is ingesteld');
    expect(gehouden.html).toContain(REDEN);
    expect(gehouden.html).toContain('Bewaarplicht opheffen');
    expect(gehouden.html).not.toContain(`action="/zaken/${zaakId}/bewaarplicht"`);
    const [ingesteld] = await audit(zaakId, 'bewaarplicht.');
    expect(ingesteld).toMatchObject({
      actie: 'bewaarplicht.ingesteld',
      details: {},
      via: expect.stringMatching(/^sessie:/),
    });

    const opgeheven = await formulier(`/zaken/${zaakId}/bewaarplicht-opheffen`, a.regiomanager, {});
    expect(opgeheven.status).toBe(303);
    expect((await pagina(opgeheven.naar!, a.regiomanager)).html).toContain('De bewaarplicht is opgeheven.');
    expect(await db.prisma.zaak.findUniqueOrThrow({ where: { id: zaakId } })).toMatchObject({ bewarenSinds: null });
  });

  test('the coordinator sees no hold and cannot set one; another region finds nothing', async () => {
    const zaakId = await zaak(w.regio, 10);
    await bewaarplicht(zaakId, a.regiomanager);
    const bij = await pagina(`/zaken/${zaakId}`, a.coordinator);
    expect(bij.status).toBe(200);
    expect(bij.html).not.toContain('Bewaarplicht');
    expect(bij.html).not.toContain(REDEN);
    expect((await formulier(`/zaken/${zaakId}/bewaarplicht-opheffen`, a.coordinator, {})).status).toBe(403);
    expect((await formulier(`/zaken/${zaakId}/bewaarplicht-opheffen`, a.andereRegiomanager, {})).status).toBe(404);
    expect(await db.prisma.zaak.findUniqueOrThrow({ where: { id: zaakId } })).toMatchObject({ bewarenReden: REDEN });
  });

  test('an anonymised case says so at the top, and offers no hold', async () => {
    const zaakId = await zaak(w.regio, 800);
    await db.prisma.zaak.update({
      where: { id: zaakId },
      data: { geanonimiseerdOp: new Date('2026-03-02T10:00:00Z') },
    });
    const { html } = await pagina(`/zaken/${zaakId}`, a.regiomanager);
    expect(html).toContain(
      'Deze zaak is geanonimiseerd op 2 maart 2026: namen, contactgegevens en vrije tekst zijn verwijderd na de bewaartermijn.',
    );
    expect(html).toContain('<title>Zaak (geanonimiseerd)');
    expect(html).not.toContain('Bewaarplicht instellen');
    // A form posted from a page opened before: refused with the reason, on the page.
    const te = await formulier(`/zaken/${zaakId}/bewaarplicht`, a.regiomanager, { 'bewaarplicht.reden': REDEN });
    expect(te.status).toBe(409);
    expect(te.html).toContain('Deze zaak is al geanonimiseerd op 2 maart 2026');
  });
});

describe("a region's retention period on the setup screen", () => {
  test('shown with the configured default, saved, refused outside its bounds, and back to the default', async () => {
    const naam = w.regio;
    const pad = `/beheer/regios/${encodeURIComponent(naam)}/bewaartermijn`;
    const regel = (html: string) =>
      new RegExp(`${naam}:[^<]*Bewaartermijn: (\\d+ dagen \\((?:standaard|eigen)\\))`).exec(html)?.[1];
    await db.prisma.regio.update({ where: { naam }, data: { bewaartermijnDagen: null } });
    expect(regel((await pagina('/beheer', a.admin)).html)).toBe(`${STANDAARD} dagen (standaard)`);

    const opgeslagen = await formulier(pad, a.admin, { bewaartermijnDagen: '365' });
    expect(opgeslagen.status).toBe(200);
    expect(opgeslagen.html).toContain(`De bewaartermijn van regio ${naam} is opgeslagen.`);
    expect(regel(opgeslagen.html)).toBe('365 dagen (eigen)');
    expect(await db.prisma.regio.findUniqueOrThrow({ where: { naam } })).toMatchObject({ bewaartermijnDagen: 365 });

    const te = await formulier(pad, a.admin, { bewaartermijnDagen: '10' });
    expect(te.status).toBe(422);
    expect(te.html).toMatch(/id="veld-bewaartermijnDagen-fout">Moet minstens 30 zijn/);
    expect(await db.prisma.regio.findUniqueOrThrow({ where: { naam } })).toMatchObject({ bewaartermijnDagen: 365 });

    // Her own region's page tells the regiomanager too.
    expect((await pagina('/beheer', a.regiomanager)).html).toContain('365 dagen (eigen)');
    // Only the administrator sets it.
    expect((await formulier(pad, a.regiomanager, { bewaartermijnDagen: '40' })).status).toBe(403);

    const leeg = await formulier(pad, a.admin, { bewaartermijnDagen: '' });
    expect(regel(leeg.html)).toBe(`${STANDAARD} dagen (standaard)`);
    expect(await db.prisma.regio.findUniqueOrThrow({ where: { naam } })).toMatchObject({ bewaartermijnDagen: null });
  });

  test('a new region from the screen, with its own period', async () => {
    const naam = `Regio ${crypto.randomUUID().slice(0, 8)}`;
    const gemaakt = await formulier('/beheer/regios', a.admin, {
      naam,
      gemeenten: 'Almere',
      bewaartermijnDagen: '1095',
    });
    expect(gemaakt.status).toBe(200);
    expect(gemaakt.html).toContain(`${naam}: geen regiomanager · 0 open zaken · Bewaartermijn: 1095 dagen (eigen)`);
    const [aangemaakt] = await db.prisma.auditEvent.findMany({
      where: { actie: 'regio.aangemaakt', details: { path: ['regio'], equals: naam } },
    });
    expect(aangemaakt?.details).toMatchObject({ bewaartermijnDagen: 1095 });
  });
});

metBrowser('in Chromium, with axe', () => {
  let browser: Awaited<ReturnType<typeof startChromium>>;
  beforeAll(async () => {
    browser = await startChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(wie: Account, pad: string): Promise<Page> {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    // axe-core is injected by the test; the pages themselves allow no script.
    await page.setBypassCSP(true);
    await page.setViewport({ width: 360, height: 740 });
    await context.setCookie({ name: COOKIE, value: wie.cookie.split('=')[1]!, domain: '127.0.0.1', path: '/' });
    await page.goto(`${api.url}${pad}`);
    await toegankelijk(page);
    return page;
  }
  const tekst = (page: Page) => page.evaluate(() => document.body.innerText);

  test('the regiomanager holds and releases a case on its page; the anonymised page and the setup screen pass axe', async () => {
    const zaakId = await zaak(w.regio, 10);
    const page = await open(a.regiomanager, `/zaken/${zaakId}`);
    await druk(page, 'Bewaarplicht instellen');
    expect(await page.$eval('#veld-bewaarplicht-reden-fout', (e) => e.textContent)).toMatch(/verplicht|leeg/);
    await page.type('#veld-bewaarplicht-reden', REDEN);
    await druk(page, 'Bewaarplicht instellen');
    expect(await tekst(page)).toContain(REDEN);
    await druk(page, 'Bewaarplicht opheffen');
    expect(await tekst(page)).toContain('De bewaarplicht is opgeheven.');

    const anoniem = await zaak(w.regio, 800);
    await db.prisma.zaak.update({ where: { id: anoniem }, data: { geanonimiseerdOp: new Date() } });
    await page.goto(`${api.url}/zaken/${anoniem}`);
    await toegankelijk(page);
    expect(await tekst(page)).toContain('Deze zaak is geanonimiseerd op');

    // Her region's setup page names its retention period. (The administrator's page lists every
    // region and coordinator of the database, too many on a shared PostgreSQL run for a browser.)
    expect(await tekst(await open(a.regiomanager, '/beheer'))).toMatch(/Bewaartermijn\s+\d+ dagen/);
  });
});
