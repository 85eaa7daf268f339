// The case's state: how it begins, which deadline runs now, and what a query shows.
// Pure functions over plain data, so continue-as-new can carry the state as it is.
import type { Ontvanger } from '../activities/gebeurtenissen';
import { na } from './termijnen';
import type { Deelnemer, ZaakStart, ZaakStatus, ZaakToestand } from './zaak-interface';

export const ms = (iso: string): number => Date.parse(iso);
export const iso = (moment: number): string => new Date(moment).toISOString();

/** A request as the workflow first holds it: who is on it comes in while it is taken in. */
export function beginToestand(start: ZaakStart): ZaakToestand {
  return {
    zaakId: start.zaakId,
    // Until the workflow has taken the request in (regiomanager, candidates): then intake.
    fase: 'aanvraag',
    noodsituatie: start.noodsituatie,
    aangevraagdOp: start.aangevraagdOp,
    deelnemers: [],
    intake: {
      kandidaten: [],
      afgewezenDoor: [],
      aanbiedingen: 0,
      contactUiterlijk: iso(na(ms(start.aangevraagdOp), start.termijnen.contact)),
      escalaties: 0,
    },
    voorbereiding: {
      kringCompleet: false,
      datumvoorstellen: [],
      herinnerd: false,
      geescaleerd: false,
      verlengingen: [],
      conferentieHerinnerd: [],
    },
    voorwaarden: [],
    conferentie: { ronde: 0, bijdragen: [], plannen: [], oordelen: [] },
    uitvoering: {
      vervolgGemeld: false,
      vervolgGedaan: false,
      gesprekken: [],
      evaluatieGemeld: false,
      signalen: [],
      bijeenkomsten: [],
    },
    uitgesteld: [],
    run: 1,
  };
}

/**
 * The deadline that runs now: the target staff work towards, shown in lists as overdue
 * once it has passed. Reminders are not deadlines.
 */
export function huidigeTermijn(z: ZaakToestand): { soort: string; op: string } | undefined {
  const open = z.uitvoering.signalen.filter((s) => !s.opgepakt);
  switch (z.fase) {
    case 'intake':
      return { soort: 'contact', op: z.intake.contactUiterlijk };
    case 'voorbereiding':
      if (z.voorbereiding.bevestigd) return { soort: 'conferentie', op: z.voorbereiding.bevestigd.op };
      return z.voorbereiding.escalatieOp ? { soort: 'datum', op: z.voorbereiding.escalatieOp } : undefined;
    case 'uitvoering':
      if (open.length > 0) return { soort: 'signaal', op: open[0]!.uiterlijk };
      if (!z.uitvoering.vervolgGedaan && z.uitvoering.vervolgOp)
        return { soort: 'vervolgcontrole', op: z.uitvoering.vervolgOp };
      return z.uitvoering.evaluatieOp ? { soort: 'evaluatie', op: z.uitvoering.evaluatieOp } : undefined;
    default:
      return undefined;
  }
}

/** Professionals whose conditions the presented plan is checked against. */
export function toetsers(z: ZaakToestand): string[] {
  return z.voorwaarden.filter((v) => v.gepubliceerd).map((v) => v.professionalId);
}

export function wachtOpToetsing(z: ZaakToestand): string[] {
  if (z.fase !== 'conferentie' || z.conferentie.deel !== 'presentatie' || z.conferentie.geaccepteerdOp) return [];
  const gedaan = new Set(
    z.conferentie.oordelen.filter((o) => o.ronde === z.conferentie.ronde).map((o) => o.professionalId),
  );
  return toetsers(z).filter((p) => !gedaan.has(p));
}

export function statusVan(z: ZaakToestand): ZaakStatus {
  const kopie = JSON.parse(JSON.stringify(z)) as ZaakToestand;
  return { ...kopie, termijn: huidigeTermijn(z), wachtOpToetsing: wachtOpToetsing(z) };
}

// ---- Who hears of what ----------------------------------------------------------------

export const regiomanager = (z: ZaakToestand): Ontvanger[] =>
  z.regiomanagerId ? [{ persoonId: z.regiomanagerId, rol: 'regiomanager' }] : [];

export const coordinator = (z: ZaakToestand): Ontvanger[] =>
  z.intake.coordinatorId ? [{ persoonId: z.intake.coordinatorId, rol: 'coordinator' }] : [];

export const aangewezenPersonen = (z: ZaakToestand): Ontvanger[] =>
  z.deelnemers.filter((d) => d.aangewezen).map((d) => ({ persoonId: d.persoonId, rol: 'aangewezen' }));

/** The main person and everyone invited: who reads the conditions and hears of the date. */
export const genodigden = (z: ZaakToestand): Ontvanger[] =>
  z.deelnemers
    .filter((d) => d.rol === 'hoofdpersoon' || d.uitnodiging === 'uitgenodigd' || d.uitnodiging === 'bevestigd')
    .map((d) => ({ persoonId: d.persoonId, rol: d.rol }));

/** The person's part in the case; without a role, their part other than having asked for it. */
export function deelnemer(z: ZaakToestand, persoonId: string, rol?: Deelnemer['rol']): Deelnemer | undefined {
  const rollen = z.deelnemers.filter((d) => d.persoonId === persoonId && (rol === undefined || d.rol === rol));
  return rollen.find((d) => d.rol !== 'aanvrager') ?? rollen[0];
}
