// The case process's commands as the API takes them. A caller sends words and facts; the API
// stores the words (reasons, notes, the plan, the conditions) in the database and gives the
// workflow their ids, so workflow history never holds them. Who gives the command comes
// from the token, never from the body.
import type { PrismaClient } from '@prisma/client';
import { z } from 'zod';
import type { Door, Opdrachtnaam, OpdrachtArg, ZaakStatus } from '../workflows/zaak-interface';
import { Probleem } from './problem';
import { Persoon } from './schemas';

/** What turning a body into a command may use. */
export interface Context {
  prisma: PrismaClient;
  zaakId: string;
  door: Door;
  /** The live status (for the round and plan a verdict belongs to). */
  status: () => Promise<ZaakStatus | undefined>;
}

type Zonder<K extends Opdrachtnaam> = Omit<OpdrachtArg<K>, 'door'>;

export interface ApiOpdracht<K extends Opdrachtnaam = Opdrachtnaam> {
  samenvatting: string;
  body: z.ZodType;
  naarArg: (body: never, c: Context) => Promise<Zonder<K>>;
}

const id = z.uuid();
const moment = z.iso.datetime({ offset: true });
const tekst = (max: number) => z.string().trim().min(1).max(max);
const Leeg = z.strictObject({});
const Reden = z.strictObject({ reden: tekst(2000) });

const PlanInhoud = z.strictObject({
  acties: z
    .array(z.strictObject({ wat: tekst(1000), wie: tekst(200), uiterlijk: z.iso.date().optional() }))
    .min(1)
    .max(100),
  /** Per professional, what the family asks of them. */
  hulpvragen: z
    .array(z.strictObject({ professionalId: id, tekst: tekst(2000) }))
    .max(50)
    .default([]),
});

function voor<K extends Opdrachtnaam>(samenvatting: string) {
  return <S extends z.ZodType>(
    body: S,
    naarArg: (b: z.output<S>, c: Context) => Promise<Zonder<K>>,
  ): ApiOpdracht<K> => ({ samenvatting, body, naarArg: naarArg as ApiOpdracht<K>['naarArg'] });
}

/** Commands whose body is the command itself. */
function zelfde<K extends Opdrachtnaam>(samenvatting: string, body: z.ZodType<Zonder<K>>): ApiOpdracht<K> {
  return voor<K>(samenvatting)(body, async (b) => b);
}

async function bewaarTekst(c: Context, soort: string, inhoud: string): Promise<string> {
  const rij = await c.prisma.tekst.create({ data: { zaakId: c.zaakId, soort, inhoud, doorId: c.door.persoonId } });
  return rij.id;
}

async function bewaarPlan(c: Context, plan: z.output<typeof PlanInhoud>): Promise<string> {
  const laatste = await c.prisma.plan.aggregate({ where: { zaakId: c.zaakId }, _max: { versie: true } });
  const rij = await c.prisma.plan.create({
    data: {
      zaakId: c.zaakId,
      versie: (laatste._max.versie ?? 0) + 1,
      acties: {
        create: plan.acties.map((a, i) => ({
          nummer: i + 1,
          wat: a.wat,
          wie: a.wie,
          uiterlijk: a.uiterlijk ? new Date(a.uiterlijk) : null,
        })),
      },
      hulpvragen: { create: plan.hulpvragen },
    },
  });
  return rij.id;
}

const ZONDER_PLAN = new Probleem('conflict', {
  nl: 'Er is nog geen plan gepresenteerd om te toetsen.',
  en: 'No plan has been presented to check yet.',
});

/** Commands a participant gives through a one-click link only (api/links.ts). */
export type Linkopdracht = 'aanwezigheidDoorgeven';
export type Accountopdracht = Exclude<Opdrachtnaam, Linkopdracht>;

export const API_OPDRACHTEN: { [K in Accountopdracht]: ApiOpdracht<K> } = {
  coordinatorKiezen: zelfde(
    'De regiomanager kiest een coördinator uit de kandidaten.',
    z.strictObject({ coordinatorId: id }),
  ),
  opdrachtBeantwoorden: voor<'opdrachtBeantwoorden'>('De coördinator aanvaardt de zaak of wijst haar af.')(
    z.strictObject({ aanvaard: z.boolean(), reden: tekst(2000).optional() }),
    async (b, c) => ({
      aanvaard: b.aanvaard,
      redenId: b.reden === undefined ? undefined : await bewaarTekst(c, 'reden', b.reden),
    }),
  ),
  contactVastleggen: zelfde(
    'De coördinator heeft contact gehad met de familie.',
    z.strictObject({ op: moment.optional() }),
  ),
  deelnemerToevoegen: voor<'deelnemerToevoegen'>('Een deelnemer uit het netwerk of een professional komt erbij.')(
    z.strictObject({
      persoon: Persoon.extend({ organisatie: tekst(200).optional() }),
      rol: z.enum(['netwerk', 'professional']),
      wettelijkeRol: z
        .enum(['jeugdbescherming', 'reclassering', 'curator', 'schuldhulpverlening', 'rechterlijke_maatregel'])
        .optional(),
      relatie: tekst(200).optional(),
      /** The participant whose visit brought up this name. */
      voorgesteldDoor: id.optional(),
    }),
    async (b, c) => {
      const persoon = await c.prisma.persoon.create({ data: b.persoon });
      await c.prisma.deelnemer.create({
        data: {
          zaakId: c.zaakId,
          persoonId: persoon.id,
          rol: b.rol,
          relatie: b.relatie,
          status: 'concept',
          voorgesteldDoorId: b.voorgesteldDoor,
        },
      });
      return { persoonId: persoon.id, rol: b.rol, wettelijkeRol: b.wettelijkeRol, voorgesteldDoor: b.voorgesteldDoor };
    },
  ),
  deelnemerBijwerken: zelfde(
    'Uitnodiging of bezoek van een deelnemer bijwerken.',
    z.strictObject({
      persoonId: id,
      uitnodiging: z.enum(['niet_uitgenodigd', 'uitgenodigd', 'bevestigd', 'afgemeld']).optional(),
      bezoek: z.enum(['niet_gepland', 'gepland', 'bezocht', 'niet_gelukt']).optional(),
    }),
  ),
  kringCompleet: zelfde(
    'De coördinator sluit de kring (of opent haar weer).',
    z.strictObject({ compleet: z.boolean() }),
  ),
  vraagVastleggen: voor<'vraagVastleggen'>('De vraag, afgesproken met de hoofdpersoon.')(
    z.strictObject({ vraag: tekst(2000) }),
    async (b, c) => ({ tekstId: await bewaarTekst(c, 'vraag', b.vraag) }),
  ),
  voorwaardenIndienen: voor<'voorwaardenIndienen'>('Een professional dient zorgen en genummerde voorwaarden in.')(
    z.strictObject({ zorgen: tekst(4000), voorwaarden: z.array(tekst(1000)).min(1).max(50) }),
    async (b, c) => {
      const where = { zaakId: c.zaakId, professionalId: c.door.persoonId };
      const laatste = await c.prisma.voorwaardenFormulier.aggregate({ where, _max: { versie: true } });
      const versie = (laatste._max.versie ?? 0) + 1;
      const formulier = await c.prisma.voorwaardenFormulier.create({
        data: {
          ...where,
          versie,
          zorgen: b.zorgen,
          voorwaarden: { create: b.voorwaarden.map((tekst, i) => ({ nummer: i + 1, tekst })) },
        },
      });
      return { formulierId: formulier.id, versie, aantal: b.voorwaarden.length };
    },
  ),
  voorwaardenPubliceren: zelfde(
    'De professional maakt het formulier zichtbaar voor alle genodigden.',
    z.strictObject({ formulierId: id }),
  ),
  datumVoorstellen: voor<'datumVoorstellen'>('De coördinator stelt een datum voor de conferentie voor.')(
    z.strictObject({ op: moment }),
    async (b, c) => {
      const voorstel = await c.prisma.datumVoorstel.create({ data: { zaakId: c.zaakId, op: new Date(b.op) } });
      return { voorstelId: voorstel.id, op: b.op };
    },
  ),
  beschikbaarheidVastleggen: voor<'beschikbaarheidVastleggen'>('Of een professional op de voorgestelde datum kan.')(
    z.strictObject({ voorstelId: id, professionalId: id.optional(), beschikbaar: z.boolean() }),
    async (b, c) => ({ ...b, professionalId: b.professionalId ?? c.door.persoonId }),
  ),
  datumBevestigen: zelfde('De coördinator bevestigt de datum.', z.strictObject({ voorstelId: id })),
  verlengen: voor<'verlengen'>('De regiomanager geeft de familie meer tijd, met een reden.')(
    z.strictObject({
      duur: z.string().regex(/^[1-9]\d? (days|weeks)$/, 'zoals "3 weeks" of "10 days" | like "3 weeks" or "10 days"'),
      reden: tekst(2000),
    }),
    async (b, c) => ({ duur: b.duur, redenId: await bewaarTekst(c, 'reden', b.reden) }),
  ),
  conferentieStarten: zelfde('De conferentie begint: het informatiedeel.', Leeg),
  bijdrageVastleggen: zelfde(
    'Of een professional in het informatiedeel aanwezig was.',
    z.strictObject({ professionalId: id, aanwezig: z.boolean() }),
  ),
  beslotenTijdStarten: zelfde('De familie gaat in besloten tijd.', Leeg),
  planPresenteren: voor<'planPresenteren'>('De familie presenteert haar plan.')(PlanInhoud, async (b, c) => ({
    planId: await bewaarPlan(c, b),
  })),
  toetsen: voor<'toetsen'>('Een professional toetst het plan aan de eigen voorwaarden.')(
    z.strictObject({
      oordelen: z
        .array(z.strictObject({ nummer: z.int().min(1).max(50), voldaan: z.boolean(), reden: tekst(2000) }))
        .min(1)
        .max(50),
    }),
    async (b, c) => {
      const status = await c.status();
      const planId = status?.conferentie.plannen.at(-1);
      if (!status || !planId) throw ZONDER_PLAN;
      const toetsing = await c.prisma.toetsing.create({
        data: {
          zaakId: c.zaakId,
          planId,
          professionalId: c.door.persoonId,
          ronde: status.conferentie.ronde,
          oordelen: { create: b.oordelen },
        },
      });
      return { toetsingId: toetsing.id, oordelen: b.oordelen.map(({ nummer, voldaan }) => ({ nummer, voldaan })) };
    },
  ),
  afsprakenVastleggen: zelfde(
    'Afspraken bij acceptatie: wie de kring bijeenroept, eerste voortgangsgesprek, evaluatie.',
    z.strictObject({ aangewezen: z.array(id).min(1).max(10), eersteVoortgangsgesprek: moment, evaluatie: moment }),
  ),
  vervolgVastleggen: voor<'vervolgVastleggen'>('De coördinator heeft het vervolg na ongeveer vier weken gedaan.')(
    z.strictObject({ notitie: tekst(2000).optional() }),
    async (b, c) => ({ tekstId: b.notitie === undefined ? undefined : await bewaarTekst(c, 'vervolg', b.notitie) }),
  ),
  voortgangsgesprekPlannen: zelfde('Een voortgangsgesprek plannen.', z.strictObject({ op: moment })),
  voortgangsgesprekVastleggen: zelfde('Een voortgangsgesprek is gehouden.', z.strictObject({ op: moment })),
  nietGoedMelden: voor<'nietGoedMelden'>('"Het gaat niet goed": de aangewezen persoon roept de kring bijeen.')(
    z.strictObject({ notitie: tekst(1000) }),
    async (b, c) => ({ tekstId: await bewaarTekst(c, 'signaal', b.notitie) }),
  ),
  signaalOppakken: zelfde('Het signaal is opgepakt.', z.strictObject({ signaalId: id })),
  bijeenkomstVastleggen: voor<'bijeenkomstVastleggen'>('De kring kwam opnieuw bijeen; misschien met een herzien plan.')(
    z.strictObject({
      op: moment,
      aanwezigen: z.array(id).max(100),
      signaalId: id.optional(),
      herzienPlan: PlanInhoud.optional(),
    }),
    async (b, c) => ({
      bijeenkomstId: crypto.randomUUID(),
      op: b.op,
      aanwezigen: b.aanwezigen,
      signaalId: b.signaalId,
      herzienPlanId: b.herzienPlan && (await bewaarPlan(c, b.herzienPlan)),
    }),
  ),
  evaluatieVastleggen: zelfde(
    'De evaluatie: akkoord van de kring, of een nieuwe datum.',
    z.strictObject({ kringAkkoord: z.boolean(), nieuweDatum: moment.optional() }),
  ),
  afsluiten: voor<'afsluiten'>('De regiomanager sluit de zaak, met een reden.')(Reden, async (b, c) => ({
    redenId: await bewaarTekst(c, 'reden', b.reden),
  })),
  intrekken: voor<'intrekken'>('De aanvraag wordt ingetrokken, met een reden.')(Reden, async (b, c) => ({
    redenId: await bewaarTekst(c, 'reden', b.reden),
  })),
  annuleren: voor<'annuleren'>('De regiomanager annuleert de zaak, met een reden.')(Reden, async (b, c) => ({
    redenId: await bewaarTekst(c, 'reden', b.reden),
  })),
};

/** coordinatorKiezen → coordinator-kiezen */
export function pad(naam: Accountopdracht): string {
  return naam.replace(/[A-Z]/g, (h) => `-${h.toLowerCase()}`);
}
