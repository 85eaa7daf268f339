// What the API answers about cases, as typed views: the stored record, with the process's
// live status where it answered. A view shows what its reader may see, and no more.
import type { AuditEvent, Bericht, Gebeurtenis, Melding, PrismaClient, Zaak } from '@prisma/client';
import type { Termijn, ZaakStatus } from '../workflows/contract';
import type { Persoon, ZaakAanvraag, Zaakrecord } from '../zaakproces';
import { persoonInZaak } from './anoniem';

/** What anyone who may see the case reads: no names, no contact details, no content. */
export interface ZaakSamenvatting {
  id: string;
  fase: string;
  /** Whether the process answered: without it, phase and deadline are as last stored. */
  live: boolean;
  noodsituatie: boolean;
  regio: string;
  gemeente: string | null;
  aangevraagdOp: string;
  /** The deadline that runs now, e.g. { soort: 'contact', op: … }. */
  termijn: Termijn | null;
  escalaties: number | null;
  conferentieOp: string | null;
  /** When the retention sweep took its names, contact details and free text; null while it has them. */
  geanonimiseerdOp: string | null;
}

export function samenvatting(zaak: Zaakrecord, status: ZaakStatus | undefined): ZaakSamenvatting {
  return {
    id: zaak.id,
    fase: status?.fase ?? zaak.fase,
    live: status !== undefined,
    noodsituatie: zaak.noodsituatie,
    regio: zaak.regio,
    gemeente: zaak.gemeente,
    aangevraagdOp: zaak.aangevraagdOp.toISOString(),
    termijn: status?.termijn ?? null,
    escalaties: status?.intake.escalaties ?? null,
    conferentieOp: status?.voorbereiding.bevestigd?.op ?? null,
    geanonimiseerdOp: zaak.geanonimiseerdOp?.toISOString() ?? null,
  };
}

/** The legal hold on a case: since when and why (the reason is the regiomanager's); null when none. */
export interface BewaarplichtWeergave {
  sinds: string;
  reden: string | null;
}

export function bewaarplichtWeergave(zaak: Pick<Zaak, 'bewarenSinds' | 'bewarenReden'>): BewaarplichtWeergave | null {
  return zaak.bewarenSinds ? { sinds: zaak.bewarenSinds.toISOString(), reden: zaak.bewarenReden } : null;
}

interface Persoonsweergave {
  id: string;
  naam: string;
  email: string | null;
  telefoon: string | null;
  taal: string;
  organisatie: string | null;
}

/** The whole case, for the regiomanager and the coordinator. */
export interface ZaakWeergave extends ZaakSamenvatting {
  vraag: string | null;
  wensen: unknown;
  contactOpgenomenOp: string | null;
  hoofdpersoon: Persoonsweergave;
  aanvrager: { relatie: string | null } & Partial<Persoonsweergave>;
}

/** A person as the case shows them: in an anonymised case by pseudonym, without contact details (api/anoniem.ts). */
function persoonWeergave(zaak: Zaakrecord, persoon: Zaakrecord['deelnemers'][number]['persoon']): Persoonsweergave {
  const p = persoonInZaak(zaak, persoon);
  return { id: p.id, naam: p.naam, email: p.email, telefoon: p.telefoon, taal: p.taal, organisatie: p.organisatie };
}

export function weergave(zaak: Zaakrecord, status: ZaakStatus | undefined): ZaakWeergave {
  const rol = (r: string) => zaak.deelnemers.find((d) => d.rol === r);
  const hoofdpersoon = rol('hoofdpersoon')!;
  const aanvrager = rol('aanvrager')!;
  return {
    ...samenvatting(zaak, status),
    vraag: zaak.vraag,
    wensen: zaak.wensen,
    contactOpgenomenOp: status?.intake.contactOp ?? null,
    hoofdpersoon: persoonWeergave(zaak, hoofdpersoon.persoon),
    aanvrager:
      aanvrager.persoonId === hoofdpersoon.persoonId
        ? { relatie: aanvrager.relatie }
        : { relatie: aanvrager.relatie, ...persoonWeergave(zaak, aanvrager.persoon) },
  };
}

/**
 * A request as its caller just entered it: the people as they were entered (kring may have
 * recognised someone it knew, whose details the caller need not see), with their ids.
 */
export function ingevoerdeWeergave(zaak: Zaakrecord, status: ZaakStatus | undefined, aanvraag: ZaakAanvraag) {
  const geheel = weergave(zaak, status);
  const zoals = (id: string, p: Persoon & { organisatie?: string }) => ({
    id,
    naam: p.naam,
    email: p.email ?? null,
    telefoon: p.telefoon ?? null,
    taal: p.taal,
    organisatie: p.organisatie ?? null,
  });
  const { aanvrager } = aanvraag;
  return {
    ...geheel,
    hoofdpersoon: zoals(geheel.hoofdpersoon.id, aanvraag.hoofdpersoon),
    aanvrager:
      aanvrager.relatie === 'hoofdpersoon'
        ? geheel.aanvrager
        : { relatie: aanvrager.relatie, ...zoals(geheel.aanvrager.id!, aanvrager) },
  };
}

/** A professional reads the question, their own conditions, the presented plan and their own share of it. */
export interface ProfessioneleWeergave extends ZaakSamenvatting {
  vraag: string | null;
  voorwaarden: Array<{
    id: string;
    versie: number;
    status: string;
    zorgen: string;
    voorwaarden: Array<{ nummer: number; tekst: string }>;
  }>;
  plan: {
    versie: number | null;
    /** The plan in force (accepted); otherwise the one presented last, not yet accepted. */
    huidig: boolean;
    /** `uiterlijk`: the date by which, as 2026-12-31. */
    acties: Array<{ nummer: number; wat: string; wie: string; uiterlijk: string | null }>;
    hulpvraag: string | null;
  } | null;
}

export async function professioneleWeergave(
  prisma: PrismaClient,
  zaak: Zaakrecord,
  status: ZaakStatus | undefined,
  persoonId: string,
): Promise<ProfessioneleWeergave> {
  const [formulieren, plan] = await Promise.all([
    prisma.voorwaardenFormulier.findMany({
      where: { zaakId: zaak.id, professionalId: persoonId },
      include: { voorwaarden: { orderBy: { nummer: 'asc' } } },
      orderBy: { versie: 'asc' },
    }),
    // The plan in force; before there is one, the one presented last.
    prisma.plan.findFirst({
      where: { zaakId: zaak.id, status: { in: ['geaccepteerd', 'gepresenteerd'] } },
      include: { acties: { orderBy: { nummer: 'asc' } }, hulpvragen: { where: { professionalId: persoonId } } },
      orderBy: [{ status: 'desc' }, { versie: 'desc' }],
    }),
  ]);
  return {
    ...samenvatting(zaak, status),
    vraag: zaak.vraag,
    voorwaarden: formulieren.map((f) => ({
      id: f.id,
      versie: f.versie,
      status: f.status,
      zorgen: f.zorgen,
      voorwaarden: f.voorwaarden.map((v) => ({ nummer: v.nummer, tekst: v.tekst })),
    })),
    plan: plan && {
      versie: plan.versie,
      huidig: plan.status === 'geaccepteerd',
      acties: plan.acties.map((a) => ({
        nummer: a.nummer,
        wat: a.wat,
        wie: a.wie,
        uiterlijk: a.uiterlijk?.toISOString().slice(0, 10) ?? null,
      })),
      hulpvraag: plan.hulpvragen[0]?.tekst ?? null,
    },
  };
}

/**
 * What a coordinator reads of a case offered to her, to decide: the region, the emergency,
 * the main person's wishes and the question. No names or contact details until she accepts.
 */
export interface AanbodWeergave {
  id: string;
  aangeboden: true;
  fase: string;
  noodsituatie: boolean;
  regio: string;
  aangevraagdOp: string;
  wensen: unknown;
  vraag: string | null;
}

export function aanbodWeergave(zaak: Zaak, status: ZaakStatus | undefined): AanbodWeergave {
  return {
    id: zaak.id,
    aangeboden: true,
    fase: status?.fase ?? zaak.fase,
    noodsituatie: zaak.noodsituatie,
    regio: zaak.regio,
    aangevraagdOp: zaak.aangevraagdOp.toISOString(),
    wensen: zaak.wensen,
    vraag: zaak.vraag,
  };
}

/** A line in a list of cases: from the stored record only, so a long list never waits for the process. */
export function lijstregel(z: Zaak) {
  return {
    id: z.id,
    fase: z.fase,
    regio: z.regio,
    noodsituatie: z.noodsituatie,
    aangevraagdOp: z.aangevraagdOp.toISOString(),
    termijn: z.termijnOp ? { soort: z.termijnSoort, op: z.termijnOp.toISOString() } : null,
    verlopen: z.termijnOp !== null && z.termijnOp < new Date() && z.fase !== 'afgesloten',
  };
}

export function tijdlijnregel(r: Gebeurtenis) {
  return { soort: r.soort, op: r.op.toISOString(), doorId: r.doorId, details: r.details };
}

export function auditregel(r: AuditEvent) {
  return { actor: r.actor, via: r.via, actie: r.actie, op: r.op.toISOString(), details: r.details };
}

/** A message and how it fared; its contents stay in the outbox. */
export function berichtregel(b: Bericht & { melding: Melding }) {
  return {
    id: b.id,
    soort: b.melding.soort,
    ontvangerId: b.melding.ontvangerId,
    rol: b.melding.rol,
    kanaal: b.kanaal,
    taal: b.taal,
    status: b.status,
    providerId: b.providerId,
    fout: b.fout,
    pogingen: b.pogingen,
    aangemaaktOp: b.aangemaaktOp.toISOString(),
    bijgewerktOp: b.bijgewerktOp.toISOString(),
  };
}
