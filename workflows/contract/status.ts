// What starts a case's workflow, and what it tells its callers: the status view (what a
// caller reads, not the workflow's own state) and the signal of a late delivery report.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { Berichtsoort } from '../../activities/berichten/soorten';
import type { Termijnen } from '../termijnen';
import type { Afsluiting, Bezoek, Conferentiedeel, DeelnemerRol, Fase, Uitnodiging, WettelijkeRol } from './waarden';

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

export function workflowIdVoorZaak(zaakId: string): string {
  return `zaak-${zaakId}`;
}

/** A deadline: the target staff work towards, shown in lists as overdue once passed. */
export interface Termijn {
  soort: string;
  op: string;
}

// ---- Values the view is made of (the workflow's state holds them too) ----

export interface Datumvoorstel {
  id: string;
  op: string;
  /** Per professional: can she come? */
  beschikbaar: Record<string, boolean>;
}

export interface Verlenging {
  duur: string;
  redenId: string;
  op: string;
}

export interface Formulierversie {
  formulierId: string;
  versie: number;
  /** How many numbered conditions it has. */
  aantal: number;
}

export interface Voorwaardenstand {
  professionalId: string;
  /** The latest version handed in, and the latest published (the one the plan is checked against). */
  ingediend: Formulierversie;
  gepubliceerd?: Formulierversie;
}

export interface Oordeel {
  ronde: number;
  professionalId: string;
  nummer: number;
  voldaan: boolean;
}

/** "Het gaat niet goed": taken up, or escalated to coordinator and regiomanager once `uiterlijk` passed. */
export interface Signaal {
  id: string;
  doorId: string;
  op: string;
  opgepakt: boolean;
  uiterlijk: string;
  geescaleerd: boolean;
  /** The circle met about it (said through the designated person's link, or recorded). */
  kringBijeen?: boolean;
}

export interface Bijeenkomst {
  id: string;
  op: string;
  aanwezigen: string[];
  /** The revised plan it produced, if any. */
  planId?: string;
}

/** Where a case stands, as its callers read it. Timestamps are ISO strings; people are ids. */
export interface ZaakStatus {
  zaakId: string;
  fase: Fase;
  noodsituatie: boolean;
  aangevraagdOp: string;
  /** The first of the region's regiomanagers; all of them in `regiomanagers`. */
  regiomanagerId?: string;
  regiomanagers: string[];
  coordinatorId?: string;
  /** The deadline that runs now. */
  termijn?: Termijn;
  deelnemers: Array<{
    persoonId: string;
    rol: DeelnemerRol;
    wettelijkeRol?: WettelijkeRol;
    uitnodiging: Uitnodiging;
    bezoek: Bezoek;
    /** Named in the plan to call the circle together. */
    aangewezen: boolean;
  }>;
  intake: {
    /** Coordinators who may take the case, best match first. */
    kandidaten: string[];
    /** The coordinator the case is offered to now, awaiting her answer. */
    aangeboden?: string;
    afgewezenDoor: string[];
    contactOp?: string;
    contactUiterlijk: string;
    /** How often the contact deadline escalated. */
    escalaties: number;
  };
  voorbereiding: {
    begonnenOp?: string;
    vraagId?: string;
    kringCompleet: boolean;
    datumvoorstellen: Datumvoorstel[];
    bevestigd?: { voorstelId: string; op: string };
    /** Without a confirmed date: when the nudge and the escalation come. */
    herinneringOp?: string;
    escalatieOp?: string;
    verlengingen: Verlenging[];
  };
  voorwaarden: Voorwaardenstand[];
  conferentie: {
    deel?: Conferentiedeel;
    /** Besloten tijd rounds: 1 for the first, +1 for every return after an unmet condition. */
    ronde: number;
    begonnenOp?: string;
    bijdragen: Array<{ professionalId: string; aanwezig: boolean }>;
    /** Every plan presented, oldest first (revisions after the conference included). */
    plannen: string[];
    oordelen: Oordeel[];
    geaccepteerdOp?: string;
    /** Professionals whose verdict on the current presentation is still awaited. */
    wachtOpToetsing: string[];
  };
  uitvoering: {
    /** The plan that guides the help now. */
    planId?: string;
    /** A revised plan being checked against the conditions, and whose verdicts are awaited. */
    herziening?: { planId: string; wachtOpToetsing: string[] };
    vervolgOp?: string;
    vervolgGedaan: boolean;
    gesprekken: Array<{ op: string; gehouden: boolean }>;
    evaluatieOp?: string;
    signalen: Signaal[];
    bijeenkomsten: Bijeenkomst[];
  };
  afsluiting?: { soort: Afsluiting; op: string; redenId?: string };
  /** SMS held back by the quiet hours, and when they go. */
  wachtOpOchtend: Array<{ soort: Berichtsoort; op: string }>;
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

/** The region's regiomanagers changed: from now on these receive and act on the case. */
export const regiomanagersSignal = defineSignal<[{ regiomanagers: string[] }]>('regiomanagers');
