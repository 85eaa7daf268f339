// One-click links in a real headless Chromium (Debian's `chromium`): a participant opens the
// link, presses the button, and the case workflow hears it. Expired, tampered, reused and
// revoked links are refused with a page that says why.
import crypto from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { Browser, Page } from 'puppeteer-core';
import { metBrowser, startChromium } from './support/chromium';
import type { Database } from '../prisma/database';
import { statusQuery, workflowIdVoorZaak } from '../workflows/contract';
import { testDatabase } from './support/omgeving';
import { wereld, type Wereld } from './support/proces';
import { startStack, vraag, type Stack } from './support/stack';
import { opdrachtViaApi, tokenVoor, zaakInVoorbereiding } from './support/toegang';

metBrowser('one-click links', () => {
  let db: Database;
  let stack: Stack;
  let temporal: Client;
  let browser: Browser;
  let w: Wereld;
  let zaakId: string;
  let oma: string;
  const t: Record<'operations' | 'regiomanager' | 'coordinator', string> = {} as never;

  beforeAll(async () => {
    db = await testDatabase();
    stack = await startStack({ database: db, linkGeheim: crypto.randomBytes(32) });
    temporal = new Client({ connection: await Connection.connect({ address: stack.temporal.address! }) });
    w = await wereld(db.prisma);
    t.operations = await tokenVoor(db.prisma, 'operations');
    t.regiomanager = await tokenVoor(db.prisma, 'regiomanager', w.regiomanager);
    t.coordinator = await tokenVoor(db.prisma, 'coordinator', w.coordinatoren.anna);
    zaakId = await zaakInVoorbereiding(stack.api, w, t);
    const toegevoegd = await opdrachtViaApi(
      stack.api,
      zaakId,
      'deelnemer-toevoegen',
      { persoon: { naam: 'Oma Fatima', telefoon: '06-11122233' }, rol: 'netwerk', relatie: 'oma' },
      t.coordinator,
    );
    oma = toegevoegd.persoonId;
    await opdrachtViaApi(
      stack.api,
      zaakId,
      'deelnemer-bijwerken',
      { persoonId: oma, uitnodiging: 'uitgenodigd' },
      t.coordinator,
    );
    browser = await startChromium();
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await temporal?.connection.close();
    await stack?.stop();
    await db?.close();
  });

  /** A new link, its URL pointing at this test's API. */
  async function link(doel: string, persoonId = oma): Promise<{ id: string; url: string }> {
    const { status, body } = await vraag(`${stack.api}/cases/${zaakId}/links`, {
      body: { persoonId, doel },
      token: t.coordinator,
    });
    expect(status).toBe(201);
    return { id: body.id, url: body.url.replace('http://kring.test', stack.api) };
  }

  async function open(url: string): Promise<{ page: Page; status: number | undefined; kop: string }> {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    const antwoord = await page.goto(url);
    const kop = await page.$eval('h1', (h) => h.textContent ?? '');
    return { page, status: antwoord?.status(), kop };
  }

  async function uitnodigingVanOma(): Promise<string | undefined> {
    const status = await temporal.workflow.getHandle(workflowIdVoorZaak(zaakId)).query(statusQuery);
    return status.deelnemers.find((d) => d.persoonId === oma)?.uitnodiging;
  }

  test('a participant opens the link, presses the button, and the case knows they will come', async () => {
    const { url } = await link('aanwezigheid');
    const { page, status, kop } = await open(url);
    expect(status).toBe(200);
    expect(kop).toBe('Komt u naar de Eigen Kracht-conferentie?');
    expect(await page.$eval('html', (h) => h.lang)).toBe('nl');
    // The note field has a label a screen reader reads out.
    expect(await page.$eval('label[for=notitie]', (l) => l.textContent)).toContain('niet verplicht');

    await page.type('#notitie', 'Ik neem de kinderen mee.');
    const [antwoord] = await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(antwoord?.status()).toBe(200);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Dank u wel');
    expect(await page.$eval('[role=status]', (p) => p.textContent)).toContain('De coördinator weet nu dat u komt.');
    expect(await uitnodigingVanOma()).toBe('bevestigd');

    // Recorded: the note, and who acted through which link.
    expect(await db.prisma.tekst.findFirst({ where: { zaakId, inhoud: 'Ik neem de kinderen mee.' } })).not.toBeNull();
    const audit = await db.prisma.auditEvent.findMany({ where: { zaakId, actor: 'link' } });
    expect(audit.map((a) => a.actie)).toContain('link.aanwezigheid');

    // The same link again: used.
    const nogmaals = await open(url);
    expect(nogmaals.status).toBe(410);
    expect(nogmaals.kop).toBe('Deze link is al gebruikt');
    await page.close();
    await nogmaals.page.close();
  });

  test('a note kring cannot store (a NUL character) is refused before the link is used: it still works', async () => {
    const { url } = await link('aanwezigheid');
    const pers = (notitie: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ notitie }).toString(),
      });
    const fout = await pers('Ik kom\u0000 misschien');
    expect(fout.status).toBe(422);
    expect(await fout.text()).toContain('een teken dat we niet kunnen bewaren');
    expect((await pers('Ik kom.')).status).toBe(200);
  });

  test('a tampered link is refused', async () => {
    const { url } = await link('aanwezigheid');
    const veranderd = url.slice(0, -2) + (url.endsWith('AA') ? 'BB' : 'AA');
    const { page, status, kop } = await open(veranderd);
    expect(status).toBe(404);
    expect(kop).toBe('Deze link klopt niet');
    await page.close();
  });

  test('an expired link is refused', async () => {
    const { id, url } = await link('aanwezigheid');
    await db.prisma.link.update({ where: { id }, data: { verlooptOp: new Date(Date.now() - 1000) } });
    const { page, status, kop } = await open(url);
    expect(status).toBe(410);
    expect(kop).toBe('Deze link is verlopen');
    await page.close();
  });

  test('a revoked link is refused, also when its page was already open', async () => {
    const { id, url } = await link('aanwezigheid');
    const { page } = await open(url);
    const intrekken = await vraag(`${stack.api}/cases/${zaakId}/links/${id}`, {
      method: 'DELETE',
      token: t.coordinator,
    });
    expect(intrekken.status).toBe(204);
    const [antwoord] = await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(antwoord?.status()).toBe(410);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Deze link werkt niet meer');
    await page.close();
  });

  test('"het gaat niet goed" before the plan runs: the page says why it cannot be done yet', async () => {
    const { persoonId: petra } = await opdrachtViaApi(
      stack.api,
      zaakId,
      'deelnemer-toevoegen',
      {
        persoon: { naam: 'Petra Reclassering', email: `petra.${crypto.randomUUID().slice(0, 8)}@example.org` },
        rol: 'professional',
      },
      t.coordinator,
    );
    const { id, url } = await link('niet-goed', petra);
    const { page, kop } = await open(url);
    expect(kop).toBe('Het gaat niet goed');
    await page.type('#notitie', 'Vader is terug in huis.');
    const [antwoord] = await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(antwoord?.status()).toBe(409);
    // The same page again, saying why, with her words still in the field and the link still hers.
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Het gaat niet goed');
    expect(await page.$eval('[role=alert]', (m) => m.textContent)).toContain('Dit kan alleen in fase uitvoering');
    expect(await page.$eval('#notitie', (t) => (t as HTMLTextAreaElement).value)).toBe('Vader is terug in huis.');
    expect((await db.prisma.link.findUniqueOrThrow({ where: { id } })).gebruiktOp).toBeNull();
    // Nothing of the refused press shows on the case.
    expect(await db.prisma.tekst.findFirst({ where: { zaakId, inhoud: 'Vader is terug in huis.' } })).toBeNull();
    await page.close();
  });

  test('a link is only made for someone who can use it', async () => {
    // Oma is network: she cannot say "het gaat niet goed" on the professionals' behalf.
    const { status, body } = await vraag(`${stack.api}/cases/${zaakId}/links`, {
      body: { persoonId: oma, doel: 'niet-goed' },
      token: t.coordinator,
    });
    expect(status).toBe(422);
    expect(body.fouten[0]).toMatchObject({ veld: 'persoonId', regel: 'rol' });
    // And only by staff of the case.
    const ander = await tokenVoor(db.prisma, 'operations');
    const geweigerd = await vraag(`${stack.api}/cases/${zaakId}/links`, {
      body: { persoonId: oma, doel: 'aanwezigheid' },
      token: ander,
    });
    expect(geweigerd.status).toBe(403);
  });
});
