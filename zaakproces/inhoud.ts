// What a command's words are stored as before the command refers to them by id: reasons and
// notes, the plan, a conditions form, a date proposal, verdicts, a new participant. Stored as
// `concept`; the process's record of the command makes it part of the case. Used by every
// caller that gives commands (the API, the pages, tests), so words are stored one way.
import type { PrismaClient } from '@prisma/client';
import type { Door } from '../workflows/contract';
import { persoonGegevens, type Persoon } from './aanvraag';

/** Whose words, in which case. */
export interface Inhoudcontext {
  prisma: PrismaClient;
  zaakId: string;
  door: Door;
}

/** The kinds of free text a case keeps; the process checks the kind when it records it. */
export type Tekstsoort = 'reden' | 'vraag' | 'verslag' | 'signaal' | 'notitie';

export async function tekstBewaren(c: Inhoudcontext, soort: Tekstsoort, inhoud: string): Promise<string> {
  const rij = await c.prisma.tekst.create({ data: { zaakId: c.zaakId, soort, inhoud, doorId: c.door.persoonId } });
  return rij.id;
}

export interface PlanInhoud {
  acties: Array<{ wat: string; wie: string; uiterlijk?: string }>;
  /** Per professional, what the family asks of them. */
  hulpvragen: Array<{ professionalId: string; tekst: string }>;
}

/** A plan as a new version of the case's plan. */
export async function planBewaren(c: Inhoudcontext, plan: PlanInhoud): Promise<string> {
  const laatste = await c.prisma.plan.aggregate({ where: { zaakId: c.zaakId }, _max: { versie: true } });
  const rij = await c.prisma.plan.create({
    data: {
      zaakId: c.zaakId,
      versie: (laatste._max.versie ?? 0) + 1,
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
  });
  return rij.id;
}

/** A professional's concerns and numbered conditions, as the next version of their form. */
export async function voorwaardenBewaren(
  c: Inhoudcontext,
  formulier: { zorgen: string; voorwaarden: string[] },
): Promise<{ formulierId: string; versie: number; aantal: number }> {
  const where = { zaakId: c.zaakId, professionalId: c.door.persoonId };
  const laatste = await c.prisma.voorwaardenFormulier.aggregate({ where, _max: { versie: true } });
  const versie = (laatste._max.versie ?? 0) + 1;
  const rij = await c.prisma.voorwaardenFormulier.create({
    data: {
      ...where,
      versie,
      zorgen: formulier.zorgen,
      voorwaarden: { create: formulier.voorwaarden.map((tekst, i) => ({ nummer: i + 1, tekst })) },
    },
  });
  return { formulierId: rij.id, versie, aantal: formulier.voorwaarden.length };
}

export async function datumvoorstelBewaren(c: Inhoudcontext, op: string): Promise<string> {
  return (await c.prisma.datumVoorstel.create({ data: { zaakId: c.zaakId, op: new Date(op) } })).id;
}

/** A professional's verdicts on the presented plan, each with its reason; the process adds plan and round. */
export async function toetsingBewaren(
  c: Inhoudcontext,
  oordelen: Array<{ nummer: number; voldaan: boolean; reden: string }>,
): Promise<string> {
  const rij = await c.prisma.toetsing.create({
    data: { zaakId: c.zaakId, professionalId: c.door.persoonId, oordelen: { create: oordelen } },
  });
  return rij.id;
}

/** Someone new for the circle: their person, and their part in this case. */
export async function deelnemerBewaren(
  c: Inhoudcontext,
  nieuw: {
    persoon: Persoon & { organisatie?: string };
    rol: 'netwerk' | 'professional';
    relatie?: string;
    voorgesteldDoor?: string;
  },
): Promise<string> {
  const persoon = await c.prisma.persoon.create({
    data: { ...persoonGegevens(nieuw.persoon), organisatie: nieuw.persoon.organisatie },
  });
  await c.prisma.deelnemer.create({
    data: {
      zaakId: c.zaakId,
      persoonId: persoon.id,
      rol: nieuw.rol,
      relatie: nieuw.relatie,
      status: 'concept',
      voorgesteldDoorId: nieuw.voorgesteldDoor,
    },
  });
  return persoon.id;
}
