// A case taken from request to closure through the API as its people would, and read back
// topic by topic by each role: every step can be read back, within each one's reach.
import crypto from 'node:crypto';
import type { Database } from '../prisma/database';
import { testDatabase } from './support/omgeving';
import { wereld, type Wereld } from './support/proces';
import { binnen, liveZaak, startStack, vraag, type Stack } from './support/stack';
import { opdrachtViaApi, stafTokens, tokenVoor } from './support/toegang';
import { geldigeAanvraag } from './support/zaken';

let db: Database;
let stack: Stack;
let w: Wereld;
let t: Record<string, string>;

beforeAll(async () => {
  db = await testDatabase();
  stack = await startStack({ database: db, linkGeheim: crypto.randomBytes(32) });
  w = await wereld(db.prisma);
  t = await stafTokens(db.prisma, w);
  t.bram = await tokenVoor(db.prisma, 'coordinator', w.coordinatoren.bram);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await db?.close();
});

const adres = (naam: string) => `${naam}.${crypto.randomUUID().slice(0, 8)}@example.org`;

async function lees(zaakId: string, pad: string, wie: string) {
  const { status, body } = await vraag(`${stack.api}/cases/${zaakId}${pad}`, { token: t[wie] });
  expect({ pad, wie, status }).toEqual({ pad, wie, status: 200 });
  return body;
}

const ids = (lijst: Array<{ persoonId: string }>) => lijst.map((x) => x.persoonId);

test('from request to closure through the API, and every step read back by each role', async () => {
  const aanvraag = geldigeAanvraag({ regio: w.regio });
  const gemaakt = await vraag(`${stack.api}/cases`, { body: aanvraag, token: t.operations });
  expect(gemaakt.status).toBe(201);
  const zaakId: string = gemaakt.body.id;
  const aanvrager = gemaakt.body.aanvrager.id as string;
  await liveZaak(stack.api, zaakId, t.operations);
  const doe = (pad: string, body: unknown, wie = 'coordinator') =>
    opdrachtViaApi(stack.api, zaakId, pad, body, t[wie]!);
  const zaakVoor = (wie: string) => vraag(`${stack.api}/cases/${zaakId}`, { token: t[wie] });

  // The regiomanager reads the ranked candidates by name, with the reasons.
  const kandidaten = await lees(zaakId, '/kandidaten', 'regiomanager');
  expect(kandidaten.passend[0]).toMatchObject({ persoonId: w.coordinatoren.anna, naam: 'Anna Coördinator' });
  expect(kandidaten.passend[0].redenen.map((r: { code: string }) => r.code)).toContain('taal');
  // A coordinator of another region is no business of this case: not listed at all.
  const genoemd = [...kandidaten.passend, ...kandidaten.uitgesloten].map((k: { persoonId: string }) => k.persoonId);
  expect(genoemd).not.toContain(w.coordinatoren.carla);

  // She offers it to Bram, who reads the summary and declines; it goes to Anna at once, and
  // Bram no longer reads it.
  await doe('coordinator-kiezen', { coordinatorId: w.coordinatoren.bram }, 'regiomanager');
  const aanbod = await binnen(30_000, async () => {
    const a = await zaakVoor('bram');
    return a.status === 200 ? a.body : undefined;
  });
  expect(aanbod).toMatchObject({ aangeboden: true, regio: w.regio, vraag: aanvraag.vraag, wensen: aanvraag.wensen });
  for (const persoonlijk of ['Samira', 'Anna de Vries', '+316', '@example.org']) {
    expect(JSON.stringify(aanbod)).not.toContain(persoonlijk);
  }
  await doe('opdracht-beantwoorden', { aanvaard: false, reden: 'Ik ken de familie.' }, 'bram');
  expect((await zaakVoor('bram')).status).toBe(404);
  expect((await zaakVoor('coordinator')).body).toMatchObject({ aangeboden: true });
  await doe('opdracht-beantwoorden', { aanvaard: true });
  await doe('contact-vastleggen', {});

  // The professional who asked for the conference joins as herself: one human, one person.
  const { persoonId: voogd } = await doe('deelnemer-toevoegen', {
    persoon: { naam: 'anna de vries', email: (aanvraag.aanvrager as { email: string }).email.toUpperCase() },
    rol: 'professional',
    wettelijkeRol: 'jeugdbescherming',
  });
  expect(voogd).toBe(aanvrager);
  const { persoonId: petra } = await doe('deelnemer-toevoegen', {
    persoon: { naam: 'Petra Reclassering', email: adres('petra') },
    rol: 'professional',
    wettelijkeRol: 'reclassering',
  });
  t.voogd = await tokenVoor(db.prisma, 'professional', voogd);
  t.petra = await tokenVoor(db.prisma, 'professional', petra);
  const fatima = adres('fatima');
  const { persoonId: tante } = await doe('deelnemer-toevoegen', {
    persoon: { naam: 'Tante Fatima', email: fatima },
    rol: 'netwerk',
    relatie: 'tante van moederskant',
  });
  // Another name at the same address is someone else: a family may share one address.
  const { persoonId: oom } = await doe('deelnemer-toevoegen', {
    persoon: { naam: 'Oom Karim', email: fatima },
    rol: 'netwerk',
    voorgesteldDoor: tante,
  });
  expect(oom).not.toBe(tante);
  for (const persoonId of [voogd, petra, tante, oom]) {
    await doe('deelnemer-bijwerken', { persoonId, uitnodiging: 'uitgenodigd', bezoek: 'bezocht' });
  }
  for (const [wie, voorwaarde] of [
    ['voogd', 'De kinderen wonen waar geen geweld is.'],
    ['petra', 'Vader houdt zich aan zijn meldplicht.'],
  ] as const) {
    const { formulierId } = await doe('voorwaarden-indienen', { zorgen: 'Zorgen.', voorwaarden: [voorwaarde] }, wie);
    await doe('voorwaarden-publiceren', { formulierId }, wie);
  }

  // Tante answers her invitation through her link, with a note.
  const { body: link } = await vraag(`${stack.api}/cases/${zaakId}/links`, {
    body: { persoonId: tante, doel: 'aanwezigheid' },
    token: t.coordinator,
  });
  const pers = await fetch(link.url.replace('http://kring.test', stack.api), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'notitie=Ik+neem+de+kinderen+mee.',
  });
  expect(pers.status).toBe(200);

  // A date: the professionals are asked, and answer; each reads her own answer only.
  const { voorstelId } = await doe('datum-voorstellen', {
    op: new Date(Date.now() + 7 * 24 * 3_600_000).toISOString(),
  });
  await doe('beschikbaarheid-vastleggen', { voorstelId, beschikbaar: true }, 'voogd');
  await doe('beschikbaarheid-vastleggen', { voorstelId, beschikbaar: false }, 'petra');
  const beschikbaarheid = (lijst: Array<{ beschikbaarheid: unknown[] }>) => lijst[0]!.beschikbaarheid;
  expect(beschikbaarheid(await lees(zaakId, '/datumvoorstellen', 'coordinator'))).toHaveLength(2);
  expect(beschikbaarheid(await lees(zaakId, '/datumvoorstellen', 'petra'))).toEqual([
    { professional: { persoonId: petra, naam: 'Petra Reclassering' }, beschikbaar: false },
  ]);
  await doe('datum-bevestigen', { voorstelId });

  // A plan presented in the wrong phase is refused, and takes no version number.
  const plan = (wat: string) => ({
    acties: [{ wat, wie: 'Oma' }],
    hulpvragen: [
      { professionalId: voogd, tekst: 'Begeleid vader.' },
      { professionalId: petra, tekst: 'Houd contact met vader over zijn meldplicht.' },
    ],
  });
  const teVroeg = await vraag(`${stack.api}/cases/${zaakId}/plan-presenteren`, {
    body: plan('Te vroeg'),
    token: t.coordinator,
  });
  expect(teVroeg.status).toBe(409);
  await doe('kring-compleet', { compleet: true });
  // The question of the request counts: the conference starts without typing it again.
  await doe('conferentie-starten', {});
  await doe('besloten-tijd-starten', {});
  const oordeel = (voldaan: boolean, reden: string) => ({ oordelen: [{ nummer: 1, voldaan, reden }] });
  await doe('plan-presenteren', plan('De kinderen slapen bij oma'));
  await doe('toetsen', oordeel(false, 'Nog geen plek zonder geweld.'), 'voogd');
  await doe('toetsen', oordeel(true, 'Meldplicht geregeld.'), 'petra');
  await doe('plan-presenteren', plan('De kinderen wonen bij oma tot vader in behandeling is'));
  await doe('toetsen', oordeel(true, 'Bij oma is het veilig.'), 'voogd');
  await doe('toetsen', oordeel(true, 'Meldplicht geregeld.'), 'petra');

  const versies = (lijst: Array<{ versie: number; status: string; huidig: boolean }>) =>
    lijst.map((p) => [p.versie, p.status, p.huidig]);
  expect(versies(await lees(zaakId, '/plannen', 'coordinator'))).toEqual([
    [1, 'gepresenteerd', false],
    [2, 'geaccepteerd', true],
  ]);
  expect((await lees(zaakId, '/plannen', 'coordinator'))[1].hulpvragen).toHaveLength(2);
  expect((await lees(zaakId, '/plannen', 'petra'))[1].hulpvragen).toEqual([
    {
      professional: { persoonId: petra, naam: 'Petra Reclassering' },
      tekst: 'Houd contact met vader over zijn meldplicht.',
    },
  ]);
  const rondes = (lijst: Array<{ planVersie: number; ronde: number; professional: { persoonId: string } }>) =>
    lijst.map((r) => [r.planVersie, r.ronde, r.professional.persoonId]);
  expect(rondes(await lees(zaakId, '/toetsingen', 'regiomanager'))).toEqual([
    [1, 1, voogd],
    [1, 1, petra],
    [2, 2, voogd],
    [2, 2, petra],
  ]);
  const eigen = await lees(zaakId, '/toetsingen', 'voogd');
  expect(rondes(eigen)).toEqual([
    [1, 1, voogd],
    [2, 2, voogd],
  ]);
  expect(eigen[0].oordelen).toEqual([{ nummer: 1, voldaan: false, reden: 'Nog geen plek zonder geweld.' }]);
  // A professional reads her own form and the published ones of others.
  expect(
    (await lees(zaakId, '/voorwaarden', 'petra'))
      .map((f: { professional: { persoonId: string } }) => f.professional.persoonId)
      .sort(),
  ).toEqual([voogd, petra].sort());

  const dag = 24 * 3_600_000;
  await doe('afspraken-vastleggen', {
    aangewezen: [tante],
    eersteVoortgangsgesprek: new Date(Date.now() + 42 * dag).toISOString(),
    evaluatie: new Date(Date.now() + 182 * dag).toISOString(),
  });
  await doe('vervolg-vastleggen', { notitie: 'Het gaat goed; oma houdt het vol.' });

  // "Het gaat niet goed": the circle reconvenes with a revised plan, which both professionals check.
  const { signaalId } = await doe('niet-goed-melden', { notitie: 'Vader drinkt weer.' }, 'voogd');
  expect(signaalId).toEqual(expect.any(String));
  const { herzienPlanId } = await doe('bijeenkomst-vastleggen', {
    op: new Date().toISOString(),
    aanwezigen: [tante, oom],
    signaalId,
    herzienPlan: plan('Vader gaat in behandeling; de kinderen blijven bij oma'),
  });
  expect(versies(await lees(zaakId, '/plannen', 'coordinator')).at(-1)).toEqual([3, 'gepresenteerd', false]);
  // Until it is checked, the plan in force is still version 2.
  expect((await zaakVoor('voogd')).body.plan).toMatchObject({ versie: 2, huidig: true });
  await doe('toetsen', oordeel(true, 'Behandeling geregeld.'), 'voogd');
  await doe('toetsen', oordeel(true, 'Meldplicht blijft.'), 'petra');
  expect(versies(await lees(zaakId, '/plannen', 'coordinator')).slice(1)).toEqual([
    [2, 'vervangen', false],
    [3, 'geaccepteerd', true],
  ]);

  // A second signal is still open at closure: refused, unless the reason names it.
  const { signaalId: tweede } = await doe('niet-goed-melden', { notitie: 'Oma is ziek.' }, 'petra');
  const afsluiten = await vraag(`${stack.api}/cases/${zaakId}/afsluiten`, {
    body: { reden: 'Het gezin redt het zelf.' },
    token: t.regiomanager,
  });
  expect([afsluiten.status, afsluiten.body.code]).toEqual([409, 'open-signaal']);
  const reden = 'Het gezin redt het zelf; de ziekte van oma is met de kring besproken.';
  await doe('afsluiten', { reden, signalen: [tweede] }, 'regiomanager');

  const signalen = await lees(zaakId, '/signalen', 'coordinator');
  expect(signalen).toEqual([
    expect.objectContaining({
      id: signaalId,
      door: { persoonId: voogd, naam: 'Anna de Vries' },
      notitie: 'Vader drinkt weer.',
      opgepaktOp: expect.any(String),
      afgeslotenMetDeZaakOp: null,
    }),
    expect.objectContaining({
      id: tweede,
      notitie: 'Oma is ziek.',
      opgepaktOp: null,
      afgeslotenMetDeZaakOp: expect.any(String),
    }),
  ]);
  const kring = await lees(zaakId, '/kring', 'coordinator');
  expect(ids(kring).sort()).toEqual([gemaakt.body.hoofdpersoon.id, voogd, petra, tante, oom].sort());
  expect(kring.find((d: { persoonId: string }) => d.persoonId === tante)).toMatchObject({
    naam: 'Tante Fatima',
    rol: 'netwerk',
    relatie: 'tante van moederskant',
    uitnodiging: 'bevestigd',
    bezoek: 'bezocht',
    aangewezen: true,
    voorgesteldDoor: { persoonId: w.coordinatoren.anna, naam: 'Anna Coördinator' },
    notities: [expect.objectContaining({ tekst: 'Ik neem de kinderen mee.' })],
  });
  expect(kring.find((d: { persoonId: string }) => d.persoonId === oom).voorgesteldDoor).toEqual({
    persoonId: tante,
    naam: 'Tante Fatima',
  });
  const afspraken = await lees(zaakId, '/afspraken', 'regiomanager');
  expect(afspraken).toMatchObject({
    aangewezen: [{ persoonId: tante, naam: 'Tante Fatima' }],
    vervolgcontrole: { gedaan: true },
    vervolgverslagen: [{ tekst: 'Het gaat goed; oma houdt het vol.' }],
    voortgangsgesprekken: [{ gehouden: false }],
    bijeenkomsten: [{ signaalId, herzienPlan: { id: herzienPlanId, versie: 3 } }],
    afsluiting: { soort: 'afgerond', reden },
  });
  expect(ids(afspraken.bijeenkomsten[0].aanwezigen).sort()).toEqual([tante, oom].sort());
  expect((await lees(zaakId, '', 'regiomanager')).afsluiting).toMatchObject({ soort: 'afgerond', reden });

  // Every read is in the audit trail.
  const audit = await lees(zaakId, '/audit', 'regiomanager');
  const gelezen = new Set(audit.gebeurtenissen.map((e: { actie: string }) => e.actie));
  for (const pad of [
    'kandidaten',
    'datumvoorstellen',
    'plannen',
    'toetsingen',
    'voorwaarden',
    'signalen',
    'kring',
    'afspraken',
  ]) {
    expect(gelezen).toContain(`${pad}.ingezien`);
  }
});

test('a professional takes part in two cases as one person, with one account', async () => {
  const zaken: string[] = [];
  const professional = await db.prisma.persoon.create({
    data: { naam: 'Petra Reclassering', email: adres('petra') },
  });
  t.petra2 = await tokenVoor(db.prisma, 'professional', professional.id);
  for (const _ of [1, 2]) {
    const { body } = await vraag(`${stack.api}/cases`, {
      body: geldigeAanvraag({ regio: w.regio }),
      token: t.operations,
    });
    await liveZaak(stack.api, body.id, t.operations);
    await opdrachtViaApi(
      stack.api,
      body.id,
      'deelnemer-toevoegen',
      { persoonId: professional.id, rol: 'professional' },
      t.regiomanager,
    );
    zaken.push(body.id);
  }
  const { body } = await vraag(`${stack.api}/cases`, { token: t.petra2 });
  expect(body.zaken.map((z: { id: string }) => z.id).sort()).toEqual([...zaken].sort());
  const onbekend = await vraag(`${stack.api}/cases/${zaken[0]}/deelnemer-toevoegen`, {
    body: { persoonId: crypto.randomUUID(), rol: 'professional' },
    token: t.regiomanager,
  });
  expect(onbekend.status).toBe(422);
  expect(onbekend.body.fouten[0]).toMatchObject({ veld: 'persoonId' });
});
