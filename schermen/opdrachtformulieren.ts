// Each command of the process as a form on the case page: its words, its fields (people,
// dates and forms picked from the case, never typed as ids), and when it is offered. The
// process still decides: a form shown at the wrong moment gets the process's own reason.
import type { Fase } from '../workflows/contract';
import { BEZOEK, UITNODIGING, WETTELIJK } from './woorden';
import type { Accountopdracht } from '../api/opdrachten';
import type { Keuze, Veld } from './velden';

/** What the forms pick from: the case as the viewer may see it. */
export interface Formuliercontext {
  fase: Fase;
  deel?: string;
  /** Her own account's person. */
  ik: string | null;
  vraag: string | null;
  kring: Array<{ persoonId: string; naam: string; rol: string }>;
  professionals: Keuze[];
  datumvoorstellen: Array<{ id: string; label: string; open: boolean }>;
  /** The viewer's own conditions forms (a professional). */
  eigenFormulieren: Array<{ id: string; label: string; gepubliceerd: boolean }>;
  /** The numbered conditions of the viewer's published form (a professional's toetsing). */
  eigenVoorwaarden: Array<{ nummer: number; tekst: string }>;
  openSignalen: Keuze[];
  /** Whether a presented plan awaits her verdict (a professional). */
  wachtOpMijnToetsing: boolean;
  herzieningWacht: boolean;
  bevestigdeDatum: boolean;
  /** The circle's plan met every condition at the conference. */
  planAanvaard: boolean;
  /** The agreed evaluation date has come. */
  evaluatieBereikt: boolean;
}

export interface Opdrachtformulier {
  titel: string;
  knop: string;
  uitleg?: string;
  velden: (c: Formuliercontext) => Veld[];
  /** Shown when this is what the case is at (the process still decides). */
  wanneer: (c: Formuliercontext) => boolean;
  /** The body the command takes, from what the fields gave. */
  naBody?: (body: Record<string, unknown>, c: Formuliercontext) => Record<string, unknown>;
  /** A form that does something drastic is kept apart, at the end. */
  ingrijpend?: boolean;
}

/** The choices of a value, in the words the case page shows it with. */
const keuzesUit = (woorden: Record<string, string>): Keuze[] =>
  Object.entries(woorden).map(([waarde, label]) => ({ waarde, label }));
const reden = (label = 'Reden'): Veld => ({ naam: 'reden', label, soort: 'lang', verplicht: true });
const kringKeuzes = (c: Formuliercontext, rollen = ['hoofdpersoon', 'netwerk', 'professional']): Keuze[] =>
  c.kring.filter((d) => rollen.includes(d.rol)).map((d) => ({ waarde: d.persoonId, label: `${d.naam} (${d.rol})` }));
const fase =
  (...fasen: Fase[]) =>
  (c: Formuliercontext) =>
    fasen.includes(c.fase);
const open = (c: Formuliercontext) => c.fase !== 'afgesloten';

const ACTIERIJEN = 6;
function planvelden(voorvoegsel: string, verplicht: boolean): Veld[] {
  return Array.from({ length: ACTIERIJEN }, (_, i) => [
    {
      naam: `${voorvoegsel}acties[${i}].wat`,
      label: `Actie ${i + 1}: wat`,
      soort: 'lang' as const,
      verplicht: verplicht && i === 0,
    },
    {
      naam: `${voorvoegsel}acties[${i}].wie`,
      label: `Actie ${i + 1}: wie`,
      soort: 'tekst' as const,
      verplicht: verplicht && i === 0,
    },
    { naam: `${voorvoegsel}acties[${i}].uiterlijk`, label: `Actie ${i + 1}: uiterlijk`, soort: 'datum' as const },
  ]).flat();
}

/** "hulpvraag.<professional>" fields become the plan's list of hulpvragen. */
function hulpvragen(body: Record<string, unknown>): Record<string, unknown> {
  const { hulpvraag, ...rest } = body as { hulpvraag?: Record<string, string> };
  return {
    ...rest,
    hulpvragen: Object.entries(hulpvraag ?? {}).map(([professionalId, tekst]) => ({ professionalId, tekst })),
  };
}

const elders = () => false;

export const FORMULIEREN: Partial<Record<Accountopdracht, Opdrachtformulier>> = {
  // These two have their own place on the page: the candidates, and the offer.
  coordinatorKiezen: {
    titel: 'Aanbieden',
    knop: 'Aanbieden',
    velden: () => [{ naam: 'coordinatorId', label: 'Coördinator', soort: 'verborgen', verplicht: true }],
    wanneer: elders,
  },
  opdrachtBeantwoorden: {
    titel: 'Aanbod beantwoorden',
    knop: 'Antwoorden',
    velden: () => [
      { naam: 'aanvaard', label: 'Aannemen', soort: 'janee', verplicht: true },
      { naam: 'reden', label: 'Reden (nodig als u afwijst)', soort: 'lang' },
    ],
    wanneer: elders,
  },
  contactVastleggen: {
    titel: 'Contact met de familie',
    knop: 'Contact vastleggen',
    uitleg: 'U hebt de hoofdpersoon gesproken; de termijn voor het eerste contact stopt.',
    velden: () => [],
    wanneer: fase('intake'),
  },
  vraagVastleggen: {
    titel: 'De vraag',
    knop: 'Vraag vastleggen',
    uitleg: 'Met de hoofdpersoon afgesproken: "Wat is er nodig om …?"',
    velden: (c) => [{ naam: 'vraag', label: 'De vraag', soort: 'lang', verplicht: true, waarde: c.vraag ?? undefined }],
    wanneer: fase('voorbereiding'),
  },
  deelnemerToevoegen: {
    titel: 'Iemand aan de kring toevoegen',
    knop: 'Toevoegen',
    velden: (c) => [
      { naam: 'persoon.naam', label: 'Naam', soort: 'tekst', verplicht: true },
      {
        naam: 'rol',
        label: 'Rol',
        soort: 'keuze',
        verplicht: true,
        keuzes: [
          { waarde: 'netwerk', label: 'Netwerk (familie, vrienden, buren)' },
          { waarde: 'professional', label: 'Professional' },
        ],
      },
      {
        naam: 'wettelijkeRol',
        label: 'Wettelijke rol (een professional die voorwaarden stelt)',
        soort: 'keuze',
        keuzes: keuzesUit(WETTELIJK),
      },
      { naam: 'relatie', label: 'Relatie tot de hoofdpersoon', soort: 'tekst' },
      { naam: 'persoon.telefoon', label: 'Telefoonnummer', soort: 'telefoon' },
      {
        naam: 'persoon.email',
        label: 'E-mailadres',
        soort: 'email',
        uitleg: 'Is deze persoon al bekend, dan wordt het dezelfde persoon.',
      },
      { naam: 'persoon.organisatie', label: 'Organisatie (professional)', soort: 'tekst' },
      {
        naam: 'voorgesteldDoor',
        label: 'Voorgesteld door',
        soort: 'keuze',
        keuzes: kringKeuzes(c, ['hoofdpersoon', 'netwerk']),
      },
    ],
    wanneer: fase('voorbereiding'),
  },
  deelnemerBijwerken: {
    titel: 'Uitnodiging of bezoek bijwerken',
    knop: 'Bijwerken',
    velden: (c) => [
      { naam: 'persoonId', label: 'Wie', soort: 'keuze', verplicht: true, keuzes: kringKeuzes(c) },
      {
        naam: 'uitnodiging',
        label: 'Uitnodiging',
        soort: 'keuze',
        keuzes: keuzesUit(UITNODIGING),
      },
      {
        naam: 'bezoek',
        label: 'Bezoek',
        soort: 'keuze',
        keuzes: keuzesUit(BEZOEK),
      },
    ],
    wanneer: fase('voorbereiding'),
  },
  kringCompleet: {
    titel: 'De kring is compleet',
    knop: 'Vastleggen',
    velden: () => [{ naam: 'compleet', label: 'Is de kring compleet?', soort: 'janee', verplicht: true }],
    wanneer: fase('voorbereiding'),
  },
  datumVoorstellen: {
    titel: 'Een datum voorstellen',
    knop: 'Datum voorstellen',
    velden: () => [
      { naam: 'op', label: 'Datum en tijd', soort: 'moment', verplicht: true },
      {
        naam: 'plaats',
        label: 'Plaats',
        soort: 'tekst',
        uitleg: 'Een adres, of bijvoorbeeld "bij oma thuis". De genodigden zien het.',
      },
    ],
    wanneer: fase('voorbereiding'),
  },
  beschikbaarheidVastleggen: {
    titel: 'Beschikbaarheid op een voorgestelde datum',
    knop: 'Beschikbaarheid doorgeven',
    velden: (c) => [
      {
        naam: 'voorstelId',
        label: 'Datum',
        soort: 'keuze',
        verplicht: true,
        keuzes: c.datumvoorstellen.filter((d) => d.open).map((d) => ({ waarde: d.id, label: d.label })),
      },
      ...(c.professionals.length && !c.professionals.some((p) => p.waarde === c.ik)
        ? [
            {
              naam: 'professionalId',
              label: 'Voor professional',
              soort: 'keuze' as const,
              verplicht: true,
              keuzes: c.professionals,
            },
          ]
        : []),
      { naam: 'beschikbaar', label: 'Kan op deze datum?', soort: 'janee', verplicht: true },
    ],
    wanneer: (c) => c.fase === 'voorbereiding' && c.datumvoorstellen.some((d) => d.open),
  },
  datumBevestigen: {
    titel: 'De datum bevestigen',
    knop: 'Datum bevestigen',
    velden: (c) => [
      {
        naam: 'voorstelId',
        label: 'Datum',
        soort: 'keuze',
        verplicht: true,
        keuzes: c.datumvoorstellen.filter((d) => d.open).map((d) => ({ waarde: d.id, label: d.label })),
      },
    ],
    wanneer: (c) => c.fase === 'voorbereiding' && c.datumvoorstellen.some((d) => d.open),
  },
  voorwaardenIndienen: {
    titel: 'Uw zorgen en voorwaarden',
    knop: 'Indienen',
    uitleg: 'Wat moet het plan van de familie in elk geval regelen? Elke voorwaarde krijgt een nummer.',
    velden: () => [
      { naam: 'zorgen', label: 'Uw zorgen', soort: 'lang', verplicht: true },
      ...Array.from({ length: 6 }, (_, i) => ({
        naam: `voorwaarden[${i}]`,
        label: `Voorwaarde ${i + 1}`,
        soort: 'lang' as const,
        verplicht: i === 0,
      })),
    ],
    wanneer: fase('intake', 'voorbereiding'),
  },
  voorwaardenPubliceren: {
    titel: 'Voorwaarden zichtbaar maken',
    knop: 'Zichtbaar maken voor de genodigden',
    velden: (c) => [
      {
        naam: 'formulierId',
        label: 'Formulier',
        soort: 'keuze',
        verplicht: true,
        keuzes: c.eigenFormulieren.filter((f) => !f.gepubliceerd).map((f) => ({ waarde: f.id, label: f.label })),
      },
    ],
    wanneer: (c) => c.eigenFormulieren.some((f) => !f.gepubliceerd) && fase('intake', 'voorbereiding')(c),
  },
  verlengen: {
    titel: 'Meer tijd voor de voorbereiding',
    knop: 'Verlengen',
    velden: () => [
      {
        naam: 'duur',
        label: 'Hoeveel langer',
        soort: 'keuze',
        verplicht: true,
        keuzes: [1, 2, 3, 4].map((w) => ({ waarde: `${w} weeks`, label: `${w} ${w === 1 ? 'week' : 'weken'}` })),
      },
      reden(),
    ],
    wanneer: fase('voorbereiding'),
  },
  conferentieStarten: {
    titel: 'De conferentie begint',
    knop: 'Informatiedeel starten',
    velden: () => [],
    wanneer: (c) => c.fase === 'voorbereiding' && c.bevestigdeDatum,
  },
  bijdrageVastleggen: {
    titel: 'Aanwezig in het informatiedeel',
    knop: 'Vastleggen',
    velden: (c) => [
      { naam: 'professionalId', label: 'Professional', soort: 'keuze', verplicht: true, keuzes: c.professionals },
      { naam: 'aanwezig', label: 'Was aanwezig?', soort: 'janee', verplicht: true },
    ],
    wanneer: (c) => c.fase === 'conferentie' && c.deel === 'informatie',
  },
  beslotenTijdStarten: {
    titel: 'Besloten tijd',
    knop: 'Besloten tijd starten',
    uitleg: 'De familie maakt haar plan, zonder professionals en zonder u.',
    velden: () => [],
    wanneer: (c) => c.fase === 'conferentie' && c.deel === 'informatie',
  },
  planPresenteren: {
    titel: 'Het plan van de familie',
    knop: 'Plan presenteren',
    velden: (c) => [
      ...planvelden('', true),
      ...c.professionals.map((p) => ({
        naam: `hulpvraag.${p.waarde}`,
        label: `Hulpvraag aan ${p.label}`,
        soort: 'lang' as const,
      })),
    ],
    naBody: hulpvragen,
    wanneer: (c) => c.fase === 'conferentie' && c.deel === 'besloten',
  },
  toetsen: {
    titel: 'Het plan toetsen aan uw voorwaarden',
    knop: 'Toetsing indienen',
    velden: (c) =>
      c.eigenVoorwaarden.flatMap((v, i) => [
        // Each row carries its condition's number, so a row is never renumbered.
        { naam: `oordelen[${i}].nummer`, label: 'Nummer', soort: 'verborgen' as const, waarde: String(v.nummer) },
        {
          naam: `oordelen[${i}].voldaan`,
          label: `${v.nummer}. ${v.tekst}: voldaan?`,
          soort: 'janee' as const,
          verplicht: true,
        },
        {
          naam: `oordelen[${i}].reden`,
          label: `Toelichting bij voorwaarde ${v.nummer}`,
          soort: 'lang' as const,
          verplicht: true,
        },
      ]),
    naBody: (body) => ({
      oordelen: ((body.oordelen as Array<Record<string, unknown>>) ?? []).map((o) => ({
        ...o,
        nummer: Number(o.nummer),
      })),
    }),
    wanneer: (c) => c.wachtOpMijnToetsing,
  },
  afsprakenVastleggen: {
    titel: 'Afspraken bij het plan',
    knop: 'Afspraken vastleggen',
    velden: (c) => [
      {
        naam: 'aangewezen',
        label: 'Wie roept de kring bijeen als het niet goed gaat?',
        soort: 'meer',
        verplicht: true,
        keuzes: kringKeuzes(c, ['hoofdpersoon', 'netwerk']),
      },
      { naam: 'eersteVoortgangsgesprek', label: 'Eerste voortgangsgesprek', soort: 'moment', verplicht: true },
      { naam: 'evaluatie', label: 'Evaluatie', soort: 'moment', verplicht: true },
    ],
    wanneer: (c) => c.fase === 'conferentie' && c.planAanvaard,
  },
  vervolgVastleggen: {
    titel: 'Vervolg na vier weken',
    knop: 'Vervolg vastleggen',
    velden: () => [{ naam: 'notitie', label: 'Verslag', soort: 'lang' }],
    wanneer: fase('uitvoering'),
  },
  voortgangsgesprekPlannen: {
    titel: 'Voortgangsgesprek plannen',
    knop: 'Plannen',
    velden: () => [{ naam: 'op', label: 'Datum en tijd', soort: 'moment', verplicht: true }],
    wanneer: fase('uitvoering'),
  },
  voortgangsgesprekVastleggen: {
    titel: 'Voortgangsgesprek gehouden',
    knop: 'Vastleggen',
    velden: () => [{ naam: 'op', label: 'Wanneer', soort: 'moment', verplicht: true }],
    wanneer: fase('uitvoering'),
  },
  nietGoedMelden: {
    titel: 'Het gaat niet goed',
    knop: 'Melden',
    uitleg:
      'De persoon die de familie heeft aangewezen, krijgt bericht om de kring bijeen te roepen. Bij direct gevaar: bel 112.',
    velden: () => [{ naam: 'notitie', label: 'Wat gaat er niet goed?', soort: 'lang', verplicht: true }],
    wanneer: fase('uitvoering'),
  },
  signaalOppakken: {
    titel: 'Een melding oppakken',
    knop: 'Opgepakt',
    velden: (c) => [{ naam: 'signaalId', label: 'Melding', soort: 'keuze', verplicht: true, keuzes: c.openSignalen }],
    wanneer: (c) => c.fase === 'uitvoering' && c.openSignalen.length > 0,
  },
  bijeenkomstVastleggen: {
    titel: 'De kring kwam opnieuw bijeen',
    knop: 'Bijeenkomst vastleggen',
    uitleg: 'Met een herzien plan? Vul de acties in; het gaat dan langs de professionals.',
    velden: (c) => [
      { naam: 'op', label: 'Wanneer', soort: 'moment', verplicht: true },
      { naam: 'aanwezigen', label: 'Aanwezig', soort: 'meer', keuzes: kringKeuzes(c) },
      { naam: 'signaalId', label: 'Naar aanleiding van melding', soort: 'keuze', keuzes: c.openSignalen },
      ...planvelden('herzienPlan.', false),
    ],
    wanneer: fase('uitvoering'),
  },
  herzieningIntrekken: {
    titel: 'Het herziene plan intrekken',
    knop: 'Intrekken',
    velden: () => [reden()],
    wanneer: (c) => c.herzieningWacht,
    ingrijpend: true,
  },
  evaluatieVastleggen: {
    titel: 'De evaluatie',
    knop: 'Evaluatie vastleggen',
    velden: () => [
      { naam: 'kringAkkoord', label: 'Is de kring akkoord om af te ronden?', soort: 'janee', verplicht: true },
      { naam: 'nieuweDatum', label: 'Anders: nieuwe evaluatiedatum', soort: 'moment' },
    ],
    wanneer: (c) => c.fase === 'uitvoering' && c.evaluatieBereikt,
  },
  afsluiten: {
    titel: 'De zaak afsluiten',
    knop: 'Afsluiten',
    velden: (c) => [
      reden(),
      ...(c.openSignalen.length
        ? [
            {
              naam: 'signalen',
              label: 'Open meldingen die deze reden noemt',
              soort: 'meer' as const,
              keuzes: c.openSignalen,
            },
          ]
        : []),
    ],
    wanneer: fase('uitvoering'),
    ingrijpend: true,
  },
  intrekken: {
    titel: 'De aanvraag intrekken',
    knop: 'Intrekken',
    velden: () => [reden()],
    wanneer: fase('intake', 'voorbereiding'),
    ingrijpend: true,
  },
  annuleren: {
    titel: 'De zaak annuleren',
    knop: 'Annuleren',
    velden: () => [reden()],
    wanneer: open,
    ingrijpend: true,
  },
};
