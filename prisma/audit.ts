// The audit trail: every read of personal data and every change, with who, when, which
// case, what, and through which token or link. Rows are only ever added (a trigger refuses
// updates and deletes).
import type { Prisma, PrismaClient } from '@prisma/client';

/** Who acts: an account (through its token), a one-click link, or the process itself. */
export interface Wie {
  actor: string;
  via: string;
}

export async function auditVastleggen(
  db: Pick<PrismaClient, 'auditEvent'> | Prisma.TransactionClient,
  wie: Wie,
  actie: string,
  zaakId: string | null,
  details: Prisma.InputJsonObject = {},
): Promise<void> {
  await db.auditEvent.create({ data: { zaakId, actor: wie.actor, via: wie.via, actie, details } });
}
