// Who may do what: the one place where the API decides access. Data of children and
// vulnerable adults: access is the exception, so everything not granted here is refused.
import type { Gebruikersrol, Prisma, PrismaClient } from '@prisma/client';
import { z } from 'zod';
import { niemandGevonden } from './problem';
import { ROLLEN_PER_OPDRACHT, type Opdrachtnaam, type Rol } from '../workflows/contract';

/** The authenticated caller, as the token tells. */
export interface Gebruiker {
  id: string;
  naam: string;
  rol: Gebruikersrol;
  /** The person this account acts as in cases. */
  persoonId: string | null;
  /** The regions a regiomanager manages. */
  regios: string[];
  /** How they came in, for the audit trail: `token:<id>` or `sessie:<id>`. */
  via: string;
}

/** What can be done to or with cases, besides the process's commands. */
export type Handeling =
  | 'zaak.aanvragen'
  | 'zaken.zoeken'
  | 'zaak.lezen'
  | 'zaak.tijdlijn'
  | 'zaak.berichten'
  | 'zaak.audit'
  | 'zaak.links'
  | 'zaak.kring'
  | 'zaak.plannen'
  | 'zaak.voorwaarden'
  | 'zaak.toetsingen'
  | 'zaak.afspraken'
  | 'zaak.signalen'
  | 'zaak.datumvoorstellen'
  | 'zaak.kandidaten'
  | 'zaak.tevredenheid'
  | 'zaak.bewaarplicht'
  | 'persoon.inzage'
  | 'persoon.zoeken'
  | 'persoon.gegevens'
  | 'persoon.wissen'
  | 'regios.lezen'
  | 'regios.beheer'
  | 'coordinatoren'
  | 'accounts.lezen'
  | 'accounts.uitnodigen'
  | 'accounts.blokkeren'
  | 'niet-toegewezen'
  | 'rapportage'
  | 'gebruikers';

const HANDELINGEN: Record<Handeling, readonly Gebruikersrol[]> = {
  'zaak.aanvragen': ['operations', 'regiomanager'],
  'zaken.zoeken': ['operations', 'regiomanager', 'coordinator', 'professional'],
  'zaak.lezen': ['operations', 'regiomanager', 'coordinator', 'professional'],
  'zaak.tijdlijn': ['regiomanager', 'coordinator'],
  'zaak.berichten': ['regiomanager', 'coordinator'],
  'zaak.audit': ['regiomanager'],
  'zaak.links': ['regiomanager', 'coordinator'],
  // The case file, topic by topic: a professional reads her own part of what concerns her.
  'zaak.kring': ['regiomanager', 'coordinator'],
  'zaak.plannen': ['regiomanager', 'coordinator', 'professional'],
  'zaak.voorwaarden': ['regiomanager', 'coordinator', 'professional'],
  'zaak.toetsingen': ['regiomanager', 'coordinator', 'professional'],
  'zaak.afspraken': ['regiomanager', 'coordinator'],
  'zaak.signalen': ['regiomanager', 'coordinator'],
  'zaak.datumvoorstellen': ['regiomanager', 'coordinator', 'professional'],
  'zaak.kandidaten': ['regiomanager'],
  // How the participants found the conference: for the regiomanager, not for the coordinator it may be about.
  'zaak.tevredenheid': ['regiomanager'],
  // A legal hold keeps a closed case from anonymisation: the regiomanager sets and lifts it, with a reason.
  'zaak.bewaarplicht': ['regiomanager'],
  'persoon.inzage': ['regiomanager'],
  // A person's rights under the AVG: the regiomanager finds them, hands over their data, erases them.
  'persoon.zoeken': ['regiomanager'],
  'persoon.gegevens': ['regiomanager'],
  'persoon.wissen': ['regiomanager'],
  rapportage: ['operations', 'regiomanager'],
  // Setting kring up: the administrator; a regiomanager keeps her region's coordinator pool.
  'regios.lezen': ['admin', 'operations', 'regiomanager'],
  'regios.beheer': ['admin'],
  coordinatoren: ['admin', 'regiomanager'],
  'accounts.lezen': ['admin'],
  'accounts.uitnodigen': ['admin', 'regiomanager'],
  'accounts.blokkeren': ['admin'],
  'niet-toegewezen': ['operations', 'admin'],
  gebruikers: ['admin'],
};

export function mag(g: Gebruiker, handeling: Handeling): boolean {
  return HANDELINGEN[handeling].includes(g.rol);
}

/** Who may do this, for the API's documentation. */
export function rollenVoor(handeling: Handeling): readonly Gebruikersrol[] {
  return HANDELINGEN[handeling];
}

/** The workflow role an account gives commands in; family roles come through links only. */
export function procesrol(g: Gebruiker): Rol | undefined {
  return g.rol === 'regiomanager' || g.rol === 'coordinator' || g.rol === 'professional' ? g.rol : undefined;
}

export function magOpdracht(g: Gebruiker, naam: Opdrachtnaam): boolean {
  const rol = procesrol(g);
  return rol !== undefined && g.persoonId !== null && ROLLEN_PER_OPDRACHT[naam].includes(rol);
}

/** Matches no case: the reach of an account that may see none. */
const GEEN: Prisma.ZaakWhereInput = { id: { in: [] } };

/**
 * The cases an account can see at all; a case outside it answers 404, as if it did not
 * exist. `aanbod`: a coordinator may also reach a case offered to them, to answer the offer.
 */
export function zaakBereik(g: Gebruiker, aanbod = false): Prisma.ZaakWhereInput {
  const p = g.persoonId ?? undefined;
  switch (g.rol) {
    case 'operations':
      return {};
    case 'regiomanager':
      // The region's current regiomanagers, from the moment they are (and no longer, after).
      return p ? { regio: { in: g.regios } } : GEEN;
    case 'coordinator':
      if (!p) return GEEN;
      return aanbod
        ? {
            OR: [
              { coordinatorId: p },
              // The offer open to her now: in intake, nobody accepted, not declined or withdrawn.
              { fase: 'intake', coordinatorId: null, aangebodenAanId: p },
            ],
          }
        : { coordinatorId: p };
    case 'professional':
      return p ? { deelnemers: { some: { persoonId: p, rol: 'professional', status: 'vastgelegd' } } } : GEEN;
    case 'admin':
      return GEEN;
  }
}

/** This very case, if the caller may reach it (a malformed id reaches nothing). */
export function dezeZaak(g: Gebruiker, id: string, aanbod = false): Prisma.ZaakWhereInput {
  return z.uuid().safeParse(id).success ? { AND: [{ id }, zaakBereik(g, aanbod)] } : GEEN;
}

export const zaakNietGevonden = () => niemandGevonden({ nl: 'Deze zaak', en: 'This case' });

/** The case's id when the caller may reach it; otherwise 404, as if it did not exist. */
export async function zaakInBereik(prisma: PrismaClient, g: Gebruiker, id: string, aanbod = false): Promise<string> {
  const zaak = await prisma.zaak.findFirst({ where: dezeZaak(g, id, aanbod), select: { id: true } });
  if (!zaak) throw zaakNietGevonden();
  return zaak.id;
}

/** How much of a case an account reads. */
export type Inzage = 'samenvatting' | 'volledig' | 'professional';

export function inzage(g: Gebruiker): Inzage {
  switch (g.rol) {
    case 'regiomanager':
    case 'coordinator':
      return 'volledig';
    case 'professional':
      return 'professional';
    default:
      return 'samenvatting';
  }
}
