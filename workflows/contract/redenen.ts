// Why the process refuses a command: one catalogue of reasons, keyed by code, in Dutch and
// English. The workflow refuses with a code (and the values the text needs); the API, the
// pages and the tests refer to the code and write the text from here.
import type { Conferentiedeel, Fase, Rol } from './waarden';

export type Taal = 'nl' | 'en';

interface Tekst<W> {
  nl: (w: W) => string;
  en: (w: W) => string;
}

const vast = (nl: string, en: string): Tekst<undefined> => ({ nl: () => nl, en: () => en });
const met = <W>(nl: (w: W) => string, en: (w: W) => string): Tekst<W> => ({ nl, en });

const ROL: Record<Rol, Record<Taal, string>> = {
  regiomanager: { nl: 'de regiomanager', en: 'the regiomanager' },
  coordinator: { nl: 'de coördinator', en: 'the coordinator' },
  professional: { nl: 'een professional in deze zaak', en: 'a professional in this case' },
  hoofdpersoon: { nl: 'de hoofdpersoon', en: 'the main person' },
  aangewezen: { nl: 'de door het netwerk aangewezen persoon', en: 'the person the network designated' },
  deelnemer: { nl: 'een deelnemer', en: 'a participant' },
};

/** "a, b of c" */
function opsomming(woorden: readonly string[], of: string): string {
  return woorden.length < 2 ? (woorden[0] ?? '') : `${woorden.slice(0, -1).join(', ')} ${of} ${woorden.at(-1)}`;
}

export const REDENEN = {
  // ---- The command itself ----
  'ongeldige-opdracht': met<{ veld: string }>(
    (w) => `De opdracht is niet volledig of niet goed gevormd (${w.veld}).`,
    (w) => `The command is incomplete or malformed (${w.veld}).`,
  ),
  'ongeldige-id': met<{ veld: string }>(
    (w) => `Een id in de opdracht is geen geldige id (${w.veld}).`,
    (w) => `An id in the command is not a valid id (${w.veld}).`,
  ),
  'onbekende-verwijzing': met<{ wat: string; id: string }>(
    (w) => `${w.wat} ${w.id} hoort niet bij deze zaak of bestaat niet.`,
    (w) => `${w.wat} ${w.id} does not belong to this case or does not exist.`,
  ),

  // ---- Who, and when ----
  'zaak-afgesloten': vast(
    'Deze zaak is afgesloten: er kan niets meer worden vastgelegd.',
    'This case is closed: nothing more can be recorded.',
  ),
  'verkeerde-rol': met<{ rollen: readonly Rol[] }>(
    (w) =>
      `Dit is aan ${opsomming(
        w.rollen.map((r) => ROL[r].nl),
        'of',
      )}.`,
    (w) =>
      `This is for ${opsomming(
        w.rollen.map((r) => ROL[r].en),
        'or',
      )}.`,
  ),
  'niet-uw-zaak': met<{ rol: Rol }>(
    (w) => `U bent niet ${ROL[w.rol].nl} van deze zaak.`,
    (w) => `You are not ${ROL[w.rol].en} of this case.`,
  ),
  'geen-regiomanager': vast(
    'Voor de regio van deze zaak is geen regiomanager ingesteld.',
    "No regiomanager is set for this case's region.",
  ),
  'verkeerde-fase': met<{ fasen: readonly Fase[]; fase: Fase }>(
    (w) => `Dit kan alleen in fase ${opsomming(w.fasen, 'of')}; de zaak is in fase ${w.fase}.`,
    (w) => `This is only possible in phase ${opsomming(w.fasen, 'or')}; the case is in phase ${w.fase}.`,
  ),
  'verkeerd-deel': met<{ deel: Conferentiedeel; huidig?: Conferentiedeel }>(
    (w) => `Dit hoort bij het deel "${w.deel}"; de conferentie is nu in "${w.huidig}".`,
    (w) => `This belongs to the "${w.deel}" part; the conference is now in "${w.huidig}".`,
  ),
  'ongeldig-moment': met<{ wat: 'contact' | 'bijeenkomst' }>(
    (w) =>
      w.wat === 'contact'
        ? 'Het moment van contact moet tussen de aanvraag en nu liggen.'
        : 'Leg een bijeenkomst vast die heeft plaatsgevonden.',
    (w) =>
      w.wat === 'contact'
        ? 'The moment of contact must lie between the request and now.'
        : 'Record a meeting that took place.',
  ),
  'datum-voorbij': vast(
    'Die datum is voorbij; kies een datum in de toekomst.',
    'That date has passed; choose a date in the future.',
  ),

  // ---- Intake ----
  'al-gekozen': vast('Deze zaak heeft al een coördinator.', 'This case has a coordinator already.'),
  'geen-kandidaat': vast(
    'Deze coördinator staat niet (meer) op de lijst van passende kandidaten voor deze zaak.',
    'This coordinator is not (or no longer) on the list of suitable candidates for this case.',
  ),

  // ---- Voorbereiding ----
  'al-deelnemer': vast('Deze persoon doet al mee in deze rol.', 'This person takes part in this role already.'),
  'kring-compleet': vast(
    'De kring is compleet verklaard; heropen hem eerst.',
    'The circle was declared complete; reopen it first.',
  ),
  'wettelijke-rol-professional': vast(
    'Alleen een professional heeft een wettelijke rol.',
    'Only a professional has a legal role.',
  ),
  'geen-deelnemer': vast(
    'Deze persoon is geen deelnemer van deze zaak.',
    'This person is not a participant in this case.',
  ),
  'geen-professional': vast(
    'Deze persoon is geen professional in deze zaak.',
    'This person is not a professional in this case.',
  ),
  niets: vast('Er is niets om bij te werken.', 'There is nothing to update.'),
  'niet-uitgenodigd': vast('U bent nog niet uitgenodigd.', 'You have not been invited yet.'),
  'geen-wettelijke-rol': vast(
    'Alleen een professional met een wettelijke rol (jeugdbescherming, reclassering, curator, schuldhulpverlening of een rechterlijke maatregel) stelt voorwaarden.',
    'Only a professional with a legal role (youth protection, probation, curator, debt restructuring or a court measure) sets conditions.',
  ),
  'ongeldige-versie': vast(
    'Een nieuwe versie heeft minstens één voorwaarde en een hoger versienummer.',
    'A new version has at least one condition and a higher version number.',
  ),
  'niet-te-publiceren': vast(
    'Alleen uw laatst ingediende, nog niet gepubliceerde versie kan worden gepubliceerd.',
    'Only your latest submitted, not yet published version can be published.',
  ),
  'al-voorgesteld': vast('Dit voorstel is er al.', 'This proposal exists already.'),
  'niet-uzelf': vast(
    'Een professional geeft alleen de eigen beschikbaarheid.',
    'A professional gives only their own availability.',
  ),
  'onbekend-voorstel': vast('Dit datumvoorstel bestaat niet.', 'This date proposal does not exist.'),
  'datum-staat': vast(
    'De datum staat al vast; er loopt geen termijn meer.',
    'The date is confirmed; no deadline is running.',
  ),
  'ongeldige-duur': vast(
    'Geef de verlenging als duur, zoals "2 weeks", van hoogstens 26 weken.',
    'Give the extension as a duration, such as "2 weeks", of at most 26 weeks.',
  ),
  'geen-vraag': vast('Leg eerst de vraag van de hoofdpersoon vast.', "Record the main person's question first."),
  'kring-open': vast('Verklaar eerst de kring compleet.', 'Declare the circle complete first.'),
  'geen-datum': vast('Bevestig eerst de datum.', 'Confirm the date first.'),

  // ---- De conferentie ----
  'al-gepresenteerd': vast(
    'Dit plan is al gepresenteerd; een aangepast plan is een nieuwe versie.',
    'This plan was presented already; a changed plan is a new version.',
  ),
  'geen-voorwaarden': vast(
    'U heeft geen voorwaarden gesteld; alleen wie voorwaarden stelde, toetst het plan, en alleen daaraan.',
    'You set no conditions; only who set conditions checks the plan, and only against them.',
  ),
  'al-getoetst': vast('U heeft dit plan in deze ronde al getoetst.', 'You checked this plan in this round already.'),
  'oordelen-onvolledig': met<{ aantal: number }>(
    (w) => `Geef voor elk van uw ${w.aantal} voorwaarden precies één oordeel: voldaan of niet voldaan.`,
    (w) => `Give exactly one verdict for each of your ${w.aantal} conditions: met or not met.`,
  ),
  'plan-niet-aanvaard': vast('Het plan is nog niet aanvaard.', 'The plan has not been accepted yet.'),
  aangewezen: vast(
    'Wijs minstens één persoon uit het netwerk aan die de kring bijeenroept.',
    'Designate at least one person from the network to call the circle together.',
  ),
  data: vast(
    'Het eerste voortgangsgesprek ligt in de toekomst, de evaluatie niet eerder dan dat.',
    'The first progress meeting lies in the future, the evaluation no earlier than that.',
  ),

  // ---- Uitvoering ----
  'al-gedaan': vast('De vervolgcontrole is al vastgelegd.', 'The follow-up has been recorded already.'),
  'open-signaal': met<{ aantal: number }>(
    (w) =>
      `Er ${w.aantal === 1 ? 'staat nog een melding' : `staan nog ${w.aantal} meldingen`} "het gaat niet goed" open. ` +
      'Roep eerst de kring bijeen; de regiomanager kan afsluiten met een reden die de melding noemt.',
    (w) =>
      `${w.aantal === 1 ? 'A "het gaat niet goed" signal is' : `${w.aantal} "het gaat niet goed" signals are`} still open. ` +
      'Call the circle together first; the regiomanager can close with a reason that names the signal.',
  ),
  'herziening-loopt': vast(
    'Het herziene plan wordt nog getoetst aan de voorwaarden; een volgende herziening kan daarna.',
    'The revised plan is still being checked against the conditions; a next revision can follow.',
  ),
  'geen-herziening': vast('Er is geen herzien plan dat op toetsing wacht.', 'No revised plan awaits its check.'),
  'al-gepland': vast('Op dat moment staat al een gesprek.', 'A meeting is planned at that moment already.'),
  'onbekend-gesprek': vast('Er staat geen open gesprek op dat moment.', 'No open meeting is planned at that moment.'),
  'al-gemeld': vast('Dit signaal is al gemeld.', 'This signal was given already.'),
  'geen-open-signaal': vast('Er is geen open signaal met deze id.', 'There is no open signal with this id.'),
  'al-vastgelegd': vast('Deze bijeenkomst is al vastgelegd.', 'This meeting was recorded already.'),
  aanwezigen: vast('Noem wie er kwamen: deelnemers van deze zaak.', 'Name who came: participants of this case.'),
  'onbekend-signaal': vast('Dit signaal bestaat niet.', 'This signal does not exist.'),
  'geen-nieuw-plan': vast('Een herzien plan is een nieuwe versie.', 'A revised plan is a new version.'),
  'te-vroeg': vast(
    'De evaluatie is op de afgesproken datum; eerder afsluiten kan de regiomanager, met een reden.',
    'The evaluation is on the agreed date; the regiomanager can close earlier, with a reason.',
  ),
  'nieuwe-datum': vast(
    'Wil de kring verder, geef dan een nieuwe evaluatiedatum in de toekomst.',
    'If the circle wants to go on, give a new evaluation date in the future.',
  ),
} as const;

export type Redencode = keyof typeof REDENEN;
type Waarden<C extends Redencode> = Parameters<(typeof REDENEN)[C]['nl']>[0];

/** A refusal as the process gives it: the code, and the values its text needs. */
export type Reden<C extends Redencode = Redencode> = {
  [K in C]: Waarden<K> extends undefined ? { code: K; waarden?: undefined } : { code: K; waarden: Waarden<K> };
}[C];

export function reden<C extends Redencode>(
  code: C,
  ...waarden: Waarden<C> extends undefined ? [] : [Waarden<C>]
): Reden<C> {
  return (waarden.length ? { code, waarden: waarden[0] } : { code }) as Reden<C>;
}

/** The reason in words, in the reader's language. */
export function redenTekst(r: Reden, taal: Taal): string {
  const tekst = REDENEN[r.code] as Tekst<unknown>;
  return tekst[taal](r.waarden);
}

export function isRedencode(code: unknown): code is Redencode {
  return typeof code === 'string' && Object.hasOwn(REDENEN, code);
}
