// The coordinator pool the matching draws on, kept by the regiomanager: regions, languages,
// gender, cultural backgrounds, availability (and a period away), the most cases at once, and
// the people a coordinator knows privately (she is never matched to a case with them).
import type { PrismaClient } from '@prisma/client';
import { z } from 'zod';
import { BekendeRegio, tekst } from '../zaakproces/velden';
import { auditVastleggen, type Wie } from '../prisma/audit';
import { amsterdamVerschuiving } from '../workflows/stilte';
import { BeheerFout, ongeldig } from './fouten';

export const CoordinatorProfiel = z.strictObject({
  regios: z.array(BekendeRegio).min(1).max(20),
  talen: z.array(tekst(50)).min(1).max(20).default(['Nederlands']),
  geslacht: z.enum(['vrouw', 'man', 'anders']).optional(),
  achtergronden: z.array(tekst(100)).max(20).default([]),
  beschikbaar: z.boolean().default(true),
  /** A period away (dates, both included): not matched then. */
  afwezig: z
    .strictObject({ van: z.iso.date(), tot: z.iso.date() })
    // JSON Schema cannot compare two fields; the document says it in words.
    .meta({ description: 'Van en tot zijn beide inbegrepen; tot ligt niet voor van.' })
    .refine((a) => a.van <= a.tot, {
      message: 'ligt vóór de eerste dag (van) | is before the first day (van)',
      path: ['tot'],
    })
    .optional(),
  maxZaken: z.int().min(1).max(20).default(3),
  /** Persons she knows privately; absent: as they were (a new profile: none). */
  relaties: z.array(z.uuid()).max(500).optional(),
});
export type CoordinatorProfiel = z.infer<typeof CoordinatorProfiel>;

/** The pool: everyone, or those working in any of these regions. */
export async function coordinatoren(prisma: PrismaClient, inRegios?: string[]) {
  const rijen = await prisma.coordinator.findMany({
    where: inRegios ? { regios: { hasSome: inRegios } } : {},
    include: { persoon: true, relaties: true },
    orderBy: { persoon: { naam: 'asc' } },
  });
  const lopend = await prisma.zaak.groupBy({
    by: ['coordinatorId'],
    where: { coordinatorId: { in: rijen.map((c) => c.persoonId) }, fase: { not: 'afgesloten' } },
    _count: true,
  });
  return rijen.map((c) => ({
    persoonId: c.persoonId,
    naam: c.persoon.naam,
    regios: c.regios,
    talen: c.talen,
    geslacht: c.geslacht,
    achtergronden: c.achtergronden,
    beschikbaar: c.beschikbaar,
    afwezig: c.afwezigVan && c.afwezigTot ? { van: dag(c.afwezigVan), tot: dag(c.afwezigTot) } : null,
    maxZaken: c.maxZaken,
    lopendeZaken: lopend.find((l) => l.coordinatorId === c.persoonId)?._count ?? 0,
    relaties: c.relaties.map((r) => r.persoonId),
  }));
}

/** The day in Amsterdam (a period away is in local days). */
const dag = (d: Date) => new Date(d.getTime() + amsterdamVerschuiving(d.getTime())).toISOString().slice(0, 10);

/** Midnight in Amsterdam at the start of this day (2026-12-20). */
function amsterdamseDag(datum: string): Date {
  const utc = Date.parse(`${datum}T00:00:00Z`);
  return new Date(utc - amsterdamVerschuiving(utc));
}

/** The persons whose coordinator account this account invited. */
export async function doorUitgenodigd(prisma: PrismaClient, actor: string): Promise<string[]> {
  const uitnodigingen = await prisma.auditEvent.findMany({ where: { actor, actie: 'account.uitgenodigd' } });
  const accounts = uitnodigingen
    .map((u) => (u.details as { account?: unknown } | null)?.account)
    .filter((a): a is string => typeof a === 'string');
  const rijen = await prisma.gebruiker.findMany({
    where: { id: { in: accounts }, rol: 'coordinator', persoonId: { not: null } },
    select: { persoonId: true },
  });
  return rijen.map((r) => r.persoonId!);
}

/**
 * Sets a coordinator's profile. She has a coordinator account; her regions exist; whoever
 * sets it may (a regiomanager: only for her own regions, `binnen`).
 */
export async function coordinatorZetten(
  prisma: PrismaClient,
  wie: Wie,
  persoonId: string,
  profiel: CoordinatorProfiel,
  binnen?: string[],
) {
  const account = await prisma.gebruiker.findFirst({ where: { persoonId, rol: 'coordinator' } });
  if (!account) {
    throw new BeheerFout('onbekend', {
      nl: 'Deze persoon heeft geen account als coördinator; nodig haar eerst uit.',
      en: 'This person has no coordinator account; invite her first.',
    });
  }
  const bekend = (await prisma.regio.findMany({ where: { opgehevenOp: null } })).map((r) => r.naam);
  const onbekend = profiel.regios.filter((r) => !bekend.includes(r));
  if (onbekend.length > 0) {
    throw ongeldig(
      'regios',
      `${onbekend.join(', ')}: onbekende regio; bekend: ${bekend.join(', ')}`,
      `${onbekend.join(', ')}: unknown region; known: ${bekend.join(', ')}`,
    );
  }
  if (binnen && profiel.regios.some((r) => !binnen.includes(r))) {
    throw ongeldig('regios', 'alleen uw eigen regio’s', 'only your own regions');
  }
  const bestaand = await prisma.coordinator.findUnique({ where: { persoonId } });
  // A regiomanager brings a new coordinator into her pool only when she invited her.
  if (binnen && !bestaand && !(await doorUitgenodigd(prisma, wie.actor)).includes(persoonId)) {
    throw new BeheerFout('conflict', {
      nl: 'Deze coördinator is door een ander uitgenodigd; wie haar uitnodigde of de beheerder geeft haar een profiel.',
      en: 'Someone else invited this coordinator; whoever invited her, or the administrator, gives her a profile.',
    });
  }
  if (binnen && bestaand && bestaand.regios.some((r) => !binnen.includes(r))) {
    throw new BeheerFout('conflict', {
      nl: 'Deze coördinator werkt ook in een andere regio; de beheerder past haar profiel aan.',
      en: 'This coordinator also works in another region; the administrator changes her profile.',
    });
  }
  const nieuweRelaties = profiel.relaties && [...new Set(profiel.relaties)];
  if (nieuweRelaties) {
    const bekend = await prisma.persoon.count({ where: { id: { in: nieuweRelaties } } });
    if (bekend !== nieuweRelaties.length) {
      throw ongeldig('relaties', 'noemt een persoon die kring niet kent', 'names a person kring does not know');
    }
  }
  const gegevens = {
    regios: profiel.regios,
    talen: profiel.talen,
    geslacht: profiel.geslacht ?? null,
    achtergronden: profiel.achtergronden,
    beschikbaar: profiel.beschikbaar,
    afwezigVan: profiel.afwezig ? amsterdamseDag(profiel.afwezig.van) : null,
    // Up to the end of that day: the start of the next.
    afwezigTot: profiel.afwezig ? new Date(amsterdamseDag(profiel.afwezig.tot).getTime() + 24 * 3_600_000 - 1) : null,
    maxZaken: profiel.maxZaken,
  };
  await prisma.$transaction(async (tx) => {
    await tx.coordinator.upsert({ where: { persoonId }, create: { persoonId, ...gegevens }, update: gegevens });
    if (nieuweRelaties) {
      await tx.coordinatorRelatie.deleteMany({ where: { coordinatorId: persoonId } });
      await tx.coordinatorRelatie.createMany({
        data: nieuweRelaties.map((p) => ({ coordinatorId: persoonId, persoonId: p })),
      });
    }
    // The change, not the people: relations are counted, never named in the trail.
    await auditVastleggen(tx, wie, bestaand ? 'coordinator.gewijzigd' : 'coordinator.aangemaakt', null, {
      coordinator: persoonId,
      regios: profiel.regios,
      beschikbaar: profiel.beschikbaar,
      ...(nieuweRelaties && { relaties: nieuweRelaties.length }),
    });
  });
}

/** Whether she can take a case now: available, and not in a period away. */
export function nuBeschikbaar(
  c: { beschikbaar: boolean; afwezigVan: Date | null; afwezigTot: Date | null },
  nu = new Date(),
) {
  return c.beschikbaar && !(c.afwezigVan && c.afwezigTot && c.afwezigVan <= nu && nu <= c.afwezigTot);
}
