// The words people read for the process's values: phases, deadlines, roles, statuses.
import type { Bezoek, Fase, Uitnodiging, WettelijkeRol } from '../workflows/contract';

export const FASENAAM: Record<Fase, string> = {
  aanvraag: 'Aanvraag',
  intake: 'Intake',
  voorbereiding: 'Voorbereiding',
  conferentie: 'Conferentie',
  uitvoering: 'Uitvoering van het plan',
  afgesloten: 'Afgesloten',
};

export const TERMIJNNAAM: Record<string, string> = {
  contact: 'Eerste contact met de familie',
  datum: 'Datum van de conferentie',
  toetsing: 'Toetsing van het plan',
  vervolgcontrole: 'Vervolg na vier weken',
  voortgangsgesprek: 'Voortgangsgesprek',
  evaluatie: 'Evaluatie',
  signaal: 'Melding oppakken',
  herziening: 'Toetsing van het herziene plan',
};

export const ROL_IN_ZAAK: Record<string, string> = {
  hoofdpersoon: 'Hoofdpersoon',
  aanvrager: 'Aanvrager',
  netwerk: 'Netwerk',
  professional: 'Professional',
};

export const WETTELIJK: Record<WettelijkeRol, string> = {
  jeugdbescherming: 'jeugdbescherming',
  reclassering: 'reclassering',
  curator: 'curator',
  schuldhulpverlening: 'schuldhulpverlening',
  rechterlijke_maatregel: 'rechterlijke maatregel',
};

export const UITNODIGING: Record<Uitnodiging, string> = {
  niet_uitgenodigd: 'Nog niet uitgenodigd',
  uitgenodigd: 'Uitgenodigd',
  bevestigd: 'Komt',
  afgemeld: 'Komt niet',
};

export const BEZOEK: Record<Bezoek, string> = {
  niet_gepland: 'Nog niet gepland',
  gepland: 'Gepland',
  bezocht: 'Bezocht',
  niet_gelukt: 'Niet gelukt',
};

/** The groups the satisfaction is reported by. */
export const GROEPNAAM: Record<string, string> = {
  familie: 'Familie',
  netwerk: 'Netwerk',
  professionals: 'Professionals',
};
