// What a command's words are stored as before the command refers to them by id: reasons and
// notes, the plan, a conditions form, a date proposal, verdicts, a new participant. Stored as
// `concept`; the process's record of the command makes it part of the case. Used by every
// caller that gives commands (the API, the pages, tests), so words are stored one way.
//
// A command given again with the same id (a retry after "try again") stores nothing new:
// its content gets ids derived from the command's id, so the retry finds what the first
// attempt stored and refers to the same rows as the answer the process already gave.
import crypto from 'node:crypto';
import { Prisma, type PrismaClient } from '@prisma/client';
import { v5 as uuidv5 } from 'uuid';
import type { Door } from '../workflows/contract';
import { bekendePersoon, persoonGegevens, type Persoon } from './aanvraag';
import { PersoonOnbekend } from './fouten';

/** Whose words, in which case, for which command. */
export interface Inhoudcontext {
  prisma: PrismaClient;
  zaakId: string;
  door: Door;
  /** The command's own id (a caller's Idempotency-Key with its request's hash, a link's id). */
  sleutel?: string;
}

// The name space of content ids derived from a command's id.
const INHOUD = 'a7d3c0de-5e7f-4b8a-9c1d-2e3f4a5b6c7d';

/** The id of the `wat` this command stores: derived from its id when it has one, else fresh. */
export function inhoudId(c: Inhoudcontext, wat: string): string {
  return c.sleutel === undefined
    ? crypto.randomUUID()
    : uuidv5(`${c.zaakId}\n${c.door.persoonId}\n${c.sleutel}\n${wat}`, INHOUD);
}

/** Stores with `maak` unless a row with this id is there already (a repeated command). */
async function eenmaal<T>(vind: () => Promise<T | null>, maak: () => Promise<T>): Promise<T> {
  const er = await vind();
  if (er) return er;
  try {
    return await maak();
  } catch (err) {
    // The same command twice at once: the other one stored it first.
    const toch = err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002' ? await vind() : null;
    if (toch) return toch;
    throw err;
  }
}

/** The kinds of free text a case keeps; the process checks the kind when it records it. */
export type Tekstsoort = 'reden' | 'vraag' | 'verslag' | 'signaal' | 'notitie';

export async function tekstBewaren(c: Inhoudcontext, soort: Tekstsoort, inhoud: string): Promise<string> {
  const id = inhoudId(c, `tekst:${soort}`);
  const rij = await eenmaal(
    () => c.prisma.tekst.findUnique({ where: { id } }),
    () => c.prisma.tekst.create({ data: { id, zaakId: c.zaakId, soort, inhoud, doorId: c.door.persoonId } }),
  );
  return rij.id;
}

export interface PlanInhoud {
  acties: Array<{ wat: string; wie: string; uiterlijk?: string }>;
  /** Per professional, what the family asks of them. */
  hulpvragen: Array<{ professionalId: string; tekst: string }>;
}

/** A plan, to be presented; it gets its version number once the process records it. */
export async function planBewaren(c: Inhoudcontext, plan: PlanInhoud): Promise<string> {
  const id = inhoudId(c, 'plan');
  const rij = await eenmaal(
    () => c.prisma.plan.findUnique({ where: { id } }),
    () =>
      c.prisma.plan.create({
        data: {
          id,
          zaakId: c.zaakId,
          acties: {
            create: plan.acties.map((a, i) => ({
              nummer: i + 1,
              wat: a.wat,
              wie: a.wie,
              uiterlijk: a.uiterlijk ? new Date(a.uiterlijk) : null,
            })),
          },
          hulpvragen: { create: plan.hulpvragen },
        },
      }),
  );
  return rij.id;
}

/** A professional's concerns and numbered conditions, as the next version of their form. */
export async function voorwaardenBewaren(
  c: Inhoudcontext,
  formulier: { zorgen: string; voorwaarden: string[] },
): Promise<{ formulierId: string; versie: number; aantal: number }> {
  const id = inhoudId(c, 'voorwaarden');
  const where = { zaakId: c.zaakId, professionalId: c.door.persoonId };
  const rij = await eenmaal(
    () => c.prisma.voorwaardenFormulier.findUnique({ where: { id }, include: { _count: true } }),
    async () => {
      const laatste = await c.prisma.voorwaardenFormulier.aggregate({ where, _max: { versie: true } });
      return c.prisma.voorwaardenFormulier.create({
        data: {
          id,
          ...where,
          versie: (laatste._max.versie ?? 0) + 1,
          zorgen: formulier.zorgen,
          voorwaarden: { create: formulier.voorwaarden.map((tekst, i) => ({ nummer: i + 1, tekst })) },
        },
        include: { _count: true },
      });
    },
  );
  return { formulierId: rij.id, versie: rij.versie, aantal: rij._count.voorwaarden };
}

/** A proposed date, and where the conference would be (an address, "bij oma thuis"). */
export async function datumvoorstelBewaren(c: Inhoudcontext, op: string, plaats?: string): Promise<string> {
  const id = inhoudId(c, 'datumvoorstel');
  const rij = await eenmaal(
    () => c.prisma.datumVoorstel.findUnique({ where: { id } }),
    () => c.prisma.datumVoorstel.create({ data: { id, zaakId: c.zaakId, op: new Date(op), plaats } }),
  );
  return rij.id;
}

/** A professional's verdicts on the presented plan, each with its reason; the process adds plan and round. */
export async function toetsingBewaren(
  c: Inhoudcontext,
  oordelen: Array<{ nummer: number; voldaan: boolean; reden: string }>,
): Promise<string> {
  const id = inhoudId(c, 'toetsing');
  const rij = await eenmaal(
    () => c.prisma.toetsing.findUnique({ where: { id } }),
    () =>
      c.prisma.toetsing.create({
        data: { id, zaakId: c.zaakId, professionalId: c.door.persoonId, oordelen: { create: oordelen } },
      }),
  );
  return rij.id;
}

/**
 * Someone for the circle: a person kring knows (by id, or by email address and name), or
 * else a new person. Then their part in this case.
 */
export async function deelnemerBewaren(
  c: Inhoudcontext,
  nieuw: {
    persoon?: Persoon & { organisatie?: string };
    persoonId?: string;
    rol: 'netwerk' | 'professional';
    relatie?: string;
    voorgesteldDoor?: string;
  },
): Promise<string> {
  const persoonId =
    nieuw.persoonId ?? (await bekendePersoon(c.prisma, nieuw.persoon!)) ?? (await nieuwePersoon(c, nieuw.persoon!));
  if (nieuw.persoonId && !(await c.prisma.persoon.findUnique({ where: { id: nieuw.persoonId } }))) {
    throw new PersoonOnbekend(nieuw.persoonId);
  }
  const deelname = { zaakId: c.zaakId, persoonId, rol: nieuw.rol };
  await eenmaal(
    () => c.prisma.deelnemer.findUnique({ where: { zaakId_persoonId_rol: deelname } }),
    () =>
      c.prisma.$transaction(async (tx) => {
        // Shares the lock an erasure or the retention sweep takes: one waits for the other, so an
        // erased person never joins a case, nor is a person erased while joining one.
        const [rij] = await tx.$queryRaw<Array<{ gewistOp: Date | null }>>`
          SELECT "gewistOp" FROM "persoon" WHERE id = ${persoonId}::uuid FOR SHARE`;
        if (!rij) throw new PersoonOnbekend(persoonId);
        if (rij.gewistOp) throw new PersoonOnbekend(persoonId, true);
        return tx.deelnemer.create({
          data: { ...deelname, relatie: nieuw.relatie, status: 'concept', voorgesteldDoorId: nieuw.voorgesteldDoor },
        });
      }),
  );
  return persoonId;
}

async function nieuwePersoon(c: Inhoudcontext, persoon: Persoon & { organisatie?: string }): Promise<string> {
  const id = inhoudId(c, 'persoon');
  const rij = await eenmaal(
    () => c.prisma.persoon.findUnique({ where: { id } }),
    () => c.prisma.persoon.create({ data: { id, ...persoonGegevens(persoon), organisatie: persoon.organisatie } }),
  );
  return rij.id;
}
