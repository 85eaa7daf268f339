// A case taken from request to closure through the API as its people would, and read back
// topic by topic by each role: every step can be read back, within each one's reach.
import crypto from 'node:crypto';
import type { Database } from '../prisma/database';
import { testDatabase } from './support/omgeving';
import { wereld, type Wereld } from './support/proces';
import { binnen, liveZaak, startStack, vraag, type Stack } from './support/stack';
import { opdrachtViaApi, tokenVoor } from './support/toegang';
import { geldigeAanvraag } from './support/zaken';

let db: Database;
let stack: Stack;
let w: Wereld;
const t: Record<string, string> = {};

beforeAll(async () => {
  db = await testDatabase();
  stack = await startStack({ database: db });
  w = await wereld(db.prisma);
  t.operations = await tokenVoor(db.prisma, 'operations');
  t.regiomanager = await tokenVoor(db.prisma, 'regiomanager', w.regiomanager);
  t.coordinator = await tokenVoor(db.prisma, 'coordinator', w.coordinatoren.anna);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await db?.close();
});

const lees = async (zaakId: string, pad: string, wie: string) => {
  const { status, body } = await vraag(`${stack.api}/cases/${zaakId}${pad}`, { token: t[wie] });
  expect({ pad, wie, status }).toEqual({ pad, wie, status: 200 });
  return body;
};

test('from request to closure through the API, and every step read back by each role', async () => {
  const aanvraag = geldigeAanvraag({ regio: w.regio });
  const gemaakt = await vraag(`${stack.api}/cases`, { body: aanvraag, token: t.operations });
  expect(gemaakt.status).toBe(201);
  const zaakId: string = gemaakt.body.id;
  const aanvrager = gemaakt.body.aanvrager.id as string;
  await liveZaak(stack.api, zaakId, t.operations);
  const doe = (pad: string, body: unknown, wie = 'coordinator') =>
    opdrachtViaApi(stack.api, zaakId, pad, body, t[wie]!);

  // The regiomanager reads the ranked candidates by name, with the reasons; offers the best.
  const kandidaten = await lees(zaakId, '/kandidaten', 'regiomanager');
  expect(kandidaten.passend[0]).toMatchObject({ persoonId: w.coordinatoren.anna, naam: 'Anna Coördinator' });
  expect(kandidaten.passend[0].redenen.map((r: { code: string }) => r.code)).toContain('taal');
  expect(kandidaten.uitgesloten).toEqual(
    expect.arrayContaining([expect.objectContaining({ persoonId: w.coordinatoren.carla, naam: 'Carla Coördinator' })]),
  );
  await doe('coordinator-kiezen', { coordinatorId: w.coordinatoren.anna }, 'regiomanager');

  // Anna reads what she is offered: region, emergency, wishes, question; no names or contact details.
  const aanbod = await binnen(30_000, async () => {
    const a = await vraag(`${stack.api}/cases/${zaakId}`, { token: t.coordinator });
    return a.status === 200 ? a.body : undefined;
  });
  expect(aanbod).toMatchObject({ aangeboden: true, regio: w.regio, vraag: aanvraag.vraag, wensen: aanvraag.wensen });
  for (const persoonlijk of ['Samira', 'Anna de Vries', '+316', '@example.org']) {
    expect(JSON.stringify(aanbod)).not.toContain(persoonlijk);
  }
  await doe('opdracht-beantwoorden', { aanvaard: true });
  await doe('contact-vastleggen', {});

  // The professional who asked for the conference joins as herself: one human, one person.
  const { persoonId: voogd } = await doe('deelnemer-toevoegen', {
    persoon: { naam: 'Anna de Vries', email: (aanvraag.aanvrager as { email: string }).email.toUpperCase() },
    rol: 'professional',
    wettelijkeRol: 'jeugdbescherming',
  });
  expect(voogd).toBe(aanvrager);
  t.professional = await tokenVoor(db.prisma, 'professional', voogd);
  const { persoonId: tante } = await doe('deelnemer-toevoegen', {
    persoon: { naam: 'Tante Fatima', email: `fatima.${crypto.randomUUID().slice(0, 8)}@example.org` },
    rol: 'netwerk',
    relatie: 'tante van moederskant',
  });
  for (const persoonId of [voogd, tante]) {
    await doe('deelnemer-bijwerken', { persoonId, uitnodiging: 'uitgenodigd', bezoek: 'bezocht' });
  }
  const { formulierId } = await doe(
    'voorwaarden-indienen',
    { zorgen: 'Geweld in huis.', voorwaarden: ['De kinderen wonen waar geen geweld is.'] },
    'professional',
  );
  await doe('voorwaarden-publiceren', { formulierId }, 'professional');

  // A date: the professional is asked, and answers.
  const { voorstelId } = await doe('datum-voorstellen', {
    op: new Date(Date.now() + 7 * 24 * 3_600_000).toISOString(),
  });
  await doe('beschikbaarheid-vastleggen', { voorstelId, beschikbaar: true }, 'professional');
  const voorstellen = await lees(zaakId, '/datumvoorstellen', 'coordinator');
  expect(voorstellen).toEqual([
    expect.objectContaining({
      id: voorstelId,
      beschikbaarheid: [{ professional: { persoonId: voogd, naam: 'Anna de Vries' }, beschikbaar: true }],
    }),
  ]);
  await doe('datum-bevestigen', { voorstelId });

  // A plan presented in the wrong phase is refused, and takes no version number.
  const plan = (wat: string) => ({
    acties: [{ wat, wie: 'Oma' }],
    hulpvragen: [{ professionalId: voogd, tekst: 'Begeleid vader.' }],
  });
  const te = await vraag(`${stack.api}/cases/${zaakId}/plan-presenteren`, {
    body: plan('Te vroeg'),
    token: t.coordinator,
  });
  expect(te.status).toBe(409);
  await doe('kring-compleet', { compleet: true });
  // The question of the request counts: the conference starts without typing it again.
  await doe('conferentie-starten', {});
  await doe('besloten-tijd-starten', {});
  await doe('plan-presenteren', plan('De kinderen slapen bij oma'));
  await doe(
    'toetsen',
    { oordelen: [{ nummer: 1, voldaan: false, reden: 'Nog geen plek zonder geweld.' }] },
    'professional',
  );
  await doe('plan-presenteren', plan('De kinderen wonen bij oma tot vader in behandeling is'));
  await doe('toetsen', { oordelen: [{ nummer: 1, voldaan: true, reden: 'Bij oma is het veilig.' }] }, 'professional');

  const plannen = await lees(zaakId, '/plannen', 'coordinator');
  expect(
    plannen.map((p: { versie: number; status: string; huidig: boolean }) => [p.versie, p.status, p.huidig]),
  ).toEqual([
    [1, 'gepresenteerd', false],
    [2, 'geaccepteerd', true],
  ]);
  expect((await lees(zaakId, '/plannen', 'professional'))[1].hulpvragen).toEqual([
    { professional: { persoonId: voogd, naam: 'Anna de Vries' }, tekst: 'Begeleid vader.' },
  ]);
  const toetsingen = await lees(zaakId, '/toetsingen', 'regiomanager');
  expect(
    toetsingen.map((r: { planVersie: number; ronde: number; oordelen: unknown[] }) => [
      r.planVersie,
      r.ronde,
      r.oordelen,
    ]),
  ).toEqual([
    [1, 1, [{ nummer: 1, voldaan: false, reden: 'Nog geen plek zonder geweld.' }]],
    [2, 2, [{ nummer: 1, voldaan: true, reden: 'Bij oma is het veilig.' }]],
  ]);
  expect(await lees(zaakId, '/voorwaarden', 'professional')).toEqual([
    expect.objectContaining({
      versie: 1,
      status: 'gepubliceerd',
      voorwaarden: [{ nummer: 1, tekst: 'De kinderen wonen waar geen geweld is.' }],
    }),
  ]);

  const dag = 24 * 3_600_000;
  await doe('afspraken-vastleggen', {
    aangewezen: [tante],
    eersteVoortgangsgesprek: new Date(Date.now() + 42 * dag).toISOString(),
    evaluatie: new Date(Date.now() + 182 * dag).toISOString(),
  });
  // The follow-up with a note is taken (it was refused before).
  await doe('vervolg-vastleggen', { notitie: 'Het gaat goed; oma houdt het vol.' });
  const { signaalId } = await doe('niet-goed-melden', { notitie: 'Vader drinkt weer.' }, 'professional');
  expect(signaalId).toEqual(expect.any(String));
  expect(await lees(zaakId, '/signalen', 'coordinator')).toEqual([
    expect.objectContaining({
      id: signaalId,
      door: { persoonId: voogd, naam: 'Anna de Vries' },
      notitie: 'Vader drinkt weer.',
      opgepaktOp: null,
    }),
  ]);

  // No closing over an open signal, unless the reason names it.
  const afsluiten = await vraag(`${stack.api}/cases/${zaakId}/afsluiten`, {
    body: { reden: 'Het gezin redt het zelf.' },
    token: t.regiomanager,
  });
  expect(afsluiten.status).toBe(409);
  expect(afsluiten.body.code).toBe('open-signaal');
  await doe(
    'afsluiten',
    { reden: 'Het gezin redt het zelf; het signaal is met oma besproken.', signalen: [signaalId] },
    'regiomanager',
  );

  const kring = await lees(zaakId, '/kring', 'coordinator');
  expect(kring.find((d: { persoonId: string }) => d.persoonId === tante)).toMatchObject({
    naam: 'Tante Fatima',
    rol: 'netwerk',
    relatie: 'tante van moederskant',
    uitnodiging: 'uitgenodigd',
    bezoek: 'bezocht',
    aangewezen: true,
    voorgesteldDoor: { persoonId: w.coordinatoren.anna, naam: 'Anna Coördinator' },
  });
  const afspraken = await lees(zaakId, '/afspraken', 'regiomanager');
  expect(afspraken).toMatchObject({
    aangewezen: [{ persoonId: tante, naam: 'Tante Fatima' }],
    vervolgcontrole: { gedaan: true },
    vervolgverslagen: [{ tekst: 'Het gaat goed; oma houdt het vol.' }],
    voortgangsgesprekken: [{ gehouden: false }],
    afsluiting: { soort: 'afgerond', reden: 'Het gezin redt het zelf; het signaal is met oma besproken.' },
  });
  expect((await lees(zaakId, '', 'regiomanager')).afsluiting).toMatchObject({ soort: 'afgerond' });

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
    data: { naam: 'Petra Reclassering', email: `petra.${crypto.randomUUID().slice(0, 8)}@example.org` },
  });
  t.petra = await tokenVoor(db.prisma, 'professional', professional.id);
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
  const { body } = await vraag(`${stack.api}/cases`, { token: t.petra });
  expect(body.zaken.map((z: { id: string }) => z.id).sort()).toEqual([...zaken].sort());
  const onbekend = await vraag(`${stack.api}/cases/${zaken[0]}/deelnemer-toevoegen`, {
    body: { persoonId: crypto.randomUUID(), rol: 'professional' },
    token: t.regiomanager,
  });
  expect(onbekend.status).toBe(422);
  expect(onbekend.body.fouten[0]).toMatchObject({ veld: 'persoonId' });
});
