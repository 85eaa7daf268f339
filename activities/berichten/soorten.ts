// Every message the process sends, with the variables its text needs. A language file
// must render all of them (sjablonen.ts checks that at compile time), and a template gets
// exactly these variables: one missing is a type error, not a "{datum}" in a message.
//
// What a message may carry: SMS only who sends (Eigen Kracht), what, when, and a link;
// never a name, a place or case details. Email a little more: the family's first name, the
// conference's date, time and place, the coordinator's name and number; staff get a case
// reference and a link; the plan goes by email only to the family and network whose plan it
// is, and to a professional only their own share.

/** What a one-click link in a message does for its recipient. */
export type Linkdoel = 'aanwezigheid' | 'voorwaarden' | 'plan' | 'niet-goed' | 'signaal' | 'tevredenheid';
export type Links = Partial<Record<Linkdoel, string>>;

/** Recipients outside Eigen Kracht: family, network, professionals. */
interface VoorDeelnemer {
  /** Who to call: the coordinator (or the regiomanager) and her phone number or email. */
  coordinator: { naam: string; bereik: string };
  /** The main person's first name ("de conferentie van Sanne"): email only. */
  familie: string;
  /** The links this message carries for this recipient (none without a link key). */
  links: Links;
}

/** The conference as a participant reads it: "dinsdag 15 december om 19:00", and where. */
export interface Conferentie {
  datum: string;
  /** The same moment for an SMS: "wo 16 dec, 19:00". */
  kort: string;
  plaats?: string;
}

/** The plan as one recipient may read it: a professional sees only what is asked of them. */
export interface Planinhoud {
  acties: Array<{ wat: string; wie: string; uiterlijk?: string }>;
  /** What the family asks of the professionals: to whom (name, organisation), and what. */
  hulpvragen: Array<{ aan: string; tekst: string }>;
  alleenEigenDeel: boolean;
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
  /** The date and place when they are known already. */
  uitnodiging: VoorDeelnemer & { conferentie?: Conferentie };
  'voorwaarden.gedeeld': VoorDeelnemer;
  'voorwaarden.gedeeld.coordinator': VoorStaf;
  'datum.bevestigd': VoorDeelnemer & { conferentie: Conferentie };
  'datum.bevestigd.coordinator': VoorStaf & Conferentie;
  'conferentie.herinnering': VoorDeelnemer & { conferentie: Conferentie };
  'conferentie.herinnering.coordinator': VoorStaf & Conferentie;
  /** The conference will not be held on this date: it moved, or the case closed before it. */
  'conferentie.vervallen': VoorDeelnemer & { conferentie: Conferentie; verplaatst: boolean };
  'conferentie.vervallen.coordinator': VoorStaf & Conferentie & { verplaatst: boolean };
  /** To the coordinator: an invitee answered through their link (the name in email only). */
  'aanwezigheid.doorgegeven': VoorStaf & { wie: string; komt: boolean; notitie: boolean };
  /** To the family, the network and the professionals: the plan stands (or its revision). */
  'plan.aanvaard': VoorDeelnemer & { herzien: boolean; plan: Planinhoud };
  'vervolg.herinnering': VoorStaf;
  'vervolg.gepland': VoorDeelnemer;
  'voortgangsgesprek.herinnering': VoorDeelnemer & { datum: string };
  'voortgangsgesprek.herinnering.coordinator': VoorStaf & { datum: string };
  'evaluatie.herinnering': VoorStaf & { datum: string };
  'niet-goed': VoorDeelnemer;
  'signaal.gemeld': VoorStaf;
  /** To the coordinator: the designated person took up a signal. */
  'signaal.opgepakt': VoorStaf;
  /** To the coordinator: the designated person says the circle has met; record the meeting. */
  'kring.bijeen': VoorStaf & { notitie: boolean };
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
  /** The calendar entry's title, for the conference and a progress meeting. */
  readonly agenda: { conferentie: string; voortgangsgesprek: string };
};
