// The case workflow's public interface: what starts it, what it answers, which commands it
// takes. Imported by the workflow and by its callers (API, tests), so both sides share types.
//
// Everything here is ids, dates, numbers and choices: names, contact details and free text
// (reasons, notes, the question, the plan) live in the database, and a command refers to
// them by id. So workflow history never holds personal data.
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Berichtsoort } from '../activities/berichten/soorten';
import type { Termijnen } from './termijnen';

export type Fase = 'aanvraag' | 'intake' | 'voorbereiding' | 'conferentie' | 'uitvoering' | 'afgesloten';
export type Conferentiedeel = 'informatie' | 'besloten' | 'presentatie';
export type Afsluiting = 'afgerond' | 'ingetrokken' | 'geannuleerd';
export type WettelijkeRol =
  'jeugdbescherming' | 'reclassering' | 'curator' | 'schuldhulpverlening' | 'rechterlijke_maatregel';
export type Uitnodiging = 'niet_uitgenodigd' | 'uitgenodigd' | 'bevestigd' | 'afgemeld';
export type Bezoek = 'niet_gepland' | 'gepland' | 'bezocht' | 'niet_gelukt';

/** The role a caller acts in. The workflow checks it against who holds that role in the case. */
export type Rol = 'regiomanager' | 'coordinator' | 'professional' | 'hoofdpersoon' | 'aangewezen' | 'deelnemer';

/** Who gives a command: set by the API from the authenticated caller, never by the caller. */
export interface Door {
  persoonId: string;
  rol: Rol;
}

/** Start input. */
export interface ZaakStart {
  zaakId: string;
  noodsituatie: boolean;
  /** ISO timestamp of the request; deadlines count from here. */
  aangevraagdOp: string;
  termijnen: Termijnen;
  /** Continue-as-new once history has this many events (for tests); absent: when Temporal suggests it. */
  doorstartNa?: number;
}

export type DeelnemerRol = 'hoofdpersoon' | 'aanvrager' | 'netwerk' | 'professional';

export interface Deelnemer {
  persoonId: string;
  rol: DeelnemerRol;
  wettelijkeRol?: WettelijkeRol;
  uitnodiging: Uitnodiging;
  bezoek: Bezoek;
  /** Named in the plan to call the circle together. */
  aangewezen?: boolean;
}

export interface Voorwaarden {
  professionalId: string;
  /** The latest version handed in, and the latest published (the one the plan is checked against). */
  ingediend: { formulierId: string; versie: number; aantal: number };
  gepubliceerd?: { formulierId: string; versie: number; aantal: number };
}

export interface Oordeel {
  ronde: number;
  professionalId: string;
  nummer: number;
  voldaan: boolean;
}

export interface Signaal {
  id: string;
  doorId: string;
  op: string;
  /** The designated person (or coordinator) has taken it up. */
  opgepakt: boolean;
  /** When coordinator and regiomanager hear of it if nobody acts. */
  uiterlijk: string;
  geescaleerd: boolean;
}

export interface Bijeenkomst {
  id: string;
  op: string;
  aanwezigen: string[];
  planId?: string;
}

export interface Voortgangsgesprek {
  op: string;
  herinnerd: boolean;
  gehouden: boolean;
}

/**
 * The whole state of a case, as plain data: what a query shows, and what continue-as-new
 * carries to the next run. Timestamps are ISO strings.
 */
export interface ZaakToestand {
  zaakId: string;
  fase: Fase;
  noodsituatie: boolean;
  aangevraagdOp: string;
  regiomanagerId?: string;
  deelnemers: Deelnemer[];
  intake: {
    /** Coordinators who may take the case, best match first. */
    kandidaten: string[];
    afgewezenDoor: string[];
    aangeboden?: string;
    /** How many offers were made (each offer's message is its own). */
    aanbiedingen: number;
    coordinatorId?: string;
    contactOp?: string;
    contactUiterlijk: string;
    escalaties: number;
  };
  voorbereiding: {
    begonnenOp?: string;
    vraagId?: string;
    kringCompleet: boolean;
    datumvoorstellen: Array<{ id: string; op: string; beschikbaar: Record<string, boolean> }>;
    bevestigd?: { voorstelId: string; op: string };
    herinneringOp?: string;
    escalatieOp?: string;
    herinnerd: boolean;
    geescaleerd: boolean;
    verlengingen: Array<{ duur: string; redenId: string; op: string }>;
    /** Conference reminders already sent, by the time-before they stand for. */
    conferentieHerinnerd: string[];
  };
  voorwaarden: Voorwaarden[];
  conferentie: {
    deel?: Conferentiedeel;
    /** Besloten tijd rounds: 1 for the first, +1 for every return after an unmet condition. */
    ronde: number;
    begonnenOp?: string;
    bijdragen: Array<{ professionalId: string; aanwezig: boolean }>;
    plannen: string[];
    oordelen: Oordeel[];
    geaccepteerdOp?: string;
  };
  uitvoering: {
    planId?: string;
    vervolgOp?: string;
    vervolgGemeld: boolean;
    vervolgGedaan: boolean;
    gesprekken: Voortgangsgesprek[];
    evaluatieOp?: string;
    evaluatieGemeld: boolean;
    signalen: Signaal[];
    bijeenkomsten: Bijeenkomst[];
  };
  afsluiting?: { soort: Afsluiting; op: string; redenId?: string };
  /** SMS held back by the quiet hours, to go out at `op`. */
  uitgesteld: Uitgesteld[];
  /** How many runs this case has had (continue-as-new). */
  run: number;
}

export interface Uitgesteld {
  soort: Berichtsoort;
  sleutel: string;
  kanaal: 'sms';
  op: string;
}

/** A query's answer: the state, and the deadline that runs now. */
export interface ZaakStatus extends ZaakToestand {
  termijn?: { soort: string; op: string };
  /** Professionals whose verdict on the current presentation is still awaited. */
  wachtOpToetsing: string[];
}

// ---- Commands ----------------------------------------------------------------------------

export interface Opdracht {
  door: Door;
}

export interface CoordinatorKiezen extends Opdracht {
  coordinatorId: string;
}
export interface OpdrachtBeantwoorden extends Opdracht {
  aanvaard: boolean;
  redenId?: string;
}
export interface ContactVastleggen extends Opdracht {
  /** When the coordinator reached the family (ISO); defaults to now. */
  op?: string;
}
export interface DeelnemerToevoegen extends Opdracht {
  persoonId: string;
  rol: 'netwerk' | 'professional';
  wettelijkeRol?: WettelijkeRol;
  /** Whose visit brought up this name (a participant's person id). */
  voorgesteldDoor?: string;
}
export interface DeelnemerBijwerken extends Opdracht {
  persoonId: string;
  uitnodiging?: Uitnodiging;
  bezoek?: Bezoek;
}
/** A participant answers the invitation themselves (through a one-click link). */
export interface AanwezigheidDoorgeven extends Opdracht {
  komt: boolean;
}
export interface KringCompleet extends Opdracht {
  compleet: boolean;
}
export interface VraagVastleggen extends Opdracht {
  tekstId: string;
}
export interface VoorwaardenIndienen extends Opdracht {
  formulierId: string;
  versie: number;
  /** How many numbered conditions the form has. */
  aantal: number;
}
export interface VoorwaardenPubliceren extends Opdracht {
  formulierId: string;
}
export interface DatumVoorstellen extends Opdracht {
  voorstelId: string;
  op: string;
}
export interface BeschikbaarheidVastleggen extends Opdracht {
  voorstelId: string;
  professionalId: string;
  beschikbaar: boolean;
}
export interface DatumBevestigen extends Opdracht {
  voorstelId: string;
}
export interface Verlengen extends Opdracht {
  /** e.g. "2 weeks" */
  duur: string;
  redenId: string;
}
export type ConferentieStarten = Opdracht;
export interface BijdrageVastleggen extends Opdracht {
  professionalId: string;
  aanwezig: boolean;
}
export type BeslotenTijdStarten = Opdracht;
export interface PlanPresenteren extends Opdracht {
  planId: string;
}
export interface Toetsen extends Opdracht {
  toetsingId: string;
  oordelen: Array<{ nummer: number; voldaan: boolean }>;
}
export interface AfsprakenVastleggen extends Opdracht {
  aangewezen: string[];
  eersteVoortgangsgesprek: string;
  evaluatie: string;
}
export interface VervolgVastleggen extends Opdracht {
  tekstId?: string;
}
export interface VoortgangsgesprekPlannen extends Opdracht {
  op: string;
}
export interface VoortgangsgesprekVastleggen extends Opdracht {
  op: string;
}
export interface NietGoedMelden extends Opdracht {
  /** The short note that comes with the signal. */
  tekstId: string;
}
export interface SignaalOppakken extends Opdracht {
  signaalId: string;
}
export interface BijeenkomstVastleggen extends Opdracht {
  bijeenkomstId: string;
  op: string;
  aanwezigen: string[];
  /** The signal that led to it, if any. */
  signaalId?: string;
  /** A revised plan (a new version); the current one is kept as history. */
  herzienPlanId?: string;
}
export interface EvaluatieVastleggen extends Opdracht {
  kringAkkoord: boolean;
  /** When the circle wants more time: the next evaluation date. */
  nieuweDatum?: string;
}
export interface Afsluiten extends Opdracht {
  redenId: string;
}

/**
 * What an accepted command answers: where the case stands now. Kept small, since every
 * answer is stored in history; the full state is a status query away.
 */
export interface Opdrachtresultaat {
  fase: Fase;
  termijn?: { soort: string; op: string };
}

export const statusQuery = defineQuery<ZaakStatus>('status');

/** The provider reported afterwards that a message did not arrive (Twilio's status callback). */
export interface NietBezorgd {
  berichtId: string;
  ontvangerId: string;
  soort: Berichtsoort;
  kanaal: 'email' | 'sms';
}
export const nietBezorgdSignal = defineSignal<[NietBezorgd]>('nietBezorgd');

const opdracht = <A extends Opdracht>(naam: string) => defineUpdate<Opdrachtresultaat, [A]>(naam);

export const opdrachten = {
  coordinatorKiezen: opdracht<CoordinatorKiezen>('coordinatorKiezen'),
  opdrachtBeantwoorden: opdracht<OpdrachtBeantwoorden>('opdrachtBeantwoorden'),
  contactVastleggen: opdracht<ContactVastleggen>('contactVastleggen'),
  deelnemerToevoegen: opdracht<DeelnemerToevoegen>('deelnemerToevoegen'),
  deelnemerBijwerken: opdracht<DeelnemerBijwerken>('deelnemerBijwerken'),
  aanwezigheidDoorgeven: opdracht<AanwezigheidDoorgeven>('aanwezigheidDoorgeven'),
  kringCompleet: opdracht<KringCompleet>('kringCompleet'),
  vraagVastleggen: opdracht<VraagVastleggen>('vraagVastleggen'),
  voorwaardenIndienen: opdracht<VoorwaardenIndienen>('voorwaardenIndienen'),
  voorwaardenPubliceren: opdracht<VoorwaardenPubliceren>('voorwaardenPubliceren'),
  datumVoorstellen: opdracht<DatumVoorstellen>('datumVoorstellen'),
  beschikbaarheidVastleggen: opdracht<BeschikbaarheidVastleggen>('beschikbaarheidVastleggen'),
  datumBevestigen: opdracht<DatumBevestigen>('datumBevestigen'),
  verlengen: opdracht<Verlengen>('verlengen'),
  conferentieStarten: opdracht<ConferentieStarten>('conferentieStarten'),
  bijdrageVastleggen: opdracht<BijdrageVastleggen>('bijdrageVastleggen'),
  beslotenTijdStarten: opdracht<BeslotenTijdStarten>('beslotenTijdStarten'),
  planPresenteren: opdracht<PlanPresenteren>('planPresenteren'),
  toetsen: opdracht<Toetsen>('toetsen'),
  afsprakenVastleggen: opdracht<AfsprakenVastleggen>('afsprakenVastleggen'),
  vervolgVastleggen: opdracht<VervolgVastleggen>('vervolgVastleggen'),
  voortgangsgesprekPlannen: opdracht<VoortgangsgesprekPlannen>('voortgangsgesprekPlannen'),
  voortgangsgesprekVastleggen: opdracht<VoortgangsgesprekVastleggen>('voortgangsgesprekVastleggen'),
  nietGoedMelden: opdracht<NietGoedMelden>('nietGoedMelden'),
  signaalOppakken: opdracht<SignaalOppakken>('signaalOppakken'),
  bijeenkomstVastleggen: opdracht<BijeenkomstVastleggen>('bijeenkomstVastleggen'),
  evaluatieVastleggen: opdracht<EvaluatieVastleggen>('evaluatieVastleggen'),
  afsluiten: opdracht<Afsluiten>('afsluiten'),
  intrekken: opdracht<Afsluiten>('intrekken'),
  annuleren: opdracht<Afsluiten>('annuleren'),
} as const;

export type Opdrachtnaam = keyof typeof opdrachten;

/** What a command takes. */
export type OpdrachtArg<K extends Opdrachtnaam> =
  (typeof opdrachten)[K] extends UpdateDefinition<Opdrachtresultaat, [infer A], string> ? A : never;

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
  nietGoedMelden: ['professional', 'coordinator', 'hoofdpersoon'],
  signaalOppakken: ['aangewezen', 'coordinator'],
  bijeenkomstVastleggen: ['coordinator'],
  evaluatieVastleggen: ['coordinator'],
  afsluiten: ['regiomanager'],
  intrekken: ['coordinator', 'regiomanager'],
  annuleren: ['regiomanager'],
};

export function workflowIdVoorZaak(zaakId: string): string {
  return `zaak-${zaakId}`;
}
