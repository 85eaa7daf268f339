// Every message the process sends, with the variables its text needs. A language file
// must render all of them (sjablonen.ts checks that at compile time), and a template gets
// exactly these variables: one missing is a type error, not a "{datum}" in a message.
//
// What a message may carry: SMS only who sends, what is due, when, and how to reach
// someone; never names of children, case details or a diagnosis. Email a little more
// (staff get a case reference and a link), never the plan.

/** Recipients outside Eigen Kracht: family, network, professionals. */
interface VoorDeelnemer {
  /** How to reach the coordinator (or the regiomanager): a phone number or email address. */
  contact: string;
}

/** Recipients at Eigen Kracht: coordinator and regiomanager. */
interface VoorStaf {
  /** Short case reference, e.g. "3F2A91C0": no names. */
  zaakRef: string;
  link: string;
}

export type Afsluitsoort = 'afgerond' | 'ingetrokken' | 'geannuleerd';
/** The channel a message went (or could not go) by; 'geen': no address or number known. */
export type Kanaalnaam = 'email' | 'sms' | 'geen';

export interface Variabelen {
  'aanvraag.ontvangen': VoorStaf & { regio: string; nood: boolean };
  /** To operations and the administrators: a request for a region nobody manages. */
  'aanvraag.zonder-regiomanager': VoorStaf & { regio: string };
  'coordinator.aanbod': VoorStaf & { regio: string; nood: boolean };
  'coordinator.aanvaard': VoorStaf & { coordinator: string };
  'coordinator.geen-kandidaten': VoorStaf;
  'escalatie.contact': VoorStaf & { keer: number };
  'datum.herinnering': VoorStaf;
  'escalatie.datum': VoorStaf;
  uitnodiging: VoorDeelnemer & { coordinator: string };
  'voorwaarden.gedeeld': VoorDeelnemer;
  'datum.bevestigd': VoorDeelnemer & { datum: string };
  'conferentie.herinnering': VoorDeelnemer & { datum: string };
  'vervolg.herinnering': VoorStaf;
  'vervolg.gepland': VoorDeelnemer & { coordinator: string };
  'voortgangsgesprek.herinnering': VoorDeelnemer & { datum: string };
  'evaluatie.herinnering': VoorStaf & { datum: string };
  'niet-goed': VoorDeelnemer & { coordinator: string };
  'signaal.gemeld': VoorStaf;
  'signaal.geen-reactie': VoorStaf;
  /** To the professionals in the case: can you come on this date? */
  'datum.voorgesteld': VoorStaf & { datum: string };
  /** To each professional who set conditions: a revised plan to check against them. */
  'plan.herzien': VoorStaf;
  /** To the coordinator: the revised plan did not meet a condition; back to the circle. */
  'herziening.afgewezen': VoorStaf;
  /** To coordinator and regiomanager: a revised plan waits too long for its toetsing. */
  'herziening.geen-toetsing': VoorStaf;
  'zaak.afgesloten': VoorStaf & { afsluiting: Afsluitsoort };
  'bericht.mislukt': VoorStaf & { over: Berichtsoort; kanaal: Kanaalnaam };
}

export type Berichtsoort = keyof Variabelen;

export interface Bericht {
  onderwerp: string;
  email: string;
  sms: string;
}

export type Sjablonen = {
  readonly [S in Berichtsoort]: (v: Variabelen[S]) => Bericht;
} & {
  /** The language's name for each kind of message, for "could not be delivered" alerts. */
  readonly naam: Record<Berichtsoort, string>;
  readonly afsluiting: Record<Afsluitsoort, string>;
  readonly kanaal: Record<Kanaalnaam, string>;
  /** Dates as people read them, e.g. "dinsdag 15 december om 19:00". */
  readonly locale: string;
};
