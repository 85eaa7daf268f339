// Commands that do not fit the phase, the caller's role or the case are refused with a reason
// the API can show (in Dutch and English), and never enter the workflow's history.
import crypto from 'node:crypto';
import type { Database } from '../prisma/database';
import { redenTekst, type Opdrachtnaam, type Reden } from '../workflows/contract';
import { Geweigerd } from '../zaakproces';
import { testDatabase } from './support/omgeving';
import type { ArgOf, ZaakInTest } from './support/proces';
import { scenario, totUitvoering, totVoorbereiding } from './support/scenario';

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db?.close());

/** The refusal, with its text in both languages as the catalogue writes it. */
async function weigering<K extends Opdrachtnaam>(
  zaak: ZaakInTest,
  naam: K,
  arg: ArgOf<K>,
): Promise<Reden & { nl: string; en: string }> {
  const fout = await zaak.opdracht(naam, arg).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(fout).toBeInstanceOf(Geweigerd);
  const reden = (fout as Geweigerd).reden!;
  const tekst = { nl: redenTekst(reden, 'nl'), en: redenTekst(reden, 'en') };
  expect(tekst.nl.length).toBeGreaterThan(10);
  expect(tekst.en.length).toBeGreaterThan(10);
  return { ...reden, ...tekst };
}

async function aanvaardeUpdates(zaak: ZaakInTest): Promise<number> {
  const history = await zaak.handle.fetchHistory();
  return history.events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
}

test('refused: the wrong role, someone else holding the role, the wrong phase, and what the case does not allow', async () => {
  await scenario(db, async (o) => {
    const zaak = await o.nieuweZaak();
    const { anna, bram, carla } = o.w.coordinatoren;
    const rm = zaak.door.regiomanager;
    const buitenstaander = crypto.randomUUID();
    const annaAlsCoordinator = { persoonId: anna, rol: 'coordinator' as const };

    // Intake, before a coordinator is chosen.
    expect(await weigering(zaak, 'coordinatorKiezen', { door: annaAlsCoordinator, coordinatorId: anna })).toMatchObject(
      {
        code: 'verkeerde-rol',
        nl: 'Dit is aan de regiomanager.',
      },
    );
    expect(
      await weigering(zaak, 'coordinatorKiezen', {
        door: { persoonId: buitenstaander, rol: 'regiomanager' },
        coordinatorId: anna,
      }),
    ).toMatchObject({ code: 'niet-uw-zaak', nl: 'U bent niet de regiomanager van deze zaak.' });
    expect(await weigering(zaak, 'coordinatorKiezen', { door: rm, coordinatorId: carla })).toMatchObject({
      code: 'geen-kandidaat',
    });
    expect(await weigering(zaak, 'opdrachtBeantwoorden', { door: annaAlsCoordinator, aanvaard: true })).toMatchObject({
      code: 'niet-uw-zaak',
    });
    expect(await weigering(zaak, 'contactVastleggen', { door: annaAlsCoordinator })).toMatchObject({
      code: 'niet-uw-zaak',
    });
    expect(
      await weigering(zaak, 'nietGoedMelden', { door: zaak.door.hoofdpersoon, tekstId: crypto.randomUUID() }),
    ).toMatchObject({
      code: 'verkeerde-fase',
      nl: 'Dit kan alleen in fase uitvoering; de zaak is in fase intake.',
      en: 'This is only possible in phase uitvoering; the case is in phase intake.',
    });

    await zaak.opdracht('coordinatorKiezen', { door: rm, coordinatorId: anna });
    // Only the coordinator offered the case answers the offer.
    expect(
      await weigering(zaak, 'opdrachtBeantwoorden', { door: { persoonId: bram, rol: 'coordinator' }, aanvaard: true }),
    ).toMatchObject({
      code: 'niet-uw-zaak',
    });
    await zaak.opdracht('opdrachtBeantwoorden', { door: annaAlsCoordinator, aanvaard: true });
    expect(await weigering(zaak, 'coordinatorKiezen', { door: rm, coordinatorId: bram })).toMatchObject({
      code: 'al-gekozen',
    });
    expect(await weigering(zaak, 'conferentieStarten', { door: zaak.door.coordinator })).toMatchObject({
      code: 'verkeerde-fase',
    });

    // A professional without a legal role sets no conditions.
    const huisarts = await zaak.deelnemer('Huisarts', 'professional');
    expect(
      await weigering(zaak, 'voorwaardenIndienen', {
        door: zaak.door.professional(huisarts),
        formulierId: crypto.randomUUID(),
        versie: 1,
        aantal: 1,
      }),
    ).toMatchObject({ code: 'geen-wettelijke-rol' });
    expect(
      await weigering(zaak, 'voorwaardenIndienen', {
        door: zaak.door.professional(buitenstaander),
        formulierId: crypto.randomUUID(),
        versie: 1,
        aantal: 1,
      }),
    ).toMatchObject({ code: 'niet-uw-zaak' });

    // Voorbereiding.
    await zaak.opdracht('contactVastleggen', { door: zaak.door.coordinator });
    expect(await weigering(zaak, 'conferentieStarten', { door: zaak.door.coordinator })).toMatchObject({
      code: 'geen-vraag',
    });
    expect(
      await weigering(zaak, 'datumVoorstellen', {
        door: zaak.door.coordinator,
        voorstelId: crypto.randomUUID(),
        op: new Date((await o.p.nu()) - 60_000).toISOString(),
      }),
    ).toMatchObject({ code: 'datum-voorbij' });
    const redenId = await zaak.tekst('reden', 'Meer tijd nodig.');
    expect(await weigering(zaak, 'verlengen', { door: zaak.door.coordinator, duur: '2 weeks', redenId })).toMatchObject(
      {
        code: 'verkeerde-rol',
      },
    );
    expect(await weigering(zaak, 'verlengen', { door: rm, duur: 'een tijdje', redenId })).toMatchObject({
      code: 'ongeldige-duur',
    });
    expect(
      await weigering(zaak, 'toetsen', {
        door: zaak.door.professional(huisarts),
        toetsingId: crypto.randomUUID(),
        oordelen: [],
      }),
    ).toMatchObject({
      code: 'verkeerde-fase',
    });
    expect(await weigering(zaak, 'annuleren', { door: zaak.door.coordinator, redenId })).toMatchObject({
      code: 'verkeerde-rol',
    });
    // A command refers to content of this case only.
    expect(
      await weigering(zaak, 'vraagVastleggen', { door: zaak.door.coordinator, tekstId: crypto.randomUUID() }),
    ).toMatchObject({
      code: 'onbekende-verwijzing',
    });

    // What was refused by a validator never entered history: only the 5 accepted commands
    // (choose, answer, add the GP, contact) and the refused reference (refused in its turn,
    // after it was accepted) are there.
    expect(await aanvaardeUpdates(zaak)).toBe(5);
    expect((await zaak.status()).fase).toBe('voorbereiding');
  });
});

test('refused: a malformed id (and the case goes on), a meeting planned twice, an early evaluation, no reason', async () => {
  await scenario(db, async (o) => {
    const zaak = await o.nieuweZaak();
    const door = zaak.door.coordinator;
    // A malformed id is refused at once, not retried in the database for ever …
    expect(
      await weigering(zaak, 'coordinatorKiezen', { door: zaak.door.regiomanager, coordinatorId: 'anna' }),
    ).toMatchObject({
      code: 'ongeldige-id',
    });
    // … and the case is not held up by it.
    const { evaluatie, gesprek } = await totUitvoering(o, zaak);

    expect(await weigering(zaak, 'voortgangsgesprekPlannen', { door, op: gesprek })).toMatchObject({
      code: 'al-gepland',
    });
    expect(await weigering(zaak, 'evaluatieVastleggen', { door, kringAkkoord: true })).toMatchObject({
      code: 'te-vroeg',
    });
    expect(
      await weigering(zaak, 'afsluiten', { door: zaak.door.regiomanager, redenId: undefined as unknown as string }),
    ).toMatchObject({
      code: 'ongeldige-opdracht',
      waarden: { veld: 'redenId' },
    });
    // A content id of another case is refused when recorded.
    const anderPlan = await (await o.nieuweZaak()).plan();
    expect(
      await weigering(zaak, 'bijeenkomstVastleggen', {
        door,
        bijeenkomstId: crypto.randomUUID(),
        op: new Date(await o.p.nu()).toISOString(),
        aanwezigen: [zaak.hoofdpersoonId],
        herzienPlanId: anderPlan,
      }),
    ).toMatchObject({ code: 'onbekende-verwijzing' });

    await o.env.sleep(Date.parse(evaluatie) - (await o.p.nu()));
    const s = await zaak.opdracht('evaluatieVastleggen', { door, kringAkkoord: true });
    expect(s.fase).toBe('afgesloten');
  });
});

test('independence: a coordinator who knows someone added to the circle is no longer offered the case', async () => {
  await scenario(db, async (o) => {
    const zaak = await o.nieuweZaak();
    const { anna, bram } = o.w.coordinatoren;
    const tante = await zaak.deelnemerDoor(zaak.door.regiomanager, 'Tante Fatima', 'netwerk');
    await db.prisma.coordinatorRelatie.create({ data: { coordinatorId: anna, persoonId: tante } });
    // The list was made before anna's relation was known; the choice checks today's circle.
    expect(
      await weigering(zaak, 'coordinatorKiezen', { door: zaak.door.regiomanager, coordinatorId: anna }),
    ).toMatchObject({
      code: 'geen-kandidaat',
    });
    const s = await zaak.status();
    expect(s.intake.kandidaten).toEqual([bram]);
  });
});

test('refused: an extension once the date is confirmed', async () => {
  await scenario(db, async (o) => {
    const zaak = await o.nieuweZaak();
    await totVoorbereiding(zaak);
    const voorstelId = crypto.randomUUID();
    await zaak.opdracht('datumVoorstellen', {
      door: zaak.door.coordinator,
      voorstelId,
      op: await o.over(3 * 7 * 24 * 3_600_000),
    });
    await zaak.opdracht('datumBevestigen', { door: zaak.door.coordinator, voorstelId });
    const redenId = await zaak.tekst('reden', 'Meer tijd.');
    expect(await weigering(zaak, 'verlengen', { door: zaak.door.regiomanager, duur: '1 week', redenId })).toMatchObject(
      {
        code: 'datum-staat',
      },
    );
  });
});
