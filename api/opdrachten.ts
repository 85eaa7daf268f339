// The case process's commands as the API takes them. A caller sends words and facts; the API
// stores the words (reasons, notes, the plan, the conditions) as content and gives the
// workflow their ids, so workflow history never holds them. Who gives the command comes
// from the token, never from the body.
import { z } from 'zod';
import { tekst } from '../zaakproces/velden';
import type { OpdrachtArg, Opdrachtnaam } from '../workflows/contract';
import { WettelijkeRol } from '../workflows/contract';
import {
  datumvoorstelBewaren,
  deelnemerBewaren,
  inhoudId,
  Persoon,
  planBewaren,
  tekstBewaren,
  toetsingBewaren,
  voorwaardenBewaren,
  type Inhoudcontext,
} from '../zaakproces';

type Zonder<K extends Opdrachtnaam> = Omit<OpdrachtArg<K>, 'door'>;

export interface ApiOpdracht<K extends Opdrachtnaam = Opdrachtnaam> {
  samenvatting: string;
  body: z.ZodType;
  naarArg: (body: never, c: Inhoudcontext) => Promise<Zonder<K>>;
}

const id = z.uuid();
const moment = z.iso.datetime({ offset: true });
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
    naarArg: (b: z.output<S>, c: Inhoudcontext) => Promise<Zonder<K>>,
  ): ApiOpdracht<K> => ({ samenvatting, body, naarArg: naarArg as ApiOpdracht<K>['naarArg'] });
}

/** Commands whose body is the command itself. */
function zelfde<K extends Opdrachtnaam>(samenvatting: string, body: z.ZodType<Zonder<K>>): ApiOpdracht<K> {
  return voor<K>(samenvatting)(body, async (b) => b);
}

/** A command whose body is a reason, stored as text. */
function metReden<K extends 'intrekken' | 'annuleren'>(samenvatting: string): ApiOpdracht<K> {
  return voor<K>(samenvatting)(
    Reden,
    async (b, c) => ({ redenId: await tekstBewaren(c, 'reden', b.reden) }) as Zonder<K>,
  );
}

/** Commands a participant gives through a one-click link only (api/links.ts). */
export const LINKOPDRACHTEN = ['aanwezigheidDoorgeven', 'kringBijeenGeweest'] as const;
export type Linkopdracht = (typeof LINKOPDRACHTEN)[number];
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
      redenId: b.reden === undefined ? undefined : await tekstBewaren(c, 'reden', b.reden),
    }),
  ),
  contactVastleggen: zelfde(
    'De coördinator heeft contact gehad met de familie.',
    z.strictObject({ op: moment.optional() }),
  ),
  deelnemerToevoegen: voor<'deelnemerToevoegen'>('Een deelnemer uit het netwerk of een professional komt erbij.')(
    z
      .strictObject({
        /** Someone new, or (by email address) someone kring knows already. */
        persoon: Persoon.extend({ organisatie: tekst(200).optional() }).optional(),
        /** A person kring knows: a professional with her account, someone from another case. */
        persoonId: id.optional(),
        rol: z.enum(['netwerk', 'professional']),
        wettelijkeRol: WettelijkeRol.optional(),
        relatie: tekst(200).optional(),
        /** The participant whose visit brought up this name. */
        voorgesteldDoor: id.optional(),
      })
      .refine((b) => (b.persoon === undefined) !== (b.persoonId === undefined), {
        path: ['persoon'],
        message: 'geef persoon of persoonId (één van beide) | give persoon or persoonId (one of them)',
      })
      // The same rule for the document; zod's own union would lose the message above.
      .meta({ oneOf: [{ required: ['persoon'] }, { required: ['persoonId'] }] }),
    async (b, c) => ({
      persoonId: await deelnemerBewaren(c, b),
      rol: b.rol,
      wettelijkeRol: b.wettelijkeRol,
      voorgesteldDoor: b.voorgesteldDoor,
    }),
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
    async (b, c) => ({ tekstId: await tekstBewaren(c, 'vraag', b.vraag) }),
  ),
  voorwaardenIndienen: voor<'voorwaardenIndienen'>('Een professional dient zorgen en genummerde voorwaarden in.')(
    z.strictObject({ zorgen: tekst(4000), voorwaarden: z.array(tekst(1000)).min(1).max(50) }),
    (b, c) => voorwaardenBewaren(c, b),
  ),
  voorwaardenPubliceren: zelfde(
    'De professional maakt het formulier zichtbaar voor alle genodigden.',
    z.strictObject({ formulierId: id }),
  ),
  datumVoorstellen: voor<'datumVoorstellen'>('De coördinator stelt een datum voor de conferentie voor.')(
    z.strictObject({ op: moment, plaats: tekst(300).optional() }),
    async (b, c) => ({ voorstelId: await datumvoorstelBewaren(c, b.op, b.plaats), op: b.op }),
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
    async (b, c) => ({ duur: b.duur, redenId: await tekstBewaren(c, 'reden', b.reden) }),
  ),
  conferentieStarten: zelfde('De conferentie begint: het informatiedeel.', Leeg),
  bijdrageVastleggen: zelfde(
    'Of een professional in het informatiedeel aanwezig was.',
    z.strictObject({ professionalId: id, aanwezig: z.boolean() }),
  ),
  beslotenTijdStarten: zelfde('De familie gaat in besloten tijd.', Leeg),
  planPresenteren: voor<'planPresenteren'>('De familie presenteert haar plan.')(PlanInhoud, async (b, c) => ({
    planId: await planBewaren(c, b),
  })),
  toetsen: voor<'toetsen'>('Een professional toetst het gepresenteerde plan aan de eigen voorwaarden.')(
    z.strictObject({
      oordelen: z
        .array(z.strictObject({ nummer: z.int().min(1).max(50), voldaan: z.boolean(), reden: tekst(2000) }))
        .min(1)
        .max(50),
    }),
    async (b, c) => ({
      toetsingId: await toetsingBewaren(c, b.oordelen),
      oordelen: b.oordelen.map(({ nummer, voldaan }) => ({ nummer, voldaan })),
    }),
  ),
  afsprakenVastleggen: zelfde(
    'Afspraken bij acceptatie: wie de kring bijeenroept, eerste voortgangsgesprek, evaluatie.',
    z.strictObject({ aangewezen: z.array(id).min(1).max(10), eersteVoortgangsgesprek: moment, evaluatie: moment }),
  ),
  vervolgVastleggen: voor<'vervolgVastleggen'>('De coördinator heeft het vervolg na ongeveer vier weken gedaan.')(
    z.strictObject({ notitie: tekst(2000).optional() }),
    async (b, c) => ({ tekstId: b.notitie === undefined ? undefined : await tekstBewaren(c, 'verslag', b.notitie) }),
  ),
  voortgangsgesprekPlannen: zelfde('Een voortgangsgesprek plannen.', z.strictObject({ op: moment })),
  voortgangsgesprekVastleggen: zelfde('Een voortgangsgesprek is gehouden.', z.strictObject({ op: moment })),
  nietGoedMelden: voor<'nietGoedMelden'>('"Het gaat niet goed": de aangewezen persoon roept de kring bijeen.')(
    z.strictObject({ notitie: tekst(1000) }),
    async (b, c) => ({ tekstId: await tekstBewaren(c, 'signaal', b.notitie) }),
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
      bijeenkomstId: inhoudId(c, 'bijeenkomst'),
      op: b.op,
      aanwezigen: b.aanwezigen,
      signaalId: b.signaalId,
      herzienPlanId: b.herzienPlan && (await planBewaren(c, b.herzienPlan)),
    }),
  ),
  herzieningIntrekken: voor<'herzieningIntrekken'>(
    'Het herziene plan dat op toetsing wacht, wordt ingetrokken, met een reden; het vorige plan blijft gelden.',
  )(Reden, async (b, c) => ({ redenId: await tekstBewaren(c, 'reden', b.reden) })),
  evaluatieVastleggen: zelfde(
    'De evaluatie: akkoord van de kring, of een nieuwe datum.',
    z.strictObject({ kringAkkoord: z.boolean(), nieuweDatum: moment.optional() }),
  ),
  afsluiten: voor<'afsluiten'>(
    'De regiomanager sluit de zaak, met een reden; die noemt elke nog open melding "het gaat niet goed".',
  )(Reden.extend({ signalen: z.array(id).max(50).optional() }), async (b, c) => ({
    redenId: await tekstBewaren(c, 'reden', b.reden),
    signalen: b.signalen,
  })),
  intrekken: metReden('De aanvraag wordt ingetrokken, met een reden.'),
  annuleren: metReden('De regiomanager annuleert de zaak, met een reden.'),
};

/** coordinatorKiezen → coordinator-kiezen */
export function pad(naam: Accountopdracht): string {
  return naam.replace(/[A-Z]/g, (h) => `-${h.toLowerCase()}`);
}
