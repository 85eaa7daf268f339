// The case's own state: what continue-as-new carries to the next run, how it begins, how an
// older run's state is brought up to date, and the view callers get of it. Pure functions
// over plain data.
import type { Ontvanger } from '../activities/gebeurtenissen';
import type { Berichtsoort } from '../activities/berichten/soorten';
import type {
  Afsluiting,
  Bezoek,
  Bijeenkomst,
  Datumvoorstel,
  Oordeel,
  Signaal,
  Verlenging,
  Voorwaardenstand,
  Conferentiedeel,
  DeelnemerRol,
  Fase,
  Termijn,
  Uitnodiging,
  WettelijkeRol,
  ZaakStart,
  ZaakStatus,
} from './contract';
import { na } from './termijnen';

export const ms = (iso: string): number => Date.parse(iso);
export const iso = (moment: number): string => new Date(moment).toISOString();

/**
 * The shape of the state this code writes. A run that starts afresh from an older shape
 * passes through `bijgewerkt` first, so a change of shape never strands a running case:
 * raise the number, and add the step from the previous shape there.
 */
export const TOESTANDSVERSIE = 2;

export interface Deelnemer {
  persoonId: string;
  rol: DeelnemerRol;
  wettelijkeRol?: WettelijkeRol;
  uitnodiging: Uitnodiging;
  bezoek: Bezoek;
  /** Named in the plan to call the circle together. */
  aangewezen?: boolean;
}

/** An SMS held back by the quiet hours, to go out at `op`. */
export interface Uitgesteld {
  soort: Berichtsoort;
  sleutel: string;
  kanaal: 'sms';
  op: string;
}

export interface ZaakToestand {
  /** The shape of this state (TOESTANDSVERSIE); absent in runs from before it was counted. */
  versie?: number;
  zaakId: string;
  fase: Fase;
  noodsituatie: boolean;
  aangevraagdOp: string;
  /** The first of the region's regiomanagers (runs from before several were kept have only this). */
  regiomanagerId?: string;
  /** The region's regiomanagers, as the case was last told. */
  regiomanagers?: string[];
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
    datumvoorstellen: Datumvoorstel[];
    bevestigd?: { voorstelId: string; op: string };
    herinneringOp?: string;
    escalatieOp?: string;
    herinnerd: boolean;
    geescaleerd: boolean;
    verlengingen: Verlenging[];
    /** Conference reminders already sent, by the time-before they stand for. */
    conferentieHerinnerd: string[];
  };
  voorwaarden: Voorwaardenstand[];
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
    /** A revised plan being checked against the conditions before it counts. */
    herziening?: {
      planId: string;
      oordelen: Array<{ professionalId: string; nummer: number; voldaan: boolean }>;
      /** When coordinator and regiomanager hear of it if not every professional has checked it. */
      uiterlijk: string;
      geescaleerd: boolean;
    };
    vervolgOp?: string;
    vervolgGemeld: boolean;
    vervolgGedaan: boolean;
    gesprekken: Array<{ op: string; herinnerd: boolean; gehouden: boolean }>;
    evaluatieOp?: string;
    evaluatieGemeld: boolean;
    signalen: Signaal[];
    bijeenkomsten: Bijeenkomst[];
  };
  afsluiting?: { soort: Afsluiting; op: string; redenId?: string };
  /** SMS held back by the quiet hours. */
  uitgesteld: Uitgesteld[];
  /** How many runs this case has had (continue-as-new). */
  run: number;
}

/** A request as the workflow first holds it: who is on it comes in while it is taken in. */
export function beginToestand(start: ZaakStart): ZaakToestand {
  return {
    versie: TOESTANDSVERSIE,
    zaakId: start.zaakId,
    // Until the workflow has taken the request in (regiomanager, candidates): then intake.
    fase: 'aanvraag',
    noodsituatie: start.noodsituatie,
    aangevraagdOp: start.aangevraagdOp,
    deelnemers: [],
    intake: {
      kandidaten: [],
      afgewezenDoor: [],
      aanbiedingen: 0,
      contactUiterlijk: iso(na(ms(start.aangevraagdOp), start.termijnen.contact)),
      escalaties: 0,
    },
    voorbereiding: {
      kringCompleet: false,
      datumvoorstellen: [],
      herinnerd: false,
      geescaleerd: false,
      verlengingen: [],
      conferentieHerinnerd: [],
    },
    voorwaarden: [],
    conferentie: { ronde: 0, bijdragen: [], plannen: [], oordelen: [] },
    uitvoering: {
      vervolgGemeld: false,
      vervolgGedaan: false,
      gesprekken: [],
      evaluatieGemeld: false,
      signalen: [],
      bijeenkomsten: [],
    },
    uitgesteld: [],
    run: 1,
  };
}

/** The state a previous run handed over, in today's shape, as the next run. */
export function bijgewerkt(overgedragen: ZaakToestand): ZaakToestand {
  const z: ZaakToestand = { ...overgedragen, run: overgedragen.run + 1 };
  const versie = z.versie ?? 1; // shape 1 is the first that was counted; a run from before carried it
  if (versie > TOESTANDSVERSIE) {
    throw new Error(`case state of shape ${versie} is newer than this code (${TOESTANDSVERSIE})`);
  }
  // 1 → 2: a region may have several regiomanagers; a run of shape 1 knew one.
  if (versie < 2) z.regiomanagers = z.regiomanagerId ? [z.regiomanagerId] : [];
  z.versie = TOESTANDSVERSIE;
  return z;
}

/**
 * The deadline that runs now: the target staff work towards, shown in lists as overdue
 * once it has passed. Reminders are not deadlines.
 */
export function huidigeTermijn(z: ZaakToestand): Termijn | undefined {
  const open = z.uitvoering.signalen.filter((s) => !s.opgepakt);
  switch (z.fase) {
    case 'intake':
      return { soort: 'contact', op: z.intake.contactUiterlijk };
    case 'voorbereiding':
      if (z.voorbereiding.bevestigd) return { soort: 'conferentie', op: z.voorbereiding.bevestigd.op };
      return z.voorbereiding.escalatieOp ? { soort: 'datum', op: z.voorbereiding.escalatieOp } : undefined;
    case 'uitvoering':
      if (open.length > 0) return { soort: 'signaal', op: open[0]!.uiterlijk };
      if (z.uitvoering.herziening) return { soort: 'herziening', op: z.uitvoering.herziening.uiterlijk };
      if (!z.uitvoering.vervolgGedaan && z.uitvoering.vervolgOp)
        return { soort: 'vervolgcontrole', op: z.uitvoering.vervolgOp };
      return z.uitvoering.evaluatieOp ? { soort: 'evaluatie', op: z.uitvoering.evaluatieOp } : undefined;
    default:
      return undefined;
  }
}

/** Professionals whose conditions the presented plan is checked against. */
export function toetsers(z: ZaakToestand): string[] {
  return z.voorwaarden.filter((v) => v.gepubliceerd).map((v) => v.professionalId);
}

/** The verdicts given so far on the plan being checked now: at the conference, or a revision. */
export function lopendeOordelen(z: ZaakToestand): Array<{ professionalId: string; voldaan: boolean }> {
  if (z.fase === 'uitvoering') return z.uitvoering.herziening?.oordelen ?? [];
  return z.conferentie.oordelen.filter((o) => o.ronde === z.conferentie.ronde);
}

function wachtOpToetsing(z: ZaakToestand): string[] {
  const wacht =
    (z.fase === 'conferentie' && z.conferentie.deel === 'presentatie' && !z.conferentie.geaccepteerdOp) ||
    (z.fase === 'uitvoering' && z.uitvoering.herziening);
  if (!wacht) return [];
  const gedaan = new Set(lopendeOordelen(z).map((o) => o.professionalId));
  return toetsers(z).filter((p) => !gedaan.has(p));
}

/** What the status query answers: a copy, in the shape callers read, never the state itself. */
export function statusVan(z: ZaakToestand): ZaakStatus {
  const { intake: i, voorbereiding: v, conferentie: c, uitvoering: u } = kopie(z);
  return {
    zaakId: z.zaakId,
    fase: z.fase,
    noodsituatie: z.noodsituatie,
    aangevraagdOp: z.aangevraagdOp,
    regiomanagerId: z.regiomanagerId,
    regiomanagers: regiomanagersVan(z),
    coordinatorId: i.coordinatorId,
    termijn: huidigeTermijn(z),
    deelnemers: z.deelnemers.map((d) => ({ ...d, aangewezen: d.aangewezen === true })),
    intake: {
      kandidaten: i.kandidaten,
      aangeboden: i.aangeboden,
      afgewezenDoor: i.afgewezenDoor,
      contactOp: i.contactOp,
      contactUiterlijk: i.contactUiterlijk,
      escalaties: i.escalaties,
    },
    voorbereiding: {
      begonnenOp: v.begonnenOp,
      vraagId: v.vraagId,
      kringCompleet: v.kringCompleet,
      datumvoorstellen: v.datumvoorstellen,
      bevestigd: v.bevestigd,
      herinneringOp: v.herinneringOp,
      escalatieOp: v.escalatieOp,
      verlengingen: v.verlengingen,
    },
    voorwaarden: kopie(z.voorwaarden),
    conferentie: { ...c, wachtOpToetsing: z.fase === 'conferentie' ? wachtOpToetsing(z) : [] },
    uitvoering: {
      planId: u.planId,
      herziening: u.herziening && { planId: u.herziening.planId, wachtOpToetsing: wachtOpToetsing(z) },
      vervolgOp: u.vervolgOp,
      vervolgGedaan: u.vervolgGedaan,
      gesprekken: u.gesprekken.map(({ op, gehouden }) => ({ op, gehouden })),
      evaluatieOp: u.evaluatieOp,
      signalen: u.signalen,
      bijeenkomsten: u.bijeenkomsten,
    },
    afsluiting: z.afsluiting && { ...z.afsluiting },
    wachtOpOchtend: z.uitgesteld.map(({ soort, op }) => ({ soort, op })),
  };
}

function kopie<T>(waarde: T): T {
  return JSON.parse(JSON.stringify(waarde)) as T;
}

// ---- Who hears of what, and who holds which part ----------------------------------------

/** The regiomanagers of the case's region. */
export const regiomanagersVan = (z: ZaakToestand): string[] =>
  z.regiomanagers ?? (z.regiomanagerId ? [z.regiomanagerId] : []);

export const regiomanager = (z: ZaakToestand): Ontvanger[] =>
  regiomanagersVan(z).map((persoonId) => ({ persoonId, rol: 'regiomanager' }));

export const coordinator = (z: ZaakToestand): Ontvanger[] =>
  z.intake.coordinatorId ? [{ persoonId: z.intake.coordinatorId, rol: 'coordinator' }] : [];

export const aangewezenPersonen = (z: ZaakToestand): Ontvanger[] =>
  z.deelnemers.filter((d) => d.aangewezen).map((d) => ({ persoonId: d.persoonId, rol: 'aangewezen' }));

/** The main person and everyone invited: who reads the conditions and hears of the date. */
export const genodigden = (z: ZaakToestand): Ontvanger[] =>
  z.deelnemers
    .filter((d) => d.rol === 'hoofdpersoon' || d.uitnodiging === 'uitgenodigd' || d.uitnodiging === 'bevestigd')
    .map((d) => ({ persoonId: d.persoonId, rol: d.rol }));

/**
 * Whose plan it is and who helps carry it out: the main person, the network and the
 * professionals who did not decline, each once; the designated persons as such.
 */
export const kringVanHetPlan = (z: ZaakToestand): Ontvanger[] => {
  const gezien = new Set<string>();
  const kring: Ontvanger[] = [];
  for (const d of z.deelnemers) {
    const erbij =
      d.rol === 'hoofdpersoon' ||
      ((d.rol === 'netwerk' || d.rol === 'professional') &&
        d.uitnodiging !== 'afgemeld' &&
        d.uitnodiging !== 'niet_uitgenodigd');
    if (!erbij || gezien.has(d.persoonId)) continue;
    gezien.add(d.persoonId);
    const aangewezen = z.deelnemers.some((x) => x.persoonId === d.persoonId && x.aangewezen);
    kring.push({ persoonId: d.persoonId, rol: aangewezen ? 'aangewezen' : d.rol });
  }
  return kring;
};

/** The person's part in the case; without a role, their part other than having asked for it. */
export function deelnemer(z: ZaakToestand, persoonId: string, rol?: DeelnemerRol): Deelnemer | undefined {
  const rollen = z.deelnemers.filter((d) => d.persoonId === persoonId && (rol === undefined || d.rol === rol));
  return rollen.find((d) => d.rol !== 'aanvrager') ?? rollen[0];
}
