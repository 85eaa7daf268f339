// The retention sweep under Temporal's time-skipping server: a case closes, two years pass in
// a moment, and the daily sweep takes its names, contact details and free text, while the
// report and the audit trail stay as they were and a case under a legal hold is left alone.
// On a database of its own: the sweep touches every due case it finds.
import crypto from 'node:crypto';
import { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import { lokaleUitbus } from '../activities/verzenders';
import type { Bewaarverslag } from '../activities/bewaartermijn';
import { rapportageVan } from '../api/rapportage';
import type { Database } from '../prisma/database';
import { achtergeblevenenAnonimiseren, persoonWissen, pseudoniem, zaakAnonimiseren } from '../prisma/anonimisering';
import { sporenSinks } from '../service/sporen';
import { aanvraagVastleggen, deelnemerBewaren, ZaakAanvraag } from '../zaakproces';
import { alleRijen, eigenTestDatabase, tempDir, workflowBundle } from './support/omgeving';
import { wereld } from './support/proces';
import { DAG, scenario, totUitvoering, totVoorbereiding, type Omgeving } from './support/scenario';
import { tijdsprongOmgeving } from './support/tijdsprong';

let db: Database;
let wegruimen: () => Promise<void>;

beforeAll(async () => {
  ({ database: db, wegruimen } = await eigenTestDatabase());
});
afterAll(async () => {
  await db?.close();
  await wegruimen?.();
});

const alsTekst = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));

/** What a due case held that names or describes people: the values the sweep must take. */
async function persoonlijkeGegevens(zaakId: string): Promise<string[]> {
  const p = db.prisma;
  const medewerkers = new Set(
    [
      ...(await p.gebruiker.findMany({ select: { persoonId: true } })).map((g) => g.persoonId),
      ...(await p.coordinator.findMany({ select: { persoonId: true } })).map((c) => c.persoonId),
      ...(await p.regioManager.findMany({ select: { persoonId: true } })).map((r) => r.persoonId),
    ].filter((id): id is string => id !== null),
  );
  const zaak = await p.zaak.findUniqueOrThrow({
    where: { id: zaakId },
    include: {
      deelnemers: { include: { persoon: true } },
      teksten: true,
      formulieren: { include: { voorwaarden: true } },
      datumvoorstellen: true,
      plannen: { include: { acties: true, hulpvragen: true } },
      toetsingen: { include: { oordelen: true } },
      tevredenheden: true,
    },
  });
  const waarden = [
    zaak.vraag,
    ...zaak.deelnemers
      .filter((d) => !medewerkers.has(d.persoonId))
      .flatMap((d) => [d.persoon.naam, d.persoon.email, d.persoon.telefoon]),
    ...zaak.teksten.map((t) => t.inhoud),
    ...zaak.formulieren.flatMap((f) => [f.zorgen, ...f.voorwaarden.map((v) => v.tekst)]),
    ...zaak.datumvoorstellen.map((d) => d.plaats),
    ...zaak.plannen.flatMap((p) => [...p.acties.flatMap((a) => [a.wat, a.wie]), ...p.hulpvragen.map((h) => h.tekst)]),
    ...zaak.toetsingen.flatMap((t) => t.oordelen.map((o) => o.reden)),
    ...zaak.tevredenheden.map((t) => t.opmerking),
  ];
  // Short words ("Oma") occur in other texts; their columns are checked one by one below.
  return [...new Set(waarden.filter((w): w is string => typeof w === 'string' && w.length >= 8))];
}

/** Runs one sweep; its history is kept to search for what it must not hold. */
const geschiedenissen: string[] = [];
async function sweep(o: Omgeving): Promise<Bewaarverslag> {
  const handle = await o.p.client.workflow.start('bewaartermijn', {
    taskQueue: o.p.taskQueue,
    workflowId: `bewaartermijn-${crypto.randomUUID()}`,
  });
  const verslag: Bewaarverslag = await handle.result();
  // Payloads (base64 in the history's JSON form) as the text they carry, so a search sees inside them.
  geschiedenissen.push(
    JSON.stringify(await handle.fetchHistory(), (k, v) =>
      k === 'data' && typeof v === 'string' ? Buffer.from(v, 'base64').toString('utf8') : v,
    ),
  );
  return verslag;
}

test('two years after closing, the sweep anonymises the case; the report and audit stay; a held case is untouched', async () => {
  await scenario(db, async (o) => {
    await o.naarMiddag();
    // A case that went the whole way: circle, conditions, plan, toetsing, messages.
    const zaak = await o.nieuweZaak({
      wensen: { taal: 'Arabisch', geslacht: 'vrouw', toelichting: 'Liefst iemand die ook Tamazight verstaat' },
    });
    await db.prisma.persoon.update({
      where: { id: zaak.hoofdpersoonId },
      data: { naam: 'Yasmina Bouzid', telefoon: '+31612345678' },
    });
    const { tante, professionals } = await totUitvoering(o, zaak);
    // Her number once answered STOP; the professional had an account, blocked since he left.
    await db.prisma.smsAfmelding.create({ data: { nummer: '+31612345678' } });
    const professional = await db.prisma.persoon.findUniqueOrThrow({ where: { id: professionals[0]! } });
    const oudAccount = await db.prisma.gebruiker.create({
      data: { naam: professional.email!, rol: 'professional', persoonId: professional.id, geblokkeerdOp: new Date() },
    });
    await db.prisma.datumVoorstel.updateMany({
      where: { zaakId: zaak.id },
      data: { plaats: 'Bij oma thuis, Dorpsstraat 12 in Utrecht' },
    });
    await db.prisma.tevredenheid.create({
      data: {
        zaakId: zaak.id,
        persoonId: tante,
        groep: 'netwerk',
        score: 4,
        opmerking: 'Fijn dat oma er ook bij was.',
      },
    });
    const link = await db.prisma.link.create({
      data: {
        zaakId: zaak.id,
        persoonId: tante,
        doel: 'plan',
        verlooptOp: new Date(Date.now() + 365 * DAG),
        eenmalig: false,
      },
    });
    const redenId = await zaak.tekst('reden', 'Het gezin redt het nu zelf, zegt Yasmina.');
    expect((await zaak.opdracht('intrekken', { door: zaak.door.regiomanager, redenId })).fase).toBe('afgesloten');

    // A second case, closed too, under a legal hold.
    const bewaard = await o.nieuweZaak();
    await totVoorbereiding(bewaard);
    const bewaardeReden = await bewaard.tekst('reden', 'Gestopt: de rechter beslist eerst over de omgang.');
    await bewaard.opdracht('annuleren', { door: bewaard.door.regiomanager, redenId: bewaardeReden });
    await db.prisma.zaak.update({
      where: { id: bewaard.id },
      data: { bewarenSinds: new Date(), bewarenReden: 'Verzoek van de rechtbank, zaaknummer C/16/123' },
    });
    const bewaardVoor = alsTekst(
      await db.prisma.zaak.findUniqueOrThrow({
        where: { id: bewaard.id },
        include: { deelnemers: { include: { persoon: true } }, teksten: true },
      }),
    );

    // Someone stored for a command that was refused: in no case at all.
    const los = await db.prisma.persoon.create({
      data: { naam: 'Losse Opa Gerrit', email: `opa.gerrit.${crypto.randomUUID().slice(0, 8)}@example.org` },
    });
    const gegevens = [
      ...(await persoonlijkeGegevens(zaak.id)),
      'Liefst iemand die ook Tamazight verstaat',
      los.naam,
      los.email!,
    ];
    // The matching's reasons quoted her wish ("spreekt Arabisch"); Arabic is also in the coordinators' own profiles.
    const redenen = async () =>
      JSON.stringify(
        (await db.prisma.gebeurtenis.findMany({ where: { zaakId: zaak.id, soort: 'kandidaten' } })).map(
          (g) => g.details,
        ),
      );
    expect(await redenen()).toContain('spreekt Arabisch');
    for (const verwacht of [
      'Yasmina Bouzid',
      '+31612345678',
      'Tante Fatima',
      'Bij oma thuis',
      'Fijn dat oma',
      'Zorgen over de veiligheid',
      'verslavingszorg',
      'Geregeld in het plan',
      'veilig kunnen opgroeien',
    ])
      expect(gegevens.some((g) => g.includes(verwacht))).toBe(true);
    const rapportVoor = await rapportageVan(db.prisma, { regio: o.w.regio });
    const auditVoor = alsTekst(
      await db.prisma.auditEvent.findMany({ where: { zaakId: zaak.id }, orderBy: { id: 'asc' } }),
    );
    expect(rapportVoor).toEqual([
      expect.objectContaining({
        aanvragen: 2,
        conferenties: 1,
        ingetrokken: 1,
        geannuleerd: 1,
        tevredenheidNetwerkAantal: 1,
      }),
    ]);

    // Before the period has passed, nothing happens.
    expect(await sweep(o)).toEqual({ zaken: 0, personen: 0, aangehouden: 0, mislukt: 0 });
    await o.env.sleep(731 * DAG);
    // Main person (who also asked), aunt and professional: nobody else's case names them; and the one in none.
    expect(await sweep(o)).toEqual({ zaken: 1, personen: 4, aangehouden: 1, mislukt: 0 });

    const rijen = await alleRijen(db.prisma);
    for (const waarde of gegevens) expect(rijen.filter((r) => r.includes(waarde))).toEqual([]);
    // Nor did the sweep's own history ever hold them: ids and counts only.
    for (const waarde of gegevens) expect(geschiedenissen.filter((g) => g.includes(waarde))).toEqual([]);
    expect(geschiedenissen.join('\n')).toContain(zaak.id);
    const na = await db.prisma.zaak.findUniqueOrThrow({
      where: { id: zaak.id },
      include: { deelnemers: { include: { persoon: true } }, plannen: { include: { acties: true } } },
    });
    expect(na.geanonimiseerdOp).not.toBeNull();
    expect(na.plannen.flatMap((p) => p.acties.map((a) => [a.wat, a.wie]))).toEqual([
      ['', ''],
      ['', ''],
    ]);
    // Every message to anyone in it has lost address and text; the count stays.
    const berichten = await db.prisma.bericht.findMany({ where: { zaakId: zaak.id } });
    expect(berichten.length).toBeGreaterThan(10);
    expect(berichten.filter((b) => b.adres || b.inhoud || b.onderwerp || b.agenda)).toEqual([]);
    // The family's people are pseudonyms now, the same one wherever they appear; staff keep their names.
    const namen = Object.fromEntries(na.deelnemers.map((d) => [d.persoonId, d.persoon.naam]));
    expect(namen[tante]).toBe(pseudoniem(tante));
    expect(namen[professionals[0]!]).toBe(pseudoniem(professionals[0]!));
    expect(namen[zaak.hoofdpersoonId]).toBe(pseudoniem(zaak.hoofdpersoonId));
    expect(namen[o.w.coordinatoren.anna]).toBe('Anna Coördinator');
    expect(na.wensen).toEqual({});
    expect(await redenen()).not.toContain('Arabisch');
    expect(await redenen()).toContain('spreekt de gewenste taal');
    expect((await db.prisma.gebruiker.findUniqueOrThrow({ where: { id: oudAccount.id } })).naam).toBe(
      `gewist-${oudAccount.id}`,
    );
    // Anonymised, the aunt cannot be added to a case again: she would have to be entered anew.
    await expect(deelnemerBewaren(bewaard.inhoud(), { persoonId: tante, rol: 'netwerk' })).rejects.toMatchObject({
      gewist: true,
    });
    expect((await db.prisma.link.findUniqueOrThrow({ where: { id: link.id } })).ingetrokkenOp).not.toBeNull();

    // The year's figures and who-did-what are as before; the sweep's own line says what it did.
    expect(await rapportageVan(db.prisma, { regio: o.w.regio })).toEqual(rapportVoor);
    expect(alsTekst(await db.prisma.auditEvent.findMany({ where: { zaakId: zaak.id }, orderBy: { id: 'asc' } }))).toBe(
      auditVoor,
    );
    const verslagen = await db.prisma.auditEvent.findMany({
      where: { actie: 'bewaartermijn.verwerkt' },
      orderBy: { id: 'asc' },
    });
    expect(verslagen.map((v) => v.details)).toEqual([
      { zaken: 0, personen: 0, aangehouden: 0, mislukt: 0 },
      { zaken: 1, personen: 4, aangehouden: 1, mislukt: 0 },
    ]);

    // The held case is as it was; released, the next sweep takes it too.
    expect(
      alsTekst(
        await db.prisma.zaak.findUniqueOrThrow({
          where: { id: bewaard.id },
          include: { deelnemers: { include: { persoon: true } }, teksten: true },
        }),
      ),
    ).toBe(bewaardVoor);
    await db.prisma.zaak.update({ where: { id: bewaard.id }, data: { bewarenSinds: null, bewarenReden: null } });
    expect(await sweep(o)).toEqual({ zaken: 1, personen: 1, aangehouden: 0, mislukt: 0 });
    expect(await sweep(o)).toEqual({ zaken: 0, personen: 0, aangehouden: 0, mislukt: 0 });
  });
});

test('a sweep cut off halfway: the next run finishes the rest, each case whole', async () => {
  const w = await wereld(db.prisma);
  const zaakIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    const aanvraag = ZaakAanvraag.parse({
      aanvrager: { relatie: 'hoofdpersoon' },
      hoofdpersoon: {
        naam: `Afgesloten Persoon ${i}`,
        email: `afgesloten.${i}.${crypto.randomUUID().slice(0, 8)}@example.org`,
      },
      regio: w.regio,
      noodsituatie: false,
      vraag: `Een vraag die weg moet, nummer ${i}`,
    });
    const { id } = await aanvraagVastleggen(db.prisma, aanvraag, { aangevraagdOp: new Date(Date.now() - 900 * DAG) });
    await db.prisma.zaak.update({
      where: { id },
      data: { fase: 'afgesloten', afsluiting: 'ingetrokken', afgeslotenOp: new Date(Date.now() - (800 - i) * DAG) },
    });
    zaakIds.push(id);
  }

  const env = await tijdsprongOmgeving();
  try {
    const taskQueue = `bewaar-${crypto.randomUUID()}`;
    const echte = createActivities({
      prisma: db.prisma,
      verzender: lokaleUitbus(tempDir('uitbus'), 'Eigen Kracht <test@kring.test>'),
      publicBaseUrl: 'http://kring.test',
    });
    // The second case's activity hangs until the run is killed; then it fails, having written nothing.
    let aanroepen = 0;
    let bereikt!: () => void;
    const tweedeBereikt = new Promise<void>((r) => (bereikt = r));
    let loslaten!: (err: Error) => void;
    const losgelaten = new Promise<never>((_, reject) => (loslaten = reject));
    const activities = {
      ...echte,
      zaakAnonimiseren: async (arg: { zaakId: string }) => {
        if (++aanroepen === 2) {
          bereikt();
          await losgelaten;
        }
        return echte.zaakAnonimiseren(arg);
      },
    };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities,
      sinks: sporenSinks(),
    });
    const client = new Client({ connection: env.connection });
    await worker.runUntil(async () => {
      const eerste = await client.workflow.start('bewaartermijn', {
        taskQueue,
        workflowId: `bewaartermijn-${crypto.randomUUID()}`,
      });
      await tweedeBereikt;
      await eerste.terminate('gestopt halverwege');
      loslaten(new Error('de run is gestopt'));
      const halverwege = await db.prisma.zaak.findMany({
        where: { id: { in: zaakIds } },
        select: { geanonimiseerdOp: true },
      });
      expect(halverwege.filter((z) => z.geanonimiseerdOp).length).toBe(1);

      const verslag = await client.workflow.execute('bewaartermijn', {
        taskQueue,
        workflowId: `bewaartermijn-${crypto.randomUUID()}`,
      });
      expect(verslag).toMatchObject({ zaken: 2, personen: 2 });
    });
  } finally {
    await env.teardown();
  }
  const zaken = await db.prisma.zaak.findMany({
    where: { id: { in: zaakIds } },
    include: { deelnemers: { include: { persoon: true } } },
  });
  expect(zaken.map((z) => [z.geanonimiseerdOp !== null, z.vraag])).toEqual([
    [true, null],
    [true, null],
    [true, null],
  ]);
  expect(new Set(zaken.flatMap((z) => z.deelnemers.map((d) => d.persoon.email)))).toEqual(new Set([null]));
  expect(
    (await alleRijen(db.prisma)).filter((r) => r.includes('Afgesloten Persoon') || r.includes('die weg moet')),
  ).toEqual([]);
});

test('erasing "Eva" on request replaces her name and number in others\' words as whole words, and refuses while a case is open', async () => {
  const w = await wereld(db.prisma);
  const aanvraag = ZaakAanvraag.parse({
    aanvrager: { relatie: 'hoofdpersoon' },
    hoofdpersoon: { naam: 'Eva', email: `eva.${crypto.randomUUID().slice(0, 8)}@example.org`, telefoon: '0612345678' },
    regio: w.regio,
    noodsituatie: false,
  });
  const zaak = await aanvraagVastleggen(db.prisma, aanvraag, {});
  const eva = zaak.deelnemers.find((d) => d.rol === 'hoofdpersoon')!.persoonId;
  const plan = await db.prisma.plan.create({
    data: {
      zaakId: zaak.id,
      versie: 1,
      acties: {
        create: [
          { nummer: 1, wat: 'De evaluatie plant oma samen met Eva.', wie: 'Oma' },
          { nummer: 2, wat: 'Eva, Eva! Bel haar op 06-12 34 56 78 of +31 6 1234 5678.', wie: 'Oom' },
        ],
      },
    },
  });
  await expect(persoonWissen(db.prisma, eva)).rejects.toMatchObject({
    bezwaren: [{ code: 'zaak-open', zaakIds: [zaak.id] }],
  });
  await db.prisma.zaak.update({ where: { id: zaak.id }, data: { fase: 'afgesloten', afgeslotenOp: new Date() } });
  expect(await persoonWissen(db.prisma, eva)).toMatchObject({ alGewist: false, zaakIds: [zaak.id] });
  const acties = await db.prisma.planActie.findMany({ where: { planId: plan.id }, orderBy: { nummer: 'asc' } });
  const p = pseudoniem(eva);
  expect(acties.map((a) => a.wat)).toEqual([
    `De evaluatie plant oma samen met ${p}.`,
    `${p}, ${p}! Bel haar op ${p} of ${p}.`,
  ]);
  // A second request changes nothing and keeps the first date.
  const eerst = (await db.prisma.persoon.findUniqueOrThrow({ where: { id: eva } })).gewistOp;
  expect(await persoonWissen(db.prisma, eva)).toMatchObject({ alGewist: true, gewistOp: eerst });
});

test('a colleague kept while she worked is anonymised by the sweep once she has left and no live case names her', async () => {
  const w = await wereld(db.prisma);
  const email = `vroeger.${crypto.randomUUID().slice(0, 8)}@example.org`;
  const aanvraag = ZaakAanvraag.parse({
    aanvrager: { relatie: 'professional', naam: 'Wijkcoach Vroeger', email },
    hoofdpersoon: { naam: 'Kind Vroeger', email: `kind.${crypto.randomUUID().slice(0, 8)}@example.org` },
    regio: w.regio,
    noodsituatie: false,
  });
  const zaak = await aanvraagVastleggen(db.prisma, aanvraag, {});
  const coach = zaak.deelnemers.find((d) => d.rol === 'aanvrager')!.persoonId;
  const account = await db.prisma.gebruiker.create({ data: { naam: email, rol: 'professional', persoonId: coach } });
  await db.prisma.zaak.update({ where: { id: zaak.id }, data: { fase: 'afgesloten', afgeslotenOp: new Date() } });
  // While her account works, the case goes and she stays.
  expect(await zaakAnonimiseren(db.prisma, zaak.id)).toEqual({ zaak: true, personen: 1 });
  expect(await achtergeblevenenAnonimiseren(db.prisma, new Date(), 50)).toBe(0);
  expect((await db.prisma.persoon.findUniqueOrThrow({ where: { id: coach } })).email).toBe(email);
  // Blocked (she left): the next sweep takes her name, address and login.
  await db.prisma.gebruiker.update({ where: { id: account.id }, data: { geblokkeerdOp: new Date() } });
  expect(await achtergeblevenenAnonimiseren(db.prisma, new Date(), 50)).toBe(1);
  expect(await db.prisma.persoon.findUniqueOrThrow({ where: { id: coach } })).toMatchObject({
    naam: pseudoniem(coach),
    email: null,
  });
  expect((await db.prisma.gebruiker.findUniqueOrThrow({ where: { id: account.id } })).naam).toBe(
    `gewist-${account.id}`,
  );
  expect((await alleRijen(db.prisma)).filter((r) => r.includes(email) || r.includes('Wijkcoach Vroeger'))).toEqual([]);
});
