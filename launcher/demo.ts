// A first run that leads somewhere: the first administrator, and (npm run demo) a demo world
// of two regions with their regiomanagers, a coordinator pool with different languages,
// professionals, and cases in different phases, made through kring's own ways in. It prints
// how to act as each role.
import type { PrismaClient } from '@prisma/client';
import {
  coordinatorZetten,
  regioMaken,
  regiomanagersZetten,
  tokenUitgeven,
  uitnodigen,
  type CoordinatorProfiel,
} from '../beheer';
import type { Wie } from '../prisma/audit';
import type { Door, OpdrachtArg, Opdrachtnaam } from '../workflows/contract';
import {
  aanvraagVastleggen,
  datumvoorstelBewaren,
  deelnemerBewaren,
  planBewaren,
  toetsingBewaren,
  voorwaardenBewaren,
  ZaakAanvraag,
  type Zaakproces,
} from '../zaakproces';

const BEHEER: Wie = { actor: 'beheer', via: 'demo' };
const BEHEERDER = 'beheer@kring.local';

/** On an empty database: the first administrator, and how to act as her. */
export async function eersteBeheerder(prisma: PrismaClient): Promise<string | undefined> {
  if ((await prisma.gebruiker.count()) > 0) return undefined;
  const { token } = await uitnodigen(prisma, BEHEER, {
    naam: 'Beheerder',
    email: BEHEERDER,
    rol: 'admin',
    taal: 'nl',
    dagen: 90,
  });
  return [
    '',
    'Eerste start: er is een beheerdersaccount gemaakt (beheer@kring.local). Zijn sleutel, alleen nu te zien:',
    `  ${token}`,
    "Maak hiermee regio's en accounts (POST /regios, POST /accounts; zie /docs), of met npm run users.",
    'Aanmelden in de browser: npm run users -- aanmelden beheer@kring.local geeft een aanmeldlink.',
    'Een demowereld om te proberen: npm run demo.',
  ].join('\n');
}

interface Demoaccount {
  naam: string;
  email: string;
  rol: 'operations' | 'regiomanager' | 'coordinator' | 'professional';
  profiel?: Partial<CoordinatorProfiel> & { regios: string[] };
}

const ACCOUNTS: Demoaccount[] = [
  { naam: 'Sanne Bakker', email: 'sanne.bakker@demo.example.org', rol: 'operations' },
  { naam: 'Monique de Jong', email: 'monique.dejong@demo.example.org', rol: 'regiomanager' },
  { naam: 'Jeroen Visser', email: 'jeroen.visser@demo.example.org', rol: 'regiomanager' },
  {
    naam: 'Fatima Amrani',
    email: 'fatima.amrani@demo.example.org',
    rol: 'coordinator',
    profiel: {
      regios: ['Flevoland'],
      talen: ['Nederlands', 'Arabisch'],
      geslacht: 'vrouw',
      achtergronden: ['Marokkaans'],
    },
  },
  {
    naam: 'Kees Jansen',
    email: 'kees.jansen@demo.example.org',
    rol: 'coordinator',
    profiel: { regios: ['Flevoland'], talen: ['Nederlands'], geslacht: 'man' },
  },
  {
    naam: 'Aylin Yılmaz',
    email: 'aylin.yilmaz@demo.example.org',
    rol: 'coordinator',
    profiel: { regios: ['Utrecht'], talen: ['Nederlands', 'Turks'], geslacht: 'vrouw', achtergronden: ['Turks'] },
  },
  {
    naam: 'Marek Nowak',
    email: 'marek.nowak@demo.example.org',
    rol: 'coordinator',
    profiel: { regios: ['Utrecht', 'Flevoland'], talen: ['Nederlands', 'Pools'], geslacht: 'man', maxZaken: 2 },
  },
  {
    naam: 'Ingrid de Boer',
    email: 'ingrid.deboer@demo.example.org',
    rol: 'coordinator',
    // Away for two weeks from today: not matched.
    profiel: {
      regios: ['Utrecht'],
      talen: ['Nederlands', 'Engels'],
      geslacht: 'vrouw',
      afwezig: {
        van: new Date().toISOString().slice(0, 10),
        tot: new Date(Date.now() + 14 * 864e5).toISOString().slice(0, 10),
      },
    },
  },
  { naam: 'Petra Vos', email: 'petra.vos@demo.example.org', rol: 'professional' },
  { naam: 'Ahmed Bouali', email: 'ahmed.bouali@demo.example.org', rol: 'professional' },
];

/**
 * The demo world (made once: a run that failed halfway is completed by the next), and a fresh
 * token for each of its accounts.
 */
export async function demoWereld(prisma: PrismaClient, proces: Zaakproces, apiUrl: string): Promise<string> {
  const nieuw = !(await prisma.auditEvent.findFirst({ where: { actie: 'demo.gemaakt' } }));
  if (nieuw) {
    await maakWereld(prisma, proces);
    await prisma.auditEvent.create({ data: { actor: 'beheer', via: 'demo', actie: 'demo.gemaakt' } });
  }
  const regels = ['', nieuw ? 'Demowereld gemaakt. Handel als:' : 'De demowereld staat er al. Handel als:'];
  for (const a of ACCOUNTS) {
    const account = await prisma.gebruiker.findUniqueOrThrow({ where: { naam: a.email } });
    const { token } = await tokenUitgeven(prisma, BEHEER, account.id, 30);
    regels.push(`  ${a.rol.padEnd(13)} ${a.naam.padEnd(16)} ${a.email.padEnd(34)} ${token}`);
  }
  regels.push(
    `In de browser: ${apiUrl}/ en meld u aan met een e-mailadres hierboven; de aanmeldlink staat in .data/uitbus/email (of: npm run users -- aanmelden <e-mailadres>).`,
    `Met de API: curl -s ${apiUrl}/cases -H "authorization: Bearer <sleutel>"  (sleutels 30 dagen geldig)`,
  );
  return regels.join('\n');
}

async function maakWereld(prisma: PrismaClient, proces: Zaakproces): Promise<void> {
  const persoon: Record<string, string> = {};
  for (const a of ACCOUNTS) {
    const bestaand = await prisma.gebruiker.findUnique({ where: { naam: a.email } });
    persoon[a.naam] =
      bestaand?.persoonId ??
      (await uitnodigen(prisma, BEHEER, { naam: a.naam, email: a.email, rol: a.rol, taal: 'nl', dagen: 30 })).account
        .persoonId;
  }
  // Regions someone made already (as the README's first steps do) are used as they are.
  const regios = [
    { naam: 'Flevoland', gemeenten: ['Almere', 'Lelystad', 'Dronten'] },
    { naam: 'Utrecht', gemeenten: ['Utrecht', 'Amersfoort', 'Zeist'] },
  ];
  for (const regio of regios) {
    if (!(await prisma.regio.findUnique({ where: { naam: regio.naam } }))) {
      await regioMaken(prisma, BEHEER, { ...regio, regiomanagers: [] });
    }
  }
  await regiomanagersZetten(prisma, BEHEER, 'Flevoland', [persoon['Monique de Jong']!]);
  await regiomanagersZetten(prisma, BEHEER, 'Utrecht', [persoon['Jeroen Visser']!]);
  for (const a of ACCOUNTS.filter((a) => a.profiel)) {
    await coordinatorZetten(prisma, BEHEER, persoon[a.naam]!, {
      talen: ['Nederlands'],
      achtergronden: [],
      beschikbaar: true,
      maxZaken: 3,
      relaties: [],
      ...a.profiel!,
    });
  }

  const rm = (naam: string): Door => ({ persoonId: persoon[naam]!, rol: 'regiomanager' });
  const coord = (naam: string): Door => ({ persoonId: persoon[naam]!, rol: 'coordinator' });
  const prof = (naam: string): Door => ({ persoonId: persoon[naam]!, rol: 'professional' });

  /** A request, taken in by its process. */
  async function zaak(regio: string, hoofdpersoon: string, wensen: ZaakAanvraag['wensen'], nood = false) {
    const opgeslagen = await aanvraagVastleggen(
      prisma,
      ZaakAanvraag.parse({
        aanvrager: {
          relatie: 'professional',
          naam: 'Petra Vos',
          email: 'petra.vos@demo.example.org',
          organisatie: 'Jeugdbescherming',
        },
        // No phone number: a demo never texts anyone.
        hoofdpersoon: { naam: hoofdpersoon },
        regio,
        noodsituatie: nood,
        vraag: 'Wat is er voor nodig dat de kinderen veilig kunnen opgroeien?',
        wensen,
      }),
    );
    await proces.start(opgeslagen);
    for (let poging = 0; poging < 120; poging++) {
      if ((await proces.status(opgeslagen.id))?.fase === 'intake') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const doe = <K extends Opdrachtnaam>(naam: K, arg: OpdrachtArg<K>) => proces.opdracht(opgeslagen.id, naam, arg);
    const inhoud = (door: Door) => ({ prisma, zaakId: opgeslagen.id, door });
    return { id: opgeslagen.id, doe, inhoud };
  }

  /** Offered, accepted, contact made: in voorbereiding with the circle invited. */
  async function inVoorbereiding(
    z: Awaited<ReturnType<typeof zaak>>,
    regiomanager: string,
    coordinator: string,
    professional: string,
  ) {
    await z.doe('coordinatorKiezen', { door: rm(regiomanager), coordinatorId: persoon[coordinator]! });
    await z.doe('opdrachtBeantwoorden', { door: coord(coordinator), aanvaard: true });
    await z.doe('contactVastleggen', { door: coord(coordinator) });
    const c = coord(coordinator);
    const tante = await deelnemerBewaren(z.inhoud(c), {
      persoon: { naam: 'Tante Yasmina', taal: 'nl' },
      rol: 'netwerk',
      relatie: 'tante',
    });
    await z.doe('deelnemerToevoegen', { door: c, persoonId: tante, rol: 'netwerk' });
    const professionalId = await deelnemerBewaren(z.inhoud(c), {
      persoonId: persoon[professional]!,
      rol: 'professional',
    });
    await z.doe('deelnemerToevoegen', {
      door: c,
      persoonId: professionalId,
      rol: 'professional',
      wettelijkeRol: 'jeugdbescherming',
    });
    for (const persoonId of [tante, persoon[professional]!]) {
      await z.doe('deelnemerBijwerken', { door: c, persoonId, uitnodiging: 'uitgenodigd', bezoek: 'bezocht' });
    }
    const p = prof(professional);
    const formulier = await voorwaardenBewaren(z.inhoud(p), {
      zorgen: 'Er is geweld in huis geweest.',
      voorwaarden: ['De kinderen wonen op een plek zonder geweld.'],
    });
    await z.doe('voorwaardenIndienen', { door: p, ...formulier });
    await z.doe('voorwaardenPubliceren', { door: p, formulierId: formulier.formulierId });
    return { tante };
  }

  // Flevoland: a new request, waiting for the regiomanager to choose a coordinator.
  await zaak('Flevoland', 'Samira El Idrissi', { taal: 'Arabisch', geslacht: 'vrouw' });

  // Flevoland: in voorbereiding, a date proposed.
  const voorbereiding = await zaak('Flevoland', 'Nadia Benali', { taal: 'Arabisch' });
  await inVoorbereiding(voorbereiding, 'Monique de Jong', 'Fatima Amrani', 'Petra Vos');
  const over = (dagen: number) => new Date(Date.now() + dagen * 24 * 3_600_000).toISOString();
  const fatima = coord('Fatima Amrani');
  const voorstelId = await datumvoorstelBewaren(voorbereiding.inhoud(fatima), over(21));
  await voorbereiding.doe('datumVoorstellen', { door: fatima, voorstelId, op: over(21) });

  // Utrecht: at the conference, the family in besloten tijd.
  const conferentie = await zaak('Utrecht', 'Emre Kaya', { taal: 'Turks' });
  await inVoorbereiding(conferentie, 'Jeroen Visser', 'Aylin Yılmaz', 'Ahmed Bouali');
  const aylin = coord('Aylin Yılmaz');
  const datum = await datumvoorstelBewaren(conferentie.inhoud(aylin), over(2));
  await conferentie.doe('datumVoorstellen', { door: aylin, voorstelId: datum, op: over(2) });
  await conferentie.doe('datumBevestigen', { door: aylin, voorstelId: datum });
  await conferentie.doe('kringCompleet', { door: aylin, compleet: true });
  await conferentie.doe('conferentieStarten', { door: aylin });
  await conferentie.doe('beslotenTijdStarten', { door: aylin });

  // Flevoland: the plan accepted, monitoring under way.
  const uitvoering = await zaak('Flevoland', 'Ilse Mulder', { geslacht: 'geen voorkeur' });
  const { tante } = await inVoorbereiding(uitvoering, 'Monique de Jong', 'Kees Jansen', 'Petra Vos');
  const kees = coord('Kees Jansen');
  const dag = await datumvoorstelBewaren(uitvoering.inhoud(kees), over(1));
  await uitvoering.doe('datumVoorstellen', { door: kees, voorstelId: dag, op: over(1) });
  await uitvoering.doe('datumBevestigen', { door: kees, voorstelId: dag });
  await uitvoering.doe('kringCompleet', { door: kees, compleet: true });
  await uitvoering.doe('conferentieStarten', { door: kees });
  await uitvoering.doe('beslotenTijdStarten', { door: kees });
  const planId = await planBewaren(uitvoering.inhoud(kees), {
    acties: [
      { wat: 'De kinderen slapen bij tante als het thuis onrustig is', wie: 'Tante Yasmina' },
      { wat: 'Moeder gaat elke week naar de opvoedondersteuning', wie: 'Moeder' },
    ],
    hulpvragen: [
      { professionalId: persoon['Petra Vos']!, tekst: 'Houd contact met moeder over de opvoedondersteuning.' },
    ],
  });
  await uitvoering.doe('planPresenteren', { door: kees, planId });
  const petra = prof('Petra Vos');
  await uitvoering.doe('toetsen', {
    door: petra,
    toetsingId: await toetsingBewaren(uitvoering.inhoud(petra), [
      { nummer: 1, voldaan: true, reden: 'Bij tante is het veilig.' },
    ]),
    oordelen: [{ nummer: 1, voldaan: true }],
  });
  await uitvoering.doe('afsprakenVastleggen', {
    door: kees,
    aangewezen: [tante],
    eersteVoortgangsgesprek: over(42),
    evaluatie: over(180),
  });
}
