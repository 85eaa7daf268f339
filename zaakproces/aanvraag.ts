// A request for a conference, as anyone may make it (a professional, the main person, or
// another involved person), and how it is stored: the main person, the requester and the
// case in one transaction, before its process starts.
import crypto from 'node:crypto';
import type { Persoon as PersoonRij, Prisma, PrismaClient } from '@prisma/client';
import { z } from 'zod';
import { workflowIdVoorZaak } from '../workflows/contract';
import { BekendeRegio, Taal, tekst, Telefoon } from './velden';

export const Persoon = z.strictObject({
  naam: tekst(200),
  email: z.email().max(254).optional(),
  telefoon: Telefoon.optional(),
  /** The language of everything this person is sent. */
  taal: Taal.default('nl'),
});
export type Persoon = z.infer<typeof Persoon>;

export const Aanvrager = z.discriminatedUnion('relatie', [
  /** The main person asks for the conference themselves. */
  z.strictObject({ relatie: z.literal('hoofdpersoon') }),
  Persoon.extend({
    relatie: z.enum(['professional', 'betrokkene']),
    organisatie: tekst(200).optional(),
  }),
]);

/** What the main person wishes for in a coordinator. */
export const Wensen = z.strictObject({
  taal: tekst(100).optional(),
  geslacht: z.enum(['vrouw', 'man', 'geen voorkeur']).optional(),
  cultureleAchtergrond: tekst(200).optional(),
  toelichting: tekst(1000).optional(),
});

export const ZaakAanvraag = z.strictObject({
  aanvrager: Aanvrager,
  hoofdpersoon: Persoon,
  regio: BekendeRegio,
  /** The municipality that funds the conference, when known. */
  gemeente: tekst(100).optional(),
  /** The open question, if already known ("Wat is er voor nodig dat …?"). */
  vraag: tekst(2000).optional(),
  noodsituatie: z.boolean().default(false),
  wensen: Wensen.default({}),
});
export type ZaakAanvraag = z.infer<typeof ZaakAanvraag>;

export const metDeelnemers = { deelnemers: { include: { persoon: true } } } satisfies Prisma.ZaakInclude;
export type Zaakrecord = Prisma.ZaakGetPayload<{ include: typeof metDeelnemers }>;

export interface Vastleggingsopties {
  /** The caller's Idempotency-Key and the hash of their request: a repeat finds this case. */
  sleutel?: string;
  verzoekHash?: string;
  /** When the request was made, if not now (one taken by phone earlier); deadlines count from it. */
  aangevraagdOp?: Date;
  /** More to write in the same transaction (the audit row of who asked). */
  ook?: (tx: Prisma.TransactionClient, zaakId: string) => Promise<void>;
}

/**
 * Stores the request as a case in phase `aanvraag`, with its main person and requester: one
 * look-up for the people kring knows, one insert for those it does not, one for the case and
 * its participants.
 */
export async function aanvraagVastleggen(
  prisma: PrismaClient,
  aanvraag: ZaakAanvraag,
  opties: Vastleggingsopties = {},
): Promise<Zaakrecord> {
  const id = crypto.randomUUID();
  const { aanvrager, hoofdpersoon } = aanvraag;
  // The requester, when she is someone besides the main person.
  const apart = aanvrager.relatie === 'hoofdpersoon' || isDezelfde(aanvrager, hoofdpersoon) ? undefined : aanvrager;
  return prisma.$transaction(async (tx) => {
    const [bekendeHoofdpersoon, bekendeAanvrager] = await bekendenVastgehouden(
      tx,
      apart ? [hoofdpersoon, apart] : [hoofdpersoon],
    );
    const nieuw: Prisma.PersoonCreateManyInput[] = [];
    const maak = (gegevens: Omit<Prisma.PersoonCreateManyInput, 'id'>) => {
      const persoonId = crypto.randomUUID();
      nieuw.push({ id: persoonId, ...gegevens });
      return persoonId;
    };
    const hoofdpersoonId = bekendeHoofdpersoon?.id ?? maak(persoonGegevens(hoofdpersoon));
    const aanvragerId = apart
      ? (bekendeAanvrager?.id ?? maak({ ...persoonGegevens(apart), organisatie: apart.organisatie }))
      : hoofdpersoonId;
    const personen = [bekendeHoofdpersoon, bekendeAanvrager].filter((p) => p !== undefined);
    if (nieuw.length > 0) personen.push(...(await tx.persoon.createManyAndReturn({ data: nieuw })));
    // What the inserts return is the record: nothing is read back.
    const zaak = await tx.zaak.create({
      data: {
        id,
        regio: aanvraag.regio,
        gemeente: aanvraag.gemeente,
        noodsituatie: aanvraag.noodsituatie,
        vraag: aanvraag.vraag,
        wensen: aanvraag.wensen,
        workflowId: workflowIdVoorZaak(id),
        idempotencyKey: opties.sleutel,
        verzoekHash: opties.verzoekHash,
        aangevraagdOp: opties.aangevraagdOp,
      },
    });
    const deelnemers = await tx.deelnemer.createManyAndReturn({
      data: [
        { zaakId: id, persoonId: hoofdpersoonId, rol: 'hoofdpersoon' },
        { zaakId: id, persoonId: aanvragerId, rol: 'aanvrager', relatie: aanvrager.relatie },
      ],
    });
    await opties.ook?.(tx, id);
    return {
      ...zaak,
      deelnemers: deelnemers.map((d) => ({ ...d, persoon: personen.find((p) => p.id === d.persoonId)! })),
    };
  });
}

/**
 * The person kring knows already: one human is one person, across cases. Known by email
 * address and name together (a family, or a team, may share one address), both compared
 * without regard to case. Nothing of the known person changes: a different phone number is
 * an edit of the person, not a side effect of a case. Undefined when there is none.
 */
export async function bekendePersoon(
  db: Pick<Prisma.TransactionClient, 'persoon'>,
  persoon: Persoon,
): Promise<string | undefined> {
  if (!persoon.email) return undefined;
  const metAdres = await db.persoon.findMany({
    where: { email: normaalAdres(persoon.email) },
    orderBy: { aangemaaktOp: 'asc' },
  });
  return metAdres.find((p) => isDezelfde(p, persoon))?.id;
}

/**
 * The known persons among these (bekendePersoon's rule), in one statement, held (FOR SHARE)
 * until the request is stored, so that an erasure or the retention sweep waits for it; one
 * erased meanwhile is not known any more: a new one is made.
 */
async function bekendenVastgehouden(
  tx: Prisma.TransactionClient,
  personen: Persoon[],
): Promise<Array<PersoonRij | undefined>> {
  const adressen = [...new Set(personen.flatMap((p) => (p.email ? [normaalAdres(p.email)] : [])))];
  if (adressen.length === 0) return personen.map(() => undefined);
  const rijen = await tx.$queryRaw<PersoonRij[]>`
    SELECT * FROM "persoon" WHERE email = ANY(${adressen}::text[]) ORDER BY "aangemaaktOp" FOR SHARE`;
  return personen.map((persoon) => rijen.find((r) => !r.gewistOp && isDezelfde(r, persoon)));
}

/** The same human: the same address and the same name, whatever their case or spacing. */
function isDezelfde(a: { naam: string; email?: string | null }, b: { naam: string; email?: string | null }): boolean {
  return (
    Boolean(a.email && b.email) &&
    normaalAdres(a.email!) === normaalAdres(b.email!) &&
    normaleNaam(a.naam) === normaleNaam(b.naam)
  );
}

/** Addresses are kept in lower case, so the same address is the same text. */
export const normaalAdres = (email: string) => email.trim().toLowerCase();
const normaleNaam = (naam: string) => naam.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

export function persoonGegevens(p: Persoon) {
  return { naam: p.naam, email: p.email && normaalAdres(p.email), telefoon: p.telefoon, taal: p.taal };
}
