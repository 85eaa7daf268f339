// The family's side of a whole case, as the outbox holds it per recipient and as they see it in
// Debian's Chromium: every message that asks for an answer carries a working link, the answer
// reaches the case and the coordinator, a refused press keeps the link and the note, the
// conference date and its move reach calendars (iCalendar REQUEST, then CANCEL), the plan
// goes to those whose plan it is (a professional reads only her share), and no SMS carries a
// name, a place or the plan. Link pages in Dutch and English, checked with axe-core.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ical, { type VEvent } from 'node-ical';
import type { Browser, Page } from 'puppeteer-core';
import type { Database } from '../prisma/database';
import { metBrowser, startChromium, toegankelijk } from './support/chromium';
import { testDatabase } from './support/omgeving';
import { wereld, type Wereld } from './support/proces';
import { binnen, startStack, vraag, type Stack } from './support/stack';
import { opdrachtViaApi, stafTokens, tokenVoor, zaakInVoorbereiding } from './support/toegang';

const DAG = 24 * 3_600_000;
const PLAATS = 'Buurthuis De Schakel, Lange Nieuwstraat 114, Nieuwegein';

metBrowser('the family and the network: messages with links, answers that reach the case', () => {
  let db: Database;
  let stack: Stack;
  let browser: Browser;
  let w: Wereld;
  let t: Awaited<ReturnType<typeof stafTokens>>;
  let zaakId: string;
  const p: Record<'samira' | 'oma' | 'john' | 'petra' | 'anna' | 'ali', string> = {} as never;
  let petraToken: string;

  const doe = (pad: string, body: unknown, token = t.coordinator) =>
    opdrachtViaApi(stack.api, zaakId, pad, body, token);
  const adres = (naam: string) => `${naam}.${crypto.randomUUID().slice(0, 8)}@example.org`;
  /** Someone joins the circle through the API: their person id. */
  const doetMee = async (deelnemer: Record<string, unknown>): Promise<string> =>
    (await doe('deelnemer-toevoegen', deelnemer)).persoonId;

  beforeAll(async () => {
    db = await testDatabase();
    stack = await startStack({ database: db, linkGeheim: crypto.randomBytes(32) });
    w = await wereld(db.prisma);
    t = await stafTokens(db.prisma, w);
    zaakId = await zaakInVoorbereiding(stack.api, w, t);
    const hoofd = await db.prisma.deelnemer.findFirstOrThrow({ where: { zaakId, rol: 'hoofdpersoon' } });
    p.samira = hoofd.persoonId;
    p.anna = w.coordinatoren.anna;
    // Oma has a phone only; John reads English; Petra is the professional with conditions.
    p.oma = await doetMee({
      persoon: { naam: 'Fatima Bakker', telefoon: '06-22233344' },
      rol: 'netwerk',
      relatie: 'oma',
    });
    p.john = await doetMee({
      persoon: { naam: 'John Miller', email: adres('john'), taal: 'en' },
      rol: 'netwerk',
      relatie: 'oom',
    });
    p.petra = await doetMee({
      persoon: { naam: 'Petra Voogd', email: adres('petra') },
      rol: 'professional',
      wettelijkeRol: 'jeugdbescherming',
    });
    petraToken = await tokenVoor(db.prisma, 'professional', p.petra);
    browser = await startChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await db?.close();
  });

  /** The outbox rows of one kind to one person, once there are `aantal` of them. */
  function berichten(persoon: string, soort: string, aantal = 1) {
    return binnen(30_000, async () => {
      const rijen = await db.prisma.bericht.findMany({
        where: { zaakId, melding: { ontvangerId: persoon, soort } },
        include: { melding: true },
        orderBy: { aangemaaktOp: 'asc' },
      });
      return rijen.length >= aantal ? rijen : undefined;
    });
  }
  const eenBericht = async (persoon: string, soort: string) => (await berichten(persoon, soort))[0]!;

  /** The one-click links in a text, pointing at this test's server. */
  function links(tekst: string): string[] {
    return [...tekst.matchAll(/http:\/\/kring\.test(\/l\/[\w-]{22}\.[\w-]{22})/g)].map((m) => `${stack.api}${m[1]}`);
  }
  const link = (tekst: string) => {
    const [eerste] = links(tekst);
    if (!eerste) throw new Error(`no link in: ${tekst}`);
    return eerste;
  };

  async function open(url: string): Promise<Page> {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    // axe-core is injected by the test; the pages themselves allow no script.
    await page.setBypassCSP(true);
    await page.setViewport({ width: 360, height: 740 });
    const antwoord = await page.goto(url);
    expect(antwoord?.status()).toBe(200);
    await toegankelijk(page);
    return page;
  }
  const tekst = (page: Page) => page.evaluate(() => document.body.innerText);
  const kop = (page: Page) => page.$eval('h1', (h) => h.textContent);
  async function druk(page: Page, woorden: string): Promise<number | undefined> {
    const i = await page.$$eval('button', (ks, x) => ks.findIndex((k) => k.textContent?.trim() === x), woorden);
    if (i < 0) throw new Error(`no button "${woorden}" on ${page.url()}`);
    const [antwoord] = await Promise.all([page.waitForNavigation(), page.$$('button').then((ks) => ks[i]!.click())]);
    await toegankelijk(page);
    return antwoord?.status();
  }

  function agenda(tekst: string | null) {
    expect(tekst).not.toBeNull();
    const gelezen = ical.sync.parseICS(tekst!);
    const event = Object.values(gelezen).find((x) => x?.type === 'VEVENT') as VEvent;
    const methode = /^METHOD:(\w+)/m.exec(tekst!)?.[1];
    return { methode, event };
  }

  test('the invitation carries a link to answer; each answer and its note reach the coordinator', async () => {
    for (const wie of [p.oma, p.john]) await doe('deelnemer-bijwerken', { persoonId: wie, uitnodiging: 'uitgenodigd' });

    const [smsOma] = await berichten(p.oma, 'uitnodiging');
    expect(smsOma!.kanaal).toBe('sms');
    expect(smsOma!.inhoud).toMatch(/^Eigen Kracht: uitnodiging voor een conferentie\. Komt u\? http/);
    const mailJohn = await eenBericht(p.john, 'uitnodiging');
    expect(mailJohn.onderwerp).toBe('Invitation to the Eigen Kracht conference for Samira');
    expect(mailJohn.inhoud).toContain('Coordinator Anna');

    // Oma on her phone: she cannot come, and says why.
    const page = await open(link(smsOma!.inhoud));
    expect(await page.$eval('html', (h) => h.lang)).toBe('nl');
    expect(await kop(page)).toBe('Komt u naar de Eigen Kracht-conferentie?');
    expect(await tekst(page)).toContain('Samira');
    await page.type('#notitie', 'Ik ben dan bij mijn zus in Marokko.');
    expect(await druk(page, 'Nee, ik kan niet')).toBe(200);
    expect(await tekst(page)).toContain('De coördinator weet nu dat u niet kunt komen.');

    // The coordinator is told, with the name in the email only, and reads the note on the case.
    const [aanAnna] = await berichten(p.anna, 'aanwezigheid.doorgegeven');
    expect(aanAnna!.onderwerp).toContain('Fatima Bakker kan niet komen');
    expect(aanAnna!.inhoud).toContain('Er is een notitie bij');
    const { body: kring } = await vraag(`${stack.api}/cases/${zaakId}/kring`, { token: t.coordinator });
    const oma = kring.find((d: { persoonId: string }) => d.persoonId === p.oma);
    expect(oma.uitnodiging).toBe('afgemeld');
    expect(oma.notities.map((n: { tekst: string }) => n.tekst)).toEqual(['Ik ben dan bij mijn zus in Marokko.']);

    // The trip is off: the same link again, and she comes after all.
    const opnieuw = await open(link(smsOma!.inhoud));
    expect(await tekst(opnieuw)).toContain('U heeft al laten weten dat u niet kunt komen.');
    expect(await druk(opnieuw, 'Ja, ik kom')).toBe(200);
    const [, tweede] = await berichten(p.anna, 'aanwezigheid.doorgegeven', 2);
    expect(tweede!.onderwerp).toContain('Fatima Bakker komt');
    expect(tweede!.inhoud).not.toContain('notitie');
    await opnieuw.close();

    // John reads English, and comes.
    const engels = await open(link(mailJohn.inhoud));
    expect(await engels.$eval('html', (h) => h.lang)).toBe('en');
    expect(await kop(engels)).toBe('Will you come to the Eigen Kracht conference?');
    expect(await druk(engels, 'Yes, I will come')).toBe(200);
    expect(await tekst(engels)).toContain('The coordinator now knows you will come.');
    await binnen(
      30_000,
      async () =>
        (await db.prisma.deelnemer.findFirst({ where: { zaakId, persoonId: p.john, uitnodiging: 'bevestigd' } })) ??
        undefined,
    );
    await page.close();
    await engels.close();
  });

  test('the conditions are read through the link in the message; the coordinator gets her own text', async () => {
    await doe('deelnemer-bijwerken', { persoonId: p.petra, uitnodiging: 'uitgenodigd', bezoek: 'bezocht' });
    const { formulierId } = await doe(
      'voorwaarden-indienen',
      { zorgen: 'Geweld in huis.', voorwaarden: ['De kinderen wonen waar geen geweld is.'] },
      petraToken,
    );
    await doe('voorwaarden-publiceren', { formulierId }, petraToken);
    const sms = await eenBericht(p.oma, 'voorwaarden.gedeeld');
    const page = await open(link(sms.inhoud));
    expect(await kop(page)).toBe('De voorwaarden voor het plan');
    expect(await tekst(page)).toContain('De kinderen wonen waar geen geweld is.');
    expect(await tekst(page)).toContain('Petra Voogd');
    const aanAnna = await eenBericht(p.anna, 'voorwaarden.gedeeld');
    expect(aanAnna.onderwerp).toMatch(/^Zaak [0-9A-F]{8}: voorwaarden gedeeld$/);
    expect(links(aanAnna.inhoud)).toEqual([]);
    await page.close();
  });

  test('the date and place go into calendars; a moved date is cancelled there and the new one sent', async () => {
    const eerste = new Date(Date.now() + 7 * DAG);
    const { voorstelId } = await doe('datum-voorstellen', { op: eerste.toISOString(), plaats: PLAATS });
    await doe('datum-bevestigen', { voorstelId });

    const mail = await eenBericht(p.john, 'datum.bevestigd');
    expect(mail.inhoud).toContain(PLAATS);
    const verzoek = agenda(mail.agenda);
    expect(verzoek.methode).toBe('REQUEST');
    expect(verzoek.event.start.getTime()).toBe(Math.floor(eerste.getTime() / 1000) * 1000);
    expect(verzoek.event.location).toBe(PLAATS);
    // The email as it went out carries the calendar part.
    const eml = await binnen(30_000, async () => {
      const bestand = path.join(stack.uitbus, 'email', `${mail.id}.eml`);
      return fs.existsSync(bestand) ? fs.readFileSync(bestand, 'utf8') : undefined;
    });
    expect(eml).toMatch(/text\/calendar; ?charset=utf-8; ?method=REQUEST/i);
    // The coordinator's own text, with the invitation for her calendar too.
    const aanAnna = await eenBericht(p.anna, 'datum.bevestigd');
    expect(aanAnna.onderwerp).toMatch(/^Zaak [0-9A-F]{8}: conferentie op /);
    expect(agenda(aanAnna.agenda).methode).toBe('REQUEST');

    // Oma's page names when, where and whom to call; her SMS names none of it but the date.
    const sms = await eenBericht(p.oma, 'datum.bevestigd');
    expect(sms.inhoud).not.toContain('Buurthuis');
    const page = await open(link(sms.inhoud));
    const pagina = await tekst(page);
    expect(pagina).toContain(PLAATS);
    expect(pagina).toContain('Anna');
    await page.close();

    // Ali is invited once the date stands: his invitation puts it in his calendar.
    p.ali = await doetMee({ persoon: { naam: 'Ali Bakker', email: adres('ali') }, rol: 'netwerk', relatie: 'neef' });
    await doe('deelnemer-bijwerken', { persoonId: p.ali, uitnodiging: 'uitgenodigd' });
    const voorAli = agenda((await eenBericht(p.ali, 'uitnodiging')).agenda);
    expect(voorAli.event.uid).toBe(verzoek.event.uid);

    // The date moves: John's calendar loses the first and gets the second.
    const tweede = new Date(Date.now() + 8 * DAG);
    const nieuw = await doe('datum-voorstellen', { op: tweede.toISOString(), plaats: PLAATS });
    await doe('datum-bevestigen', { voorstelId: nieuw.voorstelId });
    const [, volgende] = await berichten(p.john, 'datum.bevestigd', 2);
    const afzegging = await eenBericht(p.john, 'conferentie.vervallen');
    const weg = agenda(afzegging.agenda);
    expect(weg.methode).toBe('CANCEL');
    expect(weg.event.uid).toBe(verzoek.event.uid);
    expect(Number(weg.event.sequence)).toBeGreaterThan(Number(verzoek.event.sequence));
    expect(afzegging.onderwerp).toContain('moved');
    const erbij = agenda(volgende!.agenda);
    expect(erbij.methode).toBe('REQUEST');
    expect(erbij.event.uid).not.toBe(verzoek.event.uid);
    expect(erbij.event.start.getTime()).toBe(Math.floor(tweede.getTime() / 1000) * 1000);
    // The cancellation goes out before the new invitation.
    expect(afzegging.aangemaaktOp.getTime()).toBeLessThanOrEqual(volgende!.aangemaaktOp.getTime());
    // The coordinator's calendar loses it too, with her own words.
    const voorAnna = await eenBericht(p.anna, 'conferentie.vervallen');
    expect(voorAnna.onderwerp).toMatch(/^Zaak [0-9A-F]{8}: conferentie van .* verplaatst$/);
    expect(agenda(voorAnna.agenda).methode).toBe('CANCEL');

    // Moved once more: only the second date is cancelled now, the first was already.
    const derde = await doe('datum-voorstellen', { op: new Date(Date.now() + 9 * DAG).toISOString(), plaats: PLAATS });
    await doe('datum-bevestigen', { voorstelId: derde.voorstelId });
    await berichten(p.john, 'datum.bevestigd', 3);
    const afzeggingen = await berichten(p.john, 'conferentie.vervallen', 2);
    expect(afzeggingen.map((b) => agenda(b.agenda).event.uid)).toEqual([verzoek.event.uid, erbij.event.uid]);
    // Ali, invited late, loses the first date from his calendar as well.
    const [aliEruit] = await berichten(p.ali, 'conferentie.vervallen');
    expect(agenda(aliEruit!.agenda).event.uid).toBe(verzoek.event.uid);

    // Back to the second date after all: it goes into calendars again, above its cancellation.
    await doe('datum-bevestigen', { voorstelId: nieuw.voorstelId });
    const bevestigingen = await berichten(p.john, 'datum.bevestigd', 4);
    const terug = agenda(bevestigingen[3]!.agenda);
    expect(terug.methode).toBe('REQUEST');
    expect(terug.event.uid).toBe(erbij.event.uid);
    expect(Number(terug.event.sequence)).toBeGreaterThan(Number(agenda(afzeggingen[1]!.agenda).event.sequence));
  });

  test('a press the process refuses keeps the link and the note, and says why', async () => {
    await doe('kring-compleet', { compleet: true });
    await doe('conferentie-starten', {});
    const mail = await eenBericht(p.john, 'uitnodiging');
    const page = await open(link(mail.inhoud));
    await page.type('#notitie', 'I will bring the photo album.');
    expect(await druk(page, 'No, I cannot come')).toBe(409);
    expect(await page.$eval('[role=alert]', (a) => a.textContent)).toContain('Nothing has changed');
    expect(await page.$eval('#notitie', (n) => (n as HTMLTextAreaElement).value)).toBe('I will bring the photo album.');
    expect(await db.prisma.tekst.findFirst({ where: { zaakId, inhoud: 'I will bring the photo album.' } })).toBeNull();
    const { body: kring } = await vraag(`${stack.api}/cases/${zaakId}/kring`, { token: t.coordinator });
    expect(kring.find((d: { persoonId: string }) => d.persoonId === p.john).uitnodiging).toBe('bevestigd');
    // The link still opens.
    expect((await fetch(link(mail.inhoud))).status).toBe(200);
    await page.close();
  });

  test('the plan reaches each their part; "het gaat niet goed" and its taking up reach the coordinator', async () => {
    await doe('besloten-tijd-starten', {});
    await doe('plan-presenteren', {
      acties: [{ wat: 'De kinderen slapen bij oma als het thuis onrustig is', wie: 'Oma' }],
      hulpvragen: [{ professionalId: p.petra, tekst: 'Begeleid vader naar de verslavingszorg.' }],
    });
    await doe('toetsen', { oordelen: [{ nummer: 1, voldaan: true, reden: 'Oma woont zonder geweld.' }] }, petraToken);
    await doe('afspraken-vastleggen', {
      aangewezen: [p.oma],
      eersteVoortgangsgesprek: new Date(Date.now() + 30 * DAG).toISOString(),
      evaluatie: new Date(Date.now() + 120 * DAG).toISOString(),
    });

    // Samira (email): the whole plan, a standing "het gaat niet goed" link, and how it went.
    const samira = await eenBericht(p.samira, 'plan.aanvaard');
    expect(samira.onderwerp).toBe('Het plan van Samira');
    expect(samira.inhoud).toContain('1. De kinderen slapen bij oma als het thuis onrustig is (wie: Oma)');
    expect(samira.inhoud).toContain('Petra Voogd: Begeleid vader naar de verslavingszorg.');
    expect(links(samira.inhoud)).toHaveLength(3);
    // Petra: only what is asked of her.
    const petra = await eenBericht(p.petra, 'plan.aanvaard');
    expect(petra.inhoud).toContain('Begeleid vader naar de verslavingszorg.');
    expect(petra.inhoud).not.toContain('slapen bij oma');
    // John, in English.
    const john = await eenBericht(p.john, 'plan.aanvaard');
    expect(john.onderwerp).toBe('The plan of Samira');

    // Petra opens her link: her share, nothing of the family's own agreements.
    const voorPetra = await open(link(petra.inhoud));
    expect(await tekst(voorPetra)).toContain('Begeleid vader naar de verslavingszorg.');
    expect(await tekst(voorPetra)).not.toContain('slapen bij oma');
    await voorPetra.close();

    // Oma, the designated person, reads the plan on her phone; from it she reaches her
    // standing "het gaat niet goed" page, which says whom to call in an emergency.
    const sms = await eenBericht(p.oma, 'plan.aanvaard');
    expect(links(sms.inhoud)).toHaveLength(1);
    const plan = await open(link(sms.inhoud));
    expect(await tekst(plan)).toContain('De kinderen slapen bij oma als het thuis onrustig is');
    await Promise.all([plan.waitForNavigation(), plan.click('a[href^="/l/"]')]);
    await toegankelijk(plan);
    expect(await kop(plan)).toBe('Het gaat niet goed');
    expect(await tekst(plan)).toContain('112');
    expect(await tekst(plan)).toContain('0800-2000');

    // Samira says it through the link in her email; the coordinator hears of it at once.
    const [, nietGoed] = links(samira.inhoud);
    const melden = await open(nietGoed!);
    await melden.type('#notitie', 'Vader is weer thuis.');
    expect(await druk(melden, 'Het gaat niet goed')).toBe(200);
    expect(await tekst(melden)).toContain('Uw melding is doorgegeven');
    await eenBericht(p.anna, 'signaal.gemeld');
    // A standing link: it is there for the next time too.
    expect((await fetch(nietGoed!)).status).toBe(200);
    await melden.close();

    // As the designated person, Oma is asked to call the circle together, and takes it up.
    const vraagOma = await eenBericht(p.oma, 'niet-goed');
    const signaal = await open(link(vraagOma.inhoud));
    expect(await kop(signaal)).toBe('Wilt u het netwerk bij elkaar roepen?');
    expect(await druk(signaal, 'Ik roep de kring bij elkaar')).toBe(200);
    const opgepakt = await eenBericht(p.anna, 'signaal.opgepakt');
    expect(opgepakt.onderwerp).toContain('is opgepakt');

    // Later, the same link: the circle has met. The coordinator hears it and records the meeting.
    const later = await open(link(vraagOma.inhoud));
    expect(await tekst(later)).toContain('Is de kring bij elkaar geweest?');
    await later.type('#notitie', 'Vader gaat weer naar de verslavingszorg.');
    expect(await druk(later, 'De kring is bij elkaar geweest')).toBe(200);
    const bijeen = await eenBericht(p.anna, 'kring.bijeen');
    expect(bijeen.inhoud).toContain('Leg de bijeenkomst vast');
    const { body: signalen } = await vraag(`${stack.api}/cases/${zaakId}/signalen`, { token: t.coordinator });
    expect(signalen[0]).toMatchObject({ notitie: 'Vader is weer thuis.', kringBijeenOp: expect.any(String) });
    expect(signalen[0].kringBijeenVerslag).toBe('Vader gaat weer naar de verslavingszorg.');
    // Said once; the link now says so instead of offering it again.
    const daarna = await open(link(vraagOma.inhoud));
    expect(await tekst(daarna)).toContain('De kring is over dit signaal bij elkaar geweest');
    expect(await daarna.$$('form')).toHaveLength(0);
    await later.close();
    await daarna.close();
    await plan.close();
    await signaal.close();
  });

  test('each participant may say how it went; the report shows it per group', async () => {
    const john = await eenBericht(p.john, 'plan.aanvaard');
    // John's email: the plan and how it went (no standing "not going well" link: he is not designated).
    expect(links(john.inhoud)).toHaveLength(2);
    const page = await open(links(john.inhoud).at(-1)!);
    expect(await kop(page)).toBe('How was the Eigen Kracht conference for you?');
    // Without a choice: asked again, nothing stored.
    expect(await druk(page, 'Send')).toBe(422);
    await page.click('#score-4');
    await page.type('#notitie', 'Good to see everyone together.');
    expect(await druk(page, 'Send')).toBe(200);

    const samira = await eenBericht(p.samira, 'plan.aanvaard');
    const haarLink = links(samira.inhoud).at(-1)!;
    const formulier = await fetch(haarLink).then((r) => r.text());
    const poging = /name="_sleutel" value="([\w-]+)"/.exec(formulier)![1]!;
    const antwoord = await fetch(haarLink, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _sleutel: poging, score: '5' }).toString(),
    });
    expect(antwoord.status).toBe(200);

    const jaar = new Date().getUTCFullYear();
    const { body } = await vraag(`${stack.api}/rapportage?jaar=${jaar}&regio=${encodeURIComponent(w.regio)}`, {
      token: t.regiomanager,
    });
    const rij = body.regels.find((r: { aanvragen: number }) => r.aanvragen > 0);
    // Counted per group; one answer is too few for an average that would not give it away.
    expect(rij).toMatchObject({
      tevredenheidFamilieAantal: 1,
      tevredenheidFamilieGemiddeld: null,
      tevredenheidNetwerkAantal: 1,
      tevredenheidNetwerkGemiddeld: null,
      tevredenheidProfessionalsAantal: 0,
    });
    const bewaard = await db.prisma.tevredenheid.findMany({ where: { zaakId }, orderBy: { groep: 'asc' } });
    expect(bewaard.map((x) => [x.groep, x.score, x.opmerking])).toEqual([
      ['familie', 5, null],
      ['netwerk', 4, 'Good to see everyone together.'],
    ]);
    // The regiomanager reads the answers of the case, remarks included and without names; the
    // coordinator, whom they may be about, does not.
    const gelezen = await vraag(`${stack.api}/cases/${zaakId}/tevredenheid`, { token: t.regiomanager });
    expect(
      gelezen.body.map((x: { groep: string; score: number; opmerking: string | null }) => [
        x.groep,
        x.score,
        x.opmerking,
      ]),
    ).toEqual([
      ['familie', 5, null],
      ['netwerk', 4, 'Good to see everyone together.'],
    ]);
    expect(JSON.stringify(gelezen.body)).not.toContain('John');
    expect((await vraag(`${stack.api}/cases/${zaakId}/tevredenheid`, { token: t.coordinator })).status).toBe(403);
    await page.close();
  });

  test('every SMS says who, what, when and a link: no name, no place, no plan; every link opens', async () => {
    const alle = await db.prisma.bericht.findMany({ where: { zaakId }, include: { melding: true } });
    const aanDeelnemers = alle.filter((b) => !['coordinator', 'regiomanager'].includes(b.melding.rol));
    const sms = aanDeelnemers.filter((b) => b.kanaal === 'sms');
    expect(sms.length).toBeGreaterThanOrEqual(6);
    const namen = (await db.prisma.persoon.findMany({ where: { id: { in: Object.values(p) } } })).flatMap((x) =>
      x.naam.split(' '),
    );
    for (const b of sms) {
      expect(b.inhoud.startsWith('Eigen Kracht: ')).toBe(true);
      expect(b.inhoud.length).toBeLessThanOrEqual(160);
      for (const woord of [...namen, 'Buurthuis', 'Nieuwegein', 'slapen', 'verslavingszorg', 'geweld']) {
        // The words, not the links: a random token may well spell "El".
        const woorden = b.inhoud.replace(/http:\/\/\S+/g, '');
        expect({ sms: b.inhoud, woord, bevat: woorden.includes(woord) }).toMatchObject({ bevat: false });
      }
    }
    // Every link kring sent to a participant still opens (none of them was for once).
    const urls = [...new Set(aanDeelnemers.flatMap((b) => links(b.inhoud)))];
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const url of urls) expect({ url, status: (await fetch(url)).status }).toEqual({ url, status: 200 });
  });

  test('withdrawn before the conference: the date leaves the calendars and the links stop', async () => {
    const ander = await zaakInVoorbereiding(stack.api, w, t);
    const nog = (pad: string, body: unknown) => opdrachtViaApi(stack.api, ander, pad, body, t.coordinator);
    const { voorstelId } = await nog('datum-voorstellen', { op: new Date(Date.now() + 9 * DAG).toISOString() });
    await nog('datum-bevestigen', { voorstelId });
    // Invited once the date stands: the invitation names it and puts it in her calendar.
    const { persoonId: tante } = await nog('deelnemer-toevoegen', {
      persoon: { naam: 'Tante Noor', email: `noor.${crypto.randomUUID().slice(0, 8)}@example.org` },
      rol: 'netwerk',
    });
    await nog('deelnemer-bijwerken', { persoonId: tante, uitnodiging: 'uitgenodigd' });
    const van = (persoon: string, soort: string) =>
      binnen(
        30_000,
        async () =>
          (await db.prisma.bericht.findFirst({
            where: { zaakId: ander, melding: { ontvangerId: persoon, soort } },
          })) ?? undefined,
      );
    const uitnodiging = await van(tante, 'uitnodiging');
    expect(uitnodiging.inhoud).toContain('De conferentie is op ');
    const erin = agenda(uitnodiging.agenda);
    expect(erin.methode).toBe('REQUEST');

    await nog('intrekken', { reden: 'De familie wil het zelf oplossen.' });
    const afzegging = await van(tante, 'conferentie.vervallen');
    expect(afzegging.onderwerp).toContain('gaat niet door');
    const eruit = agenda(afzegging.agenda);
    expect(eruit.methode).toBe('CANCEL');
    expect(eruit.event.uid).toBe(`conferentie.${voorstelId}@kring.eigen-kracht`);
    expect(Number(eruit.event.sequence)).toBeGreaterThan(Number(erin.event.sequence));
    const voorAnna = await van(p.anna, 'conferentie.vervallen');
    expect(voorAnna.onderwerp).toMatch(/vervallen$/);

    // Her link now says the case is closed, in words.
    const dicht = await fetch(link(uitnodiging.inhoud));
    expect(dicht.status).toBe(410);
    expect(await dicht.text()).toContain('Deze zaak is afgesloten');
  });
});
