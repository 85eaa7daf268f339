// "Who looked at my file?": for a person, every recorded read of the cases they take part in,
// with who read it (account and role), when, what, and through which token or link. The
// regiomanager hands it over on request.
import { Router } from 'express';
import type { PrismaClient } from '@prisma/client';
import { z } from 'zod';
import { vastleggen, wieVan } from './audit';
import { niemandGevonden } from './problem';
import { zaakBereik } from './rechten';
import { toegestaan } from './toegang';

export function inzageRouter({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();
  router.get('/:id/inzage', async (req, res) => {
    const g = toegestaan(req, 'persoon.inzage');
    const persoonId = String(req.params.id);
    const bereik = zaakBereik(g);
    // Only a person in one of the caller's cases, and only the cases the caller may reach.
    const zichtbaar = z.uuid().safeParse(persoonId).success
      ? await prisma.zaak.findFirst({ where: { AND: [bereik, { deelnemers: { some: { persoonId } } }] } })
      : null;
    if (!zichtbaar) throw niemandGevonden({ nl: 'Deze persoon', en: 'This person' });
    const zaken = (
      await prisma.deelnemer.findMany({ where: { persoonId, zaak: bereik }, select: { zaakId: true } })
    ).map((d) => d.zaakId);
    const lezingen = await lezingenVan(prisma, zaken);
    await vastleggen(prisma, wieVan(req), 'inzage.opgevraagd', zichtbaar.id, { persoonId });
    res.json({
      persoonId,
      inzagen: lezingen.map((l) => ({
        op: l.op.toISOString(),
        zaakId: l.zaakId,
        wat: l.actie,
        door: l.account?.naam ?? l.actor,
        rol: l.account?.rol ?? null,
        via: l.via,
      })),
    });
  });
  return router;
}

/** Every recorded read of these cases, oldest first, with the account that read (if an account did). */
export async function lezingenVan(prisma: PrismaClient, zaakIds: string[]) {
  const lezingen = await prisma.auditEvent.findMany({
    where: { zaakId: { in: zaakIds }, actie: { endsWith: '.ingezien' } },
    orderBy: { id: 'asc' },
  });
  const accounts = new Map(
    (
      await prisma.gebruiker.findMany({
        where: {
          id: { in: [...new Set(lezingen.map((l) => l.actor))].filter((a) => z.uuid().safeParse(a).success) },
        },
        select: { id: true, naam: true, rol: true },
      })
    ).map((a) => [a.id, a]),
  );
  return lezingen.map((l) => ({ ...l, account: accounts.get(l.actor) }));
}
