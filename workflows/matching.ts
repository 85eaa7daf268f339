// Coordinator matching: which coordinators may take this case, best first, and why.
// Pure: the regiomanager sees the reasons and picks; the coordinator accepts or declines.

/** Why a coordinator fits, or does not: shown to the regiomanager in Dutch or English. */
export interface Uitleg {
  code: string;
  nl: string;
  en: string;
}

export interface Kandidaat {
  id: string;
  regios: string[];
  talen: string[];
  geslacht?: string | null;
  achtergronden: string[];
  beschikbaar: boolean;
  maxZaken: number;
  /** Open cases this coordinator has now. */
  lopendeZaken: number;
  /** People the coordinator knows privately. */
  relaties: string[];
}

export interface MatchVraag {
  regio: string;
  wensen: { taal?: string; geslacht?: string; cultureleAchtergrond?: string };
  /** Everyone on the case so far: a coordinator who knows one of them is not independent. */
  personenInZaak: string[];
  /** Coordinators who declined this case already. */
  afgewezenDoor: string[];
}

export interface Match {
  id: string;
  score: number;
  redenen: Uitleg[];
}

export interface Uitsluiting {
  id: string;
  reden: Uitleg;
}

export interface Rangschikking {
  passend: Match[];
  uitgesloten: Uitsluiting[];
}

const GEWICHT = { taal: 3, geslacht: 2, achtergrond: 2, ruimte: 1 } as const;

const gelijk = (a: string, b: string) => a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');

function uitsluiting(kandidaat: Kandidaat, vraag: MatchVraag): Uitleg | undefined {
  if (vraag.afgewezenDoor.includes(kandidaat.id)) {
    return { code: 'afgewezen', nl: 'heeft deze zaak al afgewezen', en: 'declined this case already' };
  }
  if (kandidaat.relaties.some((p) => vraag.personenInZaak.includes(p))) {
    return {
      code: 'niet-onafhankelijk',
      nl: 'kent iemand in deze zaak persoonlijk',
      en: 'knows someone in this case personally',
    };
  }
  if (!kandidaat.regios.some((r) => gelijk(r, vraag.regio))) {
    return {
      code: 'andere-regio',
      nl: `werkt niet in regio ${vraag.regio}`,
      en: `does not work in region ${vraag.regio}`,
    };
  }
  if (!kandidaat.beschikbaar) return { code: 'niet-beschikbaar', nl: 'is niet beschikbaar', en: 'is not available' };
  if (kandidaat.lopendeZaken >= kandidaat.maxZaken) {
    return {
      code: 'vol',
      nl: `heeft al ${kandidaat.lopendeZaken} zaken (maximaal ${kandidaat.maxZaken})`,
      en: `has ${kandidaat.lopendeZaken} cases already (at most ${kandidaat.maxZaken})`,
    };
  }
  return undefined;
}

function beoordeel(kandidaat: Kandidaat, { wensen }: MatchVraag): Match {
  const redenen: Uitleg[] = [];
  let score = 0;
  if (wensen.taal && kandidaat.talen.some((t) => gelijk(t, wensen.taal!))) {
    score += GEWICHT.taal;
    redenen.push({ code: 'taal', nl: `spreekt ${wensen.taal}`, en: `speaks ${wensen.taal}` });
  }
  if (
    wensen.geslacht &&
    wensen.geslacht !== 'geen voorkeur' &&
    kandidaat.geslacht &&
    gelijk(kandidaat.geslacht, wensen.geslacht)
  ) {
    score += GEWICHT.geslacht;
    redenen.push({ code: 'geslacht', nl: `${wensen.geslacht}, zoals gewenst`, en: `${wensen.geslacht}, as wished` });
  }
  if (wensen.cultureleAchtergrond && kandidaat.achtergronden.some((a) => gelijk(a, wensen.cultureleAchtergrond!))) {
    score += GEWICHT.achtergrond;
    redenen.push({
      code: 'achtergrond',
      nl: `achtergrond ${wensen.cultureleAchtergrond}`,
      en: `${wensen.cultureleAchtergrond} background`,
    });
  }
  const vrij = kandidaat.maxZaken - kandidaat.lopendeZaken;
  score += (GEWICHT.ruimte * vrij) / kandidaat.maxZaken;
  redenen.push({
    code: 'ruimte',
    nl: `${vrij} van ${kandidaat.maxZaken} plaatsen vrij`,
    en: `${vrij} of ${kandidaat.maxZaken} places free`,
  });
  return { id: kandidaat.id, score: Math.round(score * 100) / 100, redenen };
}

/** Eligible coordinators best first (ties: fewer open cases, then id); the others with why. */
export function rangschik(vraag: MatchVraag, kandidaten: Kandidaat[]): Rangschikking {
  const passend: Array<Match & { lopend: number }> = [];
  const uitgesloten: Uitsluiting[] = [];
  for (const kandidaat of kandidaten) {
    const reden = uitsluiting(kandidaat, vraag);
    if (reden) uitgesloten.push({ id: kandidaat.id, reden });
    else passend.push({ ...beoordeel(kandidaat, vraag), lopend: kandidaat.lopendeZaken });
  }
  passend.sort((a, b) => b.score - a.score || a.lopend - b.lopend || a.id.localeCompare(b.id));
  return { passend: passend.map(({ lopend: _lopend, ...match }) => match), uitgesloten };
}
