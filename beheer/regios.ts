// Regions: where requests come from, who manages them (one or more regiomanagers), and which
// municipalities fund the conferences (for reporting). Set up through kring, never with SQL.
import type { Prisma, PrismaClient } from '@prisma/client';
import { z } from 'zod';
import { KORTSTE_BEWAARTERMIJN_DAGEN, LANGSTE_BEWAARTERMIJN_DAGEN } from '../config/bewaartermijn';
import { tekst } from '../zaakproces/velden';
import { auditVastleggen, type Wie } from '../prisma/audit';
import { regiomanagersBijwerken, type Zaakproces } from '../zaakproces';
import { BeheerFout, ongeldig } from './fouten';

export const Regionaam = tekst(100);
const Gemeenten = z.array(tekst(100)).max(200);
/**
 * Days the region's closed cases are kept before they are anonymised (AVG); null or absent:
 * the configured default (BEWAARTERMIJN_DAGEN, 730). At least a month, at most a century.
 */
export const Bewaartermijn = z.int().min(KORTSTE_BEWAARTERMIJN_DAGEN).max(LANGSTE_BEWAARTERMIJN_DAGEN).nullable();

export const NieuweRegio = z.strictObject({
  naam: Regionaam,
  gemeenten: Gemeenten.default([]),
  /** The persons who manage it: each has a regiomanager account. */
  regiomanagers: z.array(z.uuid()).max(20).default([]),
  bewaartermijnDagen: Bewaartermijn.optional(),
});
export type NieuweRegio = z.infer<typeof NieuweRegio>;

export const RegioWijziging = z.strictObject({
  naam: Regionaam.optional(),
  gemeenten: Gemeenten.optional(),
  /** null: back to the default. */
  bewaartermijnDagen: Bewaartermijn.optional(),
});
export const Regiomanagers = z.strictObject({ regiomanagers: z.array(z.uuid()).min(1).max(20) });

const OPEN = { not: 'afgesloten' } as const;

/** Open cases of a region nobody manages: somebody must take them up. */
export const ZONDER_REGIOMANAGER = {
  fase: OPEN,
  deelnemers: { none: { rol: 'regiomanager' } },
} satisfies Prisma.ZaakWhereInput;

export async function regios(prisma: PrismaClient) {
  const rijen = await prisma.regio.findMany({
    include: { regiomanagers: { include: { persoon: true } } },
    orderBy: { naam: 'asc' },
  });
  const open = await prisma.zaak.groupBy({ by: ['regio'], where: { fase: OPEN }, _count: true });
  return rijen.map((r) => ({
    naam: r.naam,
    gemeenten: r.gemeenten,
    regiomanagers: r.regiomanagers.map((m) => ({ persoonId: m.persoonId, naam: m.persoon.naam })),
    openZaken: open.find((o) => o.regio === r.naam)?._count ?? 0,
    opgehevenOp: r.opgehevenOp?.toISOString() ?? null,
    /** Its own retention period in days; null: the default. */
    bewaartermijnDagen: r.bewaartermijnDagen,
  }));
}

/** The region a new request may name; otherwise a refusal that names the regions kring knows. */
export async function regioVoorAanvraag(prisma: PrismaClient, naam: string, gemeente?: string) {
  const actief = await prisma.regio.findMany({ where: { opgehevenOp: null }, orderBy: { naam: 'asc' } });
  const regio = actief.find((r) => r.naam === naam);
  if (!regio) {
    const bekend = actief.map((r) => r.naam).join(', ') || '(nog geen)';
    throw ongeldig(
      'regio',
      `kent kring niet; bekende regio's: ${bekend}`,
      `is not a region kring knows; known: ${bekend}`,
    );
  }
  if (gemeente && regio.gemeenten.length > 0 && !regio.gemeenten.includes(gemeente)) {
    const bekend = regio.gemeenten.join(', ');
    throw ongeldig(
      'gemeente',
      `financiert niet in regio ${naam}; gemeenten van deze regio: ${bekend}`,
      `does not fund region ${naam}; its municipalities: ${bekend}`,
    );
  }
  return regio;
}

async function moetBestaan(prisma: PrismaClient, naam: string) {
  const regio = await prisma.regio.findUnique({ where: { naam } });
  if (!regio)
    throw new BeheerFout('onbekend', { nl: `Regio ${naam} bestaat niet.`, en: `Region ${naam} does not exist.` });
  return regio;
}

/** Persons who may manage a region: each has a regiomanager account that is not blocked. */
async function alsRegiomanagers(prisma: PrismaClient, persoonIds: string[]): Promise<void> {
  const accounts = await prisma.gebruiker.findMany({
    where: { persoonId: { in: persoonIds }, rol: 'regiomanager', geblokkeerdOp: null },
  });
  const zonder = persoonIds.filter((id) => !accounts.some((a) => a.persoonId === id));
  if (zonder.length > 0) {
    throw ongeldig(
      'regiomanagers',
      `${zonder.join(', ')} heeft geen account als regiomanager; nodig eerst uit`,
      `${zonder.join(', ')} has no regiomanager account; invite first`,
    );
  }
}

export async function regioMaken(prisma: PrismaClient, wie: Wie, invoer: NieuweRegio) {
  if (await prisma.regio.findUnique({ where: { naam: invoer.naam } })) {
    throw new BeheerFout(
      'bestaat',
      { nl: `Regio ${invoer.naam} bestaat al.`, en: `Region ${invoer.naam} exists already.` },
      'naam',
    );
  }
  await alsRegiomanagers(prisma, invoer.regiomanagers);
  await prisma.$transaction(async (tx) => {
    await tx.regio.create({
      data: {
        naam: invoer.naam,
        gemeenten: invoer.gemeenten,
        bewaartermijnDagen: invoer.bewaartermijnDagen ?? null,
        regiomanagers: { create: invoer.regiomanagers.map((persoonId) => ({ persoonId })) },
      },
    });
    await auditVastleggen(tx, wie, 'regio.aangemaakt', null, {
      regio: invoer.naam,
      regiomanagers: invoer.regiomanagers,
      bewaartermijnDagen: invoer.bewaartermijnDagen ?? null,
    });
  });
}

/** A new name (its cases and coordinators move with it), or other funding municipalities. */
export async function regioWijzigen(
  prisma: PrismaClient,
  wie: Wie,
  naam: string,
  wijziging: z.infer<typeof RegioWijziging>,
) {
  await moetBestaan(prisma, naam);
  const nieuw = wijziging.naam && wijziging.naam !== naam ? wijziging.naam : undefined;
  if (nieuw && (await prisma.regio.findUnique({ where: { naam: nieuw } }))) {
    throw new BeheerFout(
      'bestaat',
      { nl: `Regio ${nieuw} bestaat al.`, en: `Region ${nieuw} exists already.` },
      'naam',
    );
  }
  await prisma.$transaction(async (tx) => {
    if (wijziging.gemeenten) await tx.regio.update({ where: { naam }, data: { gemeenten: wijziging.gemeenten } });
    if (wijziging.bewaartermijnDagen !== undefined) {
      await tx.regio.update({ where: { naam }, data: { bewaartermijnDagen: wijziging.bewaartermijnDagen } });
    }
    if (nieuw) {
      await tx.regio.update({ where: { naam }, data: { naam: nieuw } });
      await tx.zaak.updateMany({ where: { regio: naam }, data: { regio: nieuw } });
      await tx.$executeRaw`UPDATE "coordinator" SET "regios" = array_replace("regios", ${naam}, ${nieuw}) WHERE ${naam} = ANY("regios")`;
    }
    await auditVastleggen(tx, wie, 'regio.gewijzigd', null, {
      regio: naam,
      ...(nieuw && { naam: nieuw }),
      ...(wijziging.gemeenten && { gemeenten: wijziging.gemeenten }),
      ...(wijziging.bewaartermijnDagen !== undefined && { bewaartermijnDagen: wijziging.bewaartermijnDagen }),
    });
  });
  return nieuw ?? naam;
}

/**
 * The region changes hands. Never left without a regiomanager while it has open cases; its
 * open cases are told at once (a case not reached now is told by the next sweep).
 */
export async function regiomanagersZetten(
  prisma: PrismaClient,
  wie: Wie,
  naam: string,
  regiomanagers: string[],
  proces?: Zaakproces,
) {
  await moetBestaan(prisma, naam);
  await alsRegiomanagers(prisma, regiomanagers);
  await prisma.$transaction(async (tx) => {
    await tx.regioManager.deleteMany({ where: { regio: naam, persoonId: { notIn: regiomanagers } } });
    await tx.regioManager.createMany({
      data: regiomanagers.map((persoonId) => ({ regio: naam, persoonId })),
      skipDuplicates: true,
    });
    await auditVastleggen(tx, wie, 'regio.regiomanagers', null, { regio: naam, regiomanagers });
  });
  if (proces) await regiomanagersBijwerken(prisma, proces, naam).catch(() => undefined);
}

/** Retired: no new requests. Not while it has open cases. */
export async function regioOpheffen(prisma: PrismaClient, wie: Wie, naam: string) {
  await moetBestaan(prisma, naam);
  await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "naam" FROM "regio" WHERE "naam" = ${naam} FOR UPDATE`;
    const open = await tx.zaak.count({ where: { regio: naam, fase: OPEN } });
    if (open > 0) {
      throw new BeheerFout('conflict', {
        nl: `Regio ${naam} heeft nog ${open} open ${open === 1 ? 'zaak' : 'zaken'}; sluit of verplaats die eerst.`,
        en: `Region ${naam} still has ${open} open case(s); close or move them first.`,
      });
    }
    await tx.regio.update({ where: { naam }, data: { opgehevenOp: new Date() } });
    await auditVastleggen(tx, wie, 'regio.opgeheven', null, { regio: naam });
  });
}
