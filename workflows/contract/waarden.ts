// The words of the case process: phases, roles and choices. Each is a zod enum, so one
// definition gives the type, the check of a command's argument and the API's documentation.
import { z } from 'zod';

export const Fase = z.enum(['aanvraag', 'intake', 'voorbereiding', 'conferentie', 'uitvoering', 'afgesloten']);
export type Fase = z.infer<typeof Fase>;

/** The phases in which people work on the case (not while it is taken in, nor once closed). */
export const ACTIEVE_FASEN: readonly Fase[] = ['intake', 'voorbereiding', 'conferentie', 'uitvoering'];

export const Conferentiedeel = z.enum(['informatie', 'besloten', 'presentatie']);
export type Conferentiedeel = z.infer<typeof Conferentiedeel>;

export const Afsluiting = z.enum(['afgerond', 'ingetrokken', 'geannuleerd']);
export type Afsluiting = z.infer<typeof Afsluiting>;

/** A professional's legal role: only these may set conditions on the plan. */
export const WettelijkeRol = z.enum([
  'jeugdbescherming',
  'reclassering',
  'curator',
  'schuldhulpverlening',
  'rechterlijke_maatregel',
]);
export type WettelijkeRol = z.infer<typeof WettelijkeRol>;

export const Uitnodiging = z.enum(['niet_uitgenodigd', 'uitgenodigd', 'bevestigd', 'afgemeld']);
export type Uitnodiging = z.infer<typeof Uitnodiging>;

export const Bezoek = z.enum(['niet_gepland', 'gepland', 'bezocht', 'niet_gelukt']);
export type Bezoek = z.infer<typeof Bezoek>;

export const DeelnemerRol = z.enum(['hoofdpersoon', 'aanvrager', 'netwerk', 'professional']);
export type DeelnemerRol = z.infer<typeof DeelnemerRol>;

/** The role a caller acts in. The workflow checks it against who holds that role in the case. */
export const Rol = z.enum(['regiomanager', 'coordinator', 'professional', 'hoofdpersoon', 'aangewezen', 'deelnemer']);
export type Rol = z.infer<typeof Rol>;

/** Who gives a command: set by the API from the authenticated caller, never by the caller. */
export const Door = z.strictObject({ persoonId: z.uuid(), rol: Rol });
export type Door = z.infer<typeof Door>;
