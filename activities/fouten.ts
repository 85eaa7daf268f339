// How an activity says a write can never succeed, so Temporal does not retry it for ever
// (and hold up every command of the case behind it).
import { ApplicationFailure } from '@temporalio/activity';
import type { Prisma, PrismaClient } from '@prisma/client';
import { afwijzing } from '../workflows/afwijzing';
import { reden } from '../workflows/contract';

export function zaakOntbreekt(zaakId: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(`case ${zaakId} has no record in the database`, 'ZaakOntbreekt');
}

/** A command referred to content that is not there, or not of this case: refused like any other. */
export function verwijzingOngeldig(wat: string, id: string): ApplicationFailure {
  return afwijzing(reden('onbekende-verwijzing', { wat, id }));
}

// Prisma's answers to a write that cannot succeed as asked: a key taken, a reference to
// nothing, a value of the wrong kind.
const ONUITVOERBAAR = new Set(['P2002', 'P2003', 'P2007', 'P2023', 'P2025']);

/**
 * Runs a case's write: the case must exist, and a write that refers to the wrong thing is
 * refused. Whether the case exists is asked only once the write failed: every write of a
 * case refers to its row, so a missing case always makes it fail.
 */
export async function alsHetKan<T>(prisma: PrismaClient, zaakId: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const code = (err as Prisma.PrismaClientKnownRequestError).code;
    if (!code || !ONUITVOERBAAR.has(code)) throw err;
    if (!(await prisma.zaak.findUnique({ where: { id: zaakId }, select: { id: true } }))) throw zaakOntbreekt(zaakId);
    throw verwijzingOngeldig('Een verwijzing in de opdracht', `(${code})`);
  }
}
