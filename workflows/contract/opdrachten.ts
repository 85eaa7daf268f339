// The commands a case takes: each one's argument as a zod schema (the update's validator
// checks it; the type comes from it), who may give it, and what an accepted one answers.
//
// Everything here is ids, dates, numbers and choices: names, contact details and free text
// (reasons, notes, the question, the plan) live in the database, and a command refers to
// them by id. So workflow history never holds personal data.
import type { UpdateDefinition } from '@temporalio/common';
import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import { Bezoek, Door, Fase, Uitnodiging, WettelijkeRol, type Rol } from './waarden';

const id = z.uuid();
const moment = z.iso.datetime({ offset: true });
const opdracht = <V extends z.ZodRawShape>(velden: V) => z.strictObject({ door: Door, ...velden });
const metReden = opdracht({ redenId: id });

export const OPDRACHTEN = {
  // Intake
  coordinatorKiezen: opdracht({ coordinatorId: id }),
  opdrachtBeantwoorden: opdracht({ aanvaard: z.boolean(), redenId: id.optional() }),
  /** `op`: when the coordinator reached the family; absent: now. */
  contactVastleggen: opdracht({ op: moment.optional() }),

  // Voorbereiding
  deelnemerToevoegen: opdracht({
    persoonId: id,
    rol: z.enum(['netwerk', 'professional']),
    wettelijkeRol: WettelijkeRol.optional(),
    /** Whose visit brought up this name (a participant's person id). */
    voorgesteldDoor: id.optional(),
  }),
  deelnemerBijwerken: opdracht({ persoonId: id, uitnodiging: Uitnodiging.optional(), bezoek: Bezoek.optional() }),
  /** A participant answers the invitation themselves (through a one-click link). */
  /** `notitieId`: a note the invitee wrote with the answer (stored as text beforehand). */
  aanwezigheidDoorgeven: opdracht({ komt: z.boolean(), notitieId: id.optional() }),
  kringCompleet: opdracht({ compleet: z.boolean() }),
  vraagVastleggen: opdracht({ tekstId: id }),
  /** `aantal`: how many numbered conditions the form has. */
  voorwaardenIndienen: opdracht({ formulierId: id, versie: z.int().min(1), aantal: z.int() }),
  voorwaardenPubliceren: opdracht({ formulierId: id }),
  datumVoorstellen: opdracht({ voorstelId: id, op: moment }),
  beschikbaarheidVastleggen: opdracht({ voorstelId: id, professionalId: id, beschikbaar: z.boolean() }),
  datumBevestigen: opdracht({ voorstelId: id }),
  /** `duur`: e.g. "2 weeks". */
  verlengen: opdracht({ duur: z.string().max(40), redenId: id }),
  conferentieStarten: opdracht({}),

  // De conferentie
  bijdrageVastleggen: opdracht({ professionalId: id, aanwezig: z.boolean() }),
  beslotenTijdStarten: opdracht({}),
  planPresenteren: opdracht({ planId: id }),
  toetsen: opdracht({
    toetsingId: id,
    oordelen: z.array(z.strictObject({ nummer: z.int(), voldaan: z.boolean() })).max(100),
  }),
  afsprakenVastleggen: opdracht({
    aangewezen: z.array(id).max(20),
    eersteVoortgangsgesprek: moment,
    evaluatie: moment,
  }),

  // Uitvoering
  vervolgVastleggen: opdracht({ tekstId: id.optional() }),
  voortgangsgesprekPlannen: opdracht({ op: moment }),
  voortgangsgesprekVastleggen: opdracht({ op: moment }),
  /** `tekstId`: the short note that comes with the signal. */
  nietGoedMelden: opdracht({ tekstId: id }),
  signaalOppakken: opdracht({ signaalId: id }),
  /** The designated person says the circle has met about the signal (`notitieId`: what about). */
  kringBijeenGeweest: opdracht({ signaalId: id, notitieId: id.optional() }),
  bijeenkomstVastleggen: opdracht({
    bijeenkomstId: id,
    op: moment,
    aanwezigen: z.array(id).max(200),
    /** The signal that led to it, if any. */
    signaalId: id.optional(),
    /** A revised plan (a new version); the current one is kept as history. */
    herzienPlanId: id.optional(),
  }),
  /** The revised plan waiting for toetsing is withdrawn: the plan before it stays in force. */
  herzieningIntrekken: opdracht({ redenId: id }),
  /** `nieuweDatum`: when the circle wants more time, the next evaluation date. */
  evaluatieVastleggen: opdracht({ kringAkkoord: z.boolean(), nieuweDatum: moment.optional() }),

  // Closure: agreed, withdrawn or cancelled, always with a reason
  /** `signalen`: the open "het gaat niet goed" signals the reason addresses, if any are open. */
  afsluiten: opdracht({ redenId: id, signalen: z.array(id).max(50).optional() }),
  intrekken: metReden,
  annuleren: metReden,
} as const;

export type Opdrachtnaam = keyof typeof OPDRACHTEN;

/** What command K takes. */
export type OpdrachtArg<K extends Opdrachtnaam> = z.infer<(typeof OPDRACHTEN)[K]>;

/**
 * What an accepted command answers: where the case stands now. Kept small, since every
 * answer is stored in history; the full view is a status query away.
 */
export interface Opdrachtresultaat {
  fase: Fase;
  termijn?: { soort: string; op: string };
}

export type Opdrachtdefinitie<K extends Opdrachtnaam> = UpdateDefinition<Opdrachtresultaat, [OpdrachtArg<K>], K>;

/** The workflow updates, one per command, named as the command. */
export const opdrachten = Object.fromEntries(
  (Object.keys(OPDRACHTEN) as Opdrachtnaam[]).map((naam) => [naam, defineUpdate(naam)]),
) as { readonly [K in Opdrachtnaam]: Opdrachtdefinitie<K> };

/**
 * Who may give each command. The workflow also checks that the caller holds that role in
 * this very case; the API uses the table to refuse early and to document the endpoints.
 */
export const ROLLEN_PER_OPDRACHT: { readonly [K in Opdrachtnaam]: readonly Rol[] } = {
  coordinatorKiezen: ['regiomanager'],
  opdrachtBeantwoorden: ['coordinator'],
  contactVastleggen: ['coordinator'],
  deelnemerToevoegen: ['coordinator', 'regiomanager'],
  deelnemerBijwerken: ['coordinator'],
  aanwezigheidDoorgeven: ['deelnemer'],
  kringCompleet: ['coordinator'],
  vraagVastleggen: ['coordinator'],
  voorwaardenIndienen: ['professional'],
  voorwaardenPubliceren: ['professional'],
  datumVoorstellen: ['coordinator'],
  beschikbaarheidVastleggen: ['professional', 'coordinator'],
  datumBevestigen: ['coordinator'],
  verlengen: ['regiomanager'],
  conferentieStarten: ['coordinator'],
  bijdrageVastleggen: ['coordinator'],
  beslotenTijdStarten: ['coordinator'],
  planPresenteren: ['coordinator'],
  toetsen: ['professional'],
  afsprakenVastleggen: ['coordinator'],
  vervolgVastleggen: ['coordinator'],
  voortgangsgesprekPlannen: ['coordinator'],
  voortgangsgesprekVastleggen: ['coordinator'],
  nietGoedMelden: ['professional', 'coordinator', 'hoofdpersoon', 'aangewezen'],
  signaalOppakken: ['aangewezen', 'coordinator'],
  kringBijeenGeweest: ['aangewezen'],
  bijeenkomstVastleggen: ['coordinator'],
  herzieningIntrekken: ['coordinator', 'regiomanager'],
  evaluatieVastleggen: ['coordinator'],
  afsluiten: ['regiomanager'],
  intrekken: ['coordinator', 'regiomanager'],
  annuleren: ['regiomanager'],
};
