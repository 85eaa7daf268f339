// What the case workflow records: the vocabulary of the case timeline. Each event says
// what happened in ids, dates and choices; `dossier.ts` applies it to the case records.
import type { Afsluiting, Bezoek, DeelnemerRol, Fase, Uitnodiging, WettelijkeRol } from '../workflows/contract';
import type { Berichtsoort } from './berichten/soorten';

export type Gebeurtenis =
  | { soort: 'fase'; fase: Fase }
  | { soort: 'regiomanager'; persoonId: string | null }
  | { soort: 'regiomanagers'; persoonIds: string[] }
  | { soort: 'termijn'; termijn: string | null; op: string | null }
  | { soort: 'kandidaten.herzien'; aantal: number }
  | { soort: 'coordinator.aanbod-ingetrokken'; coordinatorId: string }
  | { soort: 'coordinator.aangeboden'; coordinatorId: string }
  | { soort: 'coordinator.aanvaard'; coordinatorId: string }
  | { soort: 'coordinator.afgewezen'; coordinatorId: string; redenId?: string }
  | { soort: 'contact'; op: string }
  | { soort: 'escalatie'; termijn: string; keer: number; signaalId?: string }
  | { soort: 'herinnering'; termijn: string }
  | {
      soort: 'deelnemer.toegevoegd';
      persoonId: string;
      rol: DeelnemerRol;
      wettelijkeRol?: WettelijkeRol;
      voorgesteldDoor?: string;
    }
  | {
      soort: 'deelnemer.bijgewerkt';
      persoonId: string;
      uitnodiging?: Uitnodiging;
      bezoek?: Bezoek;
      /** The note that came with an invitee's own answer. */
      notitieId?: string;
    }
  | { soort: 'kring'; compleet: boolean }
  | { soort: 'vraag'; tekstId: string }
  | { soort: 'voorwaarden.ingediend'; formulierId: string; professionalId: string; versie: number; aantal: number }
  | { soort: 'voorwaarden.gepubliceerd'; formulierId: string }
  | { soort: 'datum.voorgesteld'; voorstelId: string; op: string }
  | { soort: 'beschikbaarheid'; voorstelId: string; professionalId: string; beschikbaar: boolean }
  | { soort: 'datum.bevestigd'; voorstelId: string; op: string }
  | { soort: 'verlenging'; duur: string; redenId: string; herinneringOp: string; escalatieOp: string }
  | { soort: 'conferentie.gestart' }
  | { soort: 'bijdrage'; professionalId: string; aanwezig: boolean }
  | { soort: 'besloten.gestart'; ronde: number }
  | { soort: 'besloten.beeindigd'; ronde: number }
  | { soort: 'plan.gepresenteerd'; planId: string; ronde: number }
  | {
      soort: 'toetsing';
      toetsingId: string;
      planId: string;
      professionalId: string;
      ronde: number;
      oordelen: Array<{ nummer: number; voldaan: boolean }>;
    }
  | { soort: 'plan.geaccepteerd'; planId: string }
  | { soort: 'afspraken'; aangewezen: string[]; vervolgcontrole: string; voortgangsgesprek: string; evaluatie: string }
  | { soort: 'vervolg.gedaan'; tekstId?: string }
  | { soort: 'voortgangsgesprek.gepland'; op: string }
  | { soort: 'voortgangsgesprek.gehouden'; op: string }
  | { soort: 'signaal'; signaalId: string; uiterlijk?: string }
  | { soort: 'signaal.opgepakt'; signaalId: string }
  /** The designated person says the circle met about it; the coordinator records the meeting. */
  | { soort: 'signaal.kring-bijeen'; signaalId: string; notitieId?: string }
  | {
      soort: 'bijeenkomst';
      bijeenkomstId: string;
      op: string;
      aanwezigen: string[];
      signaalId?: string;
      herzienPlanId?: string;
      /** The revised plan goes to the professionals who set conditions before it counts. */
      terToetsing?: boolean;
    }
  | { soort: 'herziening.afgewezen'; planId: string }
  | { soort: 'herziening.ingetrokken'; planId: string; redenId: string }
  | { soort: 'evaluatie'; kringAkkoord: boolean; nieuweDatum?: string }
  | { soort: 'afgesloten'; afsluiting: Afsluiting; redenId?: string; signalen?: string[] }
  | {
      soort: 'bericht.mislukt';
      berichtId: string;
      over: Berichtsoort;
      kanaal: 'email' | 'sms' | 'geen';
      onzeker: boolean;
    };

export interface Vastlegging {
  zaakId: string;
  /** Process time of the events (workflow time), ISO. */
  op: string;
  /** The person whose command it was; absent for what the process did by itself. */
  doorId?: string;
  gebeurtenissen: Gebeurtenis[];
}

/** One person a message goes to, and in which role. */
export interface Ontvanger {
  persoonId: string;
  rol: string;
}

export interface Melden {
  zaakId: string;
  soort: Berichtsoort;
  /** Event and occurrence (e.g. "escalatie.contact.2"): with case and recipient, the message's identity. */
  sleutel: string;
  aan: Ontvanger[];
  details?: Record<string, string | number | boolean>;
}
