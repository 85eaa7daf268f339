// The staff screens in Debian's Chromium, each person with her own account and browser:
// signing in by a link from the mail, a request through the form, an offer declined and one
// accepted, contact recorded; what a role may not see is "not found"; a form without its
// session's token is refused; a session ends. axe-core checks every page reached.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'puppeteer-core';
import { druk, metBrowser, startChromium, toegankelijk } from './support/chromium';
import type { Database } from '../prisma/database';
import { users } from '../launcher/gebruikers';
import { alsLokaalMoment } from '../schermen/velden';
import { testDatabase } from './support/omgeving';
import { wereld, type Wereld } from './support/proces';
import { binnen, startStack, type Stack } from './support/stack';

metBrowser('staff screens', () => {
  let db: Database;
  let stack: Stack;
  let browser: Browser;
  let w: Wereld;
  const email: Record<'sanne' | 'monique' | 'anna' | 'bram' | 'petra' | 'beheer', string> = {} as never;
  const pagina: Record<string, Page> = {};
  let zaakId: string;

  beforeAll(async () => {
    db = await testDatabase();
    stack = await startStack({ database: db, linkGeheim: crypto.randomBytes(32) });
    w = await wereld(db.prisma);
    const eigen = crypto.randomUUID().slice(0, 8);
    // The professional kring knows by her address: added to a case, she is this same person.
    const petra = await db.prisma.persoon.create({
      data: { naam: 'Petra Vos', organisatie: 'Jeugdbescherming', email: `petra.${eigen}@kring.test` },
    });
    const accounts: Array<[keyof typeof email, string, string?]> = [
      ['sanne', 'operations'],
      ['monique', 'regiomanager', w.regiomanager],
      ['anna', 'coordinator', w.coordinatoren.anna],
      ['bram', 'coordinator', w.coordinatoren.bram],
      ['petra', 'professional', petra.id],
      ['beheer', 'admin'],
    ];
    for (const [wie, rol, persoon] of accounts) {
      email[wie] = `${wie}.${eigen}@kring.test`;
      await users(db.prisma, ['add', email[wie], rol, ...(persoon ? ['--persoon', persoon] : [])]);
    }
    browser = await startChromium();
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await db?.close();
  });

  /** The newest sign-in link mailed to this address, as its addressee opens it. */
  async function linkUitMail(aan: string, na: Set<string>): Promise<string> {
    return binnen(30_000, async () => {
      const map = path.join(stack.uitbus, 'email');
      for (const bestand of fs.existsSync(map) ? fs.readdirSync(map) : []) {
        if (na.has(bestand)) continue;
        const mail = await simpleParser(fs.readFileSync(path.join(map, bestand)));
        const ontvanger = Array.isArray(mail.to) ? mail.to[0] : mail.to;
        const link = /http:\/\/kring\.test(\/aanmelden\/[\w-]+)/.exec(mail.text ?? '')?.[1];
        if (ontvanger?.text === aan && link) return `${stack.api}${link}`;
      }
      return undefined;
    });
  }

  /** Signs in as this person in a browser of her own: email on the page, link from the mail, one press. */
  async function aanmelden(wie: keyof typeof email, naar = '/'): Promise<Page> {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    // axe-core is injected by the test; the pages themselves allow no script.
    await page.setBypassCSP(true);
    await page.setViewport({ width: 360, height: 740 });
    await page.goto(`${stack.api}${naar}`);
    expect(new URL(page.url()).pathname).toBe('/aanmelden');
    await toegankelijk(page);
    const map = path.join(stack.uitbus, 'email');
    const eerder = new Set(fs.existsSync(map) ? fs.readdirSync(map) : []);
    await page.type('#veld-email', email[wie]);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    expect(await page.content()).toContain('aanmeldlink');
    const link = await linkUitMail(email[wie], eerder);
    await page.goto(link);
    await toegankelijk(page);
    await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
    // Where she was going: a page from a staff email opens after signing in.
    expect(new URL(page.url()).pathname).toBe(naar);
    // The link was for once.
    const nogmaals = await fetch(link, { method: 'POST', redirect: 'manual' });
    expect(nogmaals.status).toBe(410);
    pagina[wie] = page;
    return page;
  }

  const tekst = (page: Page) => page.evaluate(() => document.body.innerText);
  async function klik(page: Page, selector: string) {
    await Promise.all([page.waitForNavigation(), page.click(selector)]);
    await toegankelijk(page);
  }

  test('operations files a request through the form; what is missing is said next to its field', async () => {
    const page = await aanmelden('sanne');
    await klik(page, 'a[href="/aanvragen"]');
    await druk(page, 'Aanvraag vastleggen');
    expect(await page.$eval('#veld-hoofdpersoon-naam-fout', (e) => e.textContent)).toMatch(/verplicht/);
    expect(await page.$eval('#veld-hoofdpersoon-naam', (e) => e.getAttribute('aria-invalid'))).toBe('true');

    await page.select('#veld-regio', w.regio);
    await page.type('#veld-hoofdpersoon-naam', 'Samira El Idrissi');
    await page.type('#veld-hoofdpersoon-telefoon', '06 12345678');
    await page.select('#veld-aanvrager-relatie', 'hoofdpersoon');
    await page.type('#veld-vraag', 'Wat is er nodig zodat de kinderen veilig thuis kunnen wonen?');
    await druk(page, 'Aanvraag vastleggen');
    expect(await tekst(page)).toContain('De aanvraag is vastgelegd');
    zaakId = new URL(page.url()).pathname.split('/')[2]!;
    // Operations reads the summary: no name, no phone number.
    expect(await tekst(page)).not.toContain('Samira');
    expect(await tekst(page)).not.toContain('12345678');
    // Found again by the number as people write it, and by the reference in the messages.
    const gevonden = async (term: string) => {
      await page.goto(`${stack.api}/?zoek=${encodeURIComponent(term)}`);
      return (await page.$(`ul[aria-label^="Gevonden bij"] a[href="/zaken/${zaakId}"]`)) !== null;
    };
    for (const [term, verwacht] of [
      ['+31 6 1234 5678', true],
      [zaakId.slice(0, 8).toUpperCase(), true],
      ['samira el', true],
      ['06 87654321', false],
      [zaakId.startsWith('0') ? '11111111' : '00000000', false],
    ] as const) {
      expect({ term, gevonden: await gevonden(term) }).toEqual({ term, gevonden: verwacht });
    }
    await toegankelijk(page);
  });

  test('colleagues are invited from the screens; the regiomanager keeps the profiles of the coordinators she brought in, and no more', async () => {
    const beheer = await aanmelden('beheer');
    await klik(beheer, 'a[href="/beheer"]');
    const eva = `eva.${crypto.randomUUID().slice(0, 8)}@kring.test`;
    await formulier(
      beheer,
      'Uitnodigen',
      { naam: 'Eva Elders', email: eva, rol: 'coordinator' },
      'De uitnodiging is verstuurd',
    );
    // The invitation says where to sign in.
    const map = path.join(stack.uitbus, 'email');
    const uitnodiging = await binnen(30_000, async () => {
      for (const bestand of fs.readdirSync(map)) {
        const mail = await simpleParser(fs.readFileSync(path.join(map, bestand)));
        if ((Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text === eva) return mail.text;
      }
      return undefined;
    });
    expect(uitnodiging).toContain('http://kring.test/aanmelden');

    const monique = await aanmelden('monique');
    await klik(monique, 'a[href="/beheer"]');
    // Someone the administrator invited is not hers to place; regions and accounts are not hers at all.
    expect(await tekst(monique)).not.toContain('Eva Elders');
    const formulierSleutel = await monique.$eval('input[name=_formulier]', (e) => (e as HTMLInputElement).value);
    const cookie = (await monique.browserContext().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    for (const [pad, velden] of [
      ['/beheer/regios', { naam: 'Regio van Monique' }],
      ['/beheer/uitnodigen', { naam: 'Olaf', email: 'olaf@kring.test', rol: 'operations', taal: 'nl' }],
    ] as const) {
      const antwoord = await fetch(`${stack.api}${pad}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _formulier: formulierSleutel, ...velden }),
      });
      expect({ pad, status: antwoord.status }).toEqual({ pad, status: 403 });
    }
    expect(await db.prisma.regio.findUnique({ where: { naam: 'Regio van Monique' } })).toBeNull();
    expect(await db.prisma.gebruiker.findUnique({ where: { naam: 'olaf@kring.test' } })).toBeNull();

    const dewi = `dewi.${crypto.randomUUID().slice(0, 8)}@kring.test`;
    await formulier(monique, 'Uitnodigen', { naam: 'Dewi Coördinator', email: dewi }, 'De uitnodiging is verstuurd');
    // A period away that ends before it starts is said next to the field.
    await formulier(
      monique,
      'Profiel van Dewi Coördinator',
      {
        regios: [w.regio],
        talen: 'Nederlands, Indonesisch',
        'afwezig.van': '2027-02-10',
        'afwezig.tot': '2027-02-01',
        maxZaken: '2',
      },
      'voldoet niet aan de regels',
    );
    expect(await monique.$eval('#veld-afwezig-tot-fout', (e) => e.textContent)).toBe('Ligt vóór de eerste dag (van).');
    await formulier(
      monique,
      'Profiel van Dewi Coördinator',
      // Not available yet (so she is no candidate for the case the next test offers).
      {
        regios: [w.regio],
        talen: 'Nederlands, Indonesisch',
        'afwezig.van': '',
        'afwezig.tot': '',
        maxZaken: '2',
        beschikbaar: [],
      },
      'Het profiel is bijgewerkt',
    );
    expect(await tekst(monique)).toContain(
      'Dewi Coördinator: Nederlands, Indonesisch · 0 van 2 zaken · niet beschikbaar',
    );
  });

  test('the regiomanager offers the case by name; one coordinator declines, the next accepts and records contact', async () => {
    const monique = await aanmelden('monique');
    await toegankelijk(monique);
    expect(await tekst(monique)).toContain('Nieuwe aanvragen: kies een coördinator');
    await klik(monique, `a[href="/zaken/${zaakId}"]`);
    // The matching runs in the process: the candidates come once it has.
    await binnen(30_000, async () => {
      await monique.reload();
      return (await tekst(monique)).includes('Aanbieden aan Anna') ? true : undefined;
    });
    await druk(
      monique,
      (await monique.$$eval('button', (ks) => ks.map((k) => k.textContent!.trim()))).find((k) =>
        k.startsWith('Aanbieden aan Anna'),
      )!,
    );
    expect(await tekst(monique)).toContain('De zaak is aangeboden');

    const anna = await aanmelden('anna');
    expect(await tekst(anna)).toContain('Aangeboden: wilt u deze zaak?');
    await klik(anna, `a[href="/zaken/${zaakId}"]`);
    // Enough to decide; no contact details before she accepts.
    expect(await tekst(anna)).toContain('Wat is er nodig zodat de kinderen veilig thuis kunnen wonen?');
    expect(await tekst(anna)).not.toContain('12345678');
    await anna.type('#veld-reden', 'Deze weken heb ik geen ruimte.');
    await druk(anna, 'Ik wijs af');
    expect(await tekst(anna)).toContain('Uw antwoord is doorgegeven');

    // Declined: the process offers it to the next best at once; the regiomanager sees to whom.
    await binnen(30_000, async () => {
      await monique.goto(`${stack.api}/zaken/${zaakId}`);
      return (await tekst(monique)).includes('Aangeboden aan Bram Coördinator') ? true : undefined;
    });
    await toegankelijk(monique);

    const bram = await aanmelden('bram');
    await klik(bram, `a[href="/zaken/${zaakId}"]`);
    await druk(bram, 'Ik neem de zaak aan');
    await binnen(30_000, async () => {
      await bram.goto(`${stack.api}/zaken/${zaakId}`);
      return (await tekst(bram)).includes('12345678') ? true : undefined;
    });
    await bram.click('details.kring-opdracht summary');
    await druk(bram, 'Contact vastleggen');
    expect(await tekst(bram)).toContain('Voorbereiding');
  });

  test('a professional opening a case she has no part in finds nothing', async () => {
    const petra = await aanmelden('petra');
    const antwoord = await petra.goto(`${stack.api}/zaken/${zaakId}`);
    expect(antwoord?.status()).toBe(404);
    expect(await tekst(petra)).toContain('Niet gevonden');
    await toegankelijk(petra);
  });

  /**
   * Fills in the form with this title and sends it: text by field name, a select by its value
   * or the words of its option, yes/no as "true"/"false", a list of boxes by their labels.
   * The page it leads to must say it was done; otherwise the test says what the page said.
   */
  async function formulier(
    page: Page,
    titel: string,
    velden: Record<string, string | string[]> = {},
    verwacht: string | RegExp = /Gedaan|doorgegeven|aangeboden/,
  ) {
    // Waiting for the navigation before the form goes: a fast answer cannot slip past the wait.
    const navigatie = page.waitForNavigation();
    await page.evaluate(
      (titel, velden) => {
        const form = document.querySelector<HTMLFormElement>(`form[aria-label="${titel}"]`);
        if (!form)
          throw new Error(`no form "${titel}" on ${location.pathname}: ${document.body.innerText.slice(0, 2000)}`);
        for (const [naam, waarde] of Object.entries(velden)) {
          const elementen = Array.from(form.querySelectorAll<HTMLInputElement>(`[name="${naam}"]`));
          if (elementen.length === 0) throw new Error(`form "${titel}" has no field ${naam}`);
          const [eerste] = elementen;
          const labelVan = (e: Element) => document.querySelector(`label[for="${e.id}"]`)?.textContent ?? '';
          if (eerste!.type === 'radio') {
            elementen.find((e) => e.value === waarde)!.checked = true;
          } else if (eerste!.type === 'checkbox') {
            for (const e of elementen) e.checked = (waarde as string[]).some((w) => labelVan(e).includes(w));
          } else if (eerste!.tagName === 'SELECT') {
            const select = eerste as unknown as HTMLSelectElement;
            const opties = Array.from(select.options);
            // "#1": the first real choice (after "Kies …").
            const optie =
              waarde === '#1'
                ? opties.find((o) => o.value !== '')
                : opties.find((o) => o.value === waarde || o.text.includes(waarde as string));
            if (!optie) throw new Error(`${naam}: no option ${waarde} in ${opties.map((o) => o.text)}`);
            select.value = optie.value;
          } else {
            eerste!.value = waarde as string;
          }
        }
        form.requestSubmit();
      },
      titel,
      velden,
    );
    await navigatie;
    const na = await tekst(page);
    const gelukt = typeof verwacht === 'string' ? na.includes(verwacht) : verwacht.test(na);
    if (!gelukt) throw new Error(`${titel}: ${na.slice(0, 3000)}`);
    await toegankelijk(page);
  }

  /** A moment some minutes ago, as a datetime-local field in Amsterdam takes it. */
  const geleden = (minuten: number) => alsLokaalMoment(new Date(Date.now() - minuten * 60_000));

  /** A moment so many days ahead, as a datetime-local field takes it. */
  const over = (dagen: number) => {
    const d = new Date(Date.now() + dagen * 24 * 3_600_000);
    return `${d.toISOString().slice(0, 10)}T19:00`;
  };

  test('the case walked on through the screens: conditions, the conference, an unmet condition, the plan, a signal, a revised plan, closure', async () => {
    const bram = pagina.bram!;
    const petra = pagina.petra!;
    const monique = pagina.monique!;
    const open = () => bram.goto(`${stack.api}/zaken/${zaakId}`);
    await open();
    await formulier(bram, 'De vraag', { vraag: 'Wat is er nodig zodat de kinderen veilig thuis kunnen wonen?' });
    await formulier(bram, 'Iemand aan de kring toevoegen', {
      'persoon.naam': 'Petra Vos',
      rol: 'professional',
      wettelijkeRol: 'jeugdbescherming',
      'persoon.email': email.petra,
      'persoon.organisatie': 'Jeugdbescherming',
    });
    await formulier(bram, 'Iemand aan de kring toevoegen', {
      'persoon.naam': 'Tante Yasmina',
      rol: 'netwerk',
      relatie: 'tante',
      voorgesteldDoor: 'Samira',
    });
    // The suggestion is on the circle, by name.
    expect(await tekst(bram)).toMatch(/Tante Yasmina[\s\S]*Samira El Idrissi/);
    await formulier(bram, 'Uitnodiging of bezoek bijwerken', {
      persoonId: 'Tante Yasmina',
      uitnodiging: 'uitgenodigd',
      bezoek: 'bezocht',
    });

    // Petra's own case now: her conditions, published.
    await petra.goto(`${stack.api}/zaken/${zaakId}`);
    expect(await tekst(petra)).not.toContain('12345678');
    await formulier(petra, 'Uw zorgen en voorwaarden', {
      zorgen: 'Er is geweld in huis geweest.',
      'voorwaarden[0]': 'De kinderen wonen op een plek zonder geweld.',
    });
    await formulier(petra, 'Voorwaarden zichtbaar maken', { formulierId: 'Versie 1' });

    await open();
    await formulier(bram, 'Een datum voorstellen', { op: over(10) });
    await petra.goto(`${stack.api}/zaken/${zaakId}`);
    await formulier(petra, 'Beschikbaarheid op een voorgestelde datum', { voorstelId: '#1', beschikbaar: 'true' });
    await open();
    expect(await tekst(bram)).toContain('Petra Vos: kan');
    await formulier(bram, 'De datum bevestigen', { voorstelId: '#1' });
    await formulier(bram, 'De kring is compleet', { compleet: 'true' });
    await formulier(bram, 'De conferentie begint');
    await formulier(bram, 'Aanwezig in het informatiedeel', { professionalId: 'Petra', aanwezig: 'true' });
    await formulier(bram, 'Besloten tijd');
    await formulier(bram, 'Het plan van de familie', {
      'acties[0].wat': 'De kinderen slapen bij oma als het thuis onrustig is',
      'acties[0].wie': 'Oma',
      [`hulpvraag.${(await db.prisma.persoon.findFirstOrThrow({ where: { email: email.petra } })).id}`]:
        'Begeleid vader naar de verslavingszorg.',
    });

    // Petra: the condition is not met, with her reason; the family goes back into besloten tijd.
    await petra.goto(`${stack.api}/zaken/${zaakId}`);
    expect(await tekst(petra)).toContain('Begeleid vader naar de verslavingszorg.');
    await formulier(petra, 'Het plan toetsen aan uw voorwaarden', {
      'oordelen[0].voldaan': 'false',
      'oordelen[0].reden': 'Waar de kinderen wonen als vader terugkomt, staat er niet in.',
    });
    await open();
    expect(await tekst(bram)).toContain('Niet voldaan');
    await formulier(bram, 'Het plan van de familie', {
      'acties[0].wat': 'De kinderen wonen bij oma tot vader drie maanden zonder incident is',
      'acties[0].wie': 'Oma en vader',
    });
    await petra.goto(`${stack.api}/zaken/${zaakId}`);
    await formulier(petra, 'Het plan toetsen aan uw voorwaarden', {
      'oordelen[0].voldaan': 'true',
      'oordelen[0].reden': 'Zo is het veilig.',
    });
    await open();
    await formulier(bram, 'Afspraken bij het plan', {
      aangewezen: ['Tante Yasmina'],
      eersteVoortgangsgesprek: over(42),
      evaluatie: over(180),
    });
    expect(await tekst(bram)).toContain('Uitvoering van het plan');

    // "Het gaat niet goed" from Petra; the regiomanager sees it waiting.
    await petra.goto(`${stack.api}/zaken/${zaakId}`);
    await formulier(petra, 'Het gaat niet goed', { notitie: 'Vader is weer thuis.' });
    await monique.goto(`${stack.api}/`);
    expect(await tekst(monique)).toMatch(/Open meldingen "het gaat niet goed"\s*Samira/);

    // The circle meets again, with a revised plan that Petra checks.
    await open();
    await formulier(bram, 'De kring kwam opnieuw bijeen', {
      op: geleden(1),
      aanwezigen: ['Samira', 'Tante Yasmina'],
      signaalId: 'Petra',
      'herzienPlan.acties[0].wat': 'Vader woont bij zijn broer; de kinderen blijven thuis met moeder',
      'herzienPlan.acties[0].wie': 'Vader',
    });
    await petra.goto(`${stack.api}/zaken/${zaakId}`);
    await formulier(petra, 'Het plan toetsen aan uw voorwaarden', {
      'oordelen[0].voldaan': 'true',
      'oordelen[0].reden': 'Ook zo is het veilig.',
    });
    await open();
    expect(await tekst(bram)).toMatch(/Versie 3 \(geaccepteerd\) — geldt nu/);
    // The evaluation is months away; the regiomanager may close earlier, with a reason.
    expect(await tekst(bram)).not.toContain('De evaluatie');

    await monique.goto(`${stack.api}/zaken/${zaakId}`);
    await formulier(monique, 'De zaak afsluiten', { reden: 'Het plan werkt; de kring is akkoord.' });
    expect(await tekst(monique)).toContain('Het plan werkt; de kring is akkoord.');
    expect((await db.prisma.zaak.findUniqueOrThrow({ where: { id: zaakId } })).fase).toBe('afgesloten');
  });

  test('a form without its session token is refused, and nothing happens', async () => {
    const cookies = await pagina.bram!.browserContext().cookies();
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const antwoord = await fetch(`${stack.api}/zaken/${zaakId}/vraag-vastleggen`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ vraag: 'Een andere vraag' }),
      redirect: 'manual',
    });
    expect(antwoord.status).toBe(403);
    expect(await antwoord.text()).toContain('Dit formulier is verlopen');
    expect((await db.prisma.zaak.findUniqueOrThrow({ where: { id: zaakId } })).vraag).not.toBe('Een andere vraag');
  });

  test('a session ends when left idle, and on signing out', async () => {
    const anna = pagina.anna!;
    const sessies = await db.prisma.sessie.findMany({ where: { gebruiker: { naam: email.anna } } });
    await db.prisma.sessie.updateMany({
      where: { id: { in: sessies.map((s) => s.id) } },
      data: { laatstGebruiktOp: new Date(Date.now() - 3 * 60 * 60_000) },
    });
    await anna.goto(`${stack.api}/zaken/${zaakId}`);
    expect(new URL(anna.url()).pathname).toBe('/aanmelden');
    expect(new URL(anna.url()).searchParams.get('naar')).toBe(`/zaken/${zaakId}`);

    // A staff email's link, opened signed out: sign in, and the case page is there.
    const monique = await aanmelden('monique', `/zaken/${zaakId}`);
    expect(await tekst(monique)).toContain('Afgesloten');

    const bram = pagina.bram!;
    await druk(bram, 'Afmelden');
    await bram.goto(`${stack.api}/`);
    expect(new URL(bram.url()).pathname).toBe('/aanmelden');
  });
});
