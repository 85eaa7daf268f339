// The audit trail of the API: every read of personal data and every change, with who, when,
// which case, what, and through which token or link. Rows are only ever added.
import type { Prisma, PrismaClient } from '@prisma/client';
import type { Request } from 'express';

/** Who acts: an account (through its token) or a one-click link. */
export interface Wie {
  actor: string;
  via: string;
}

export function wieVan(req: Request): Wie {
  const g = req.gebruiker;
  return g ? { actor: g.id, via: `token:${g.tokenId}` } : { actor: 'api', via: 'onbekend' };
}

export async function vastleggen(
  db: Pick<PrismaClient, 'auditEvent'> | Prisma.TransactionClient,
  wie: Wie,
  actie: string,
  zaakId: string | null,
  details: Prisma.InputJsonObject = {},
): Promise<void> {
  await db.auditEvent.create({ data: { zaakId, actor: wie.actor, via: wie.via, actie, details } });
}
