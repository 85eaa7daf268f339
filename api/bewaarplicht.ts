// The legal hold (bewaarplicht): the regiomanager keeps a case from the retention sweep, with a
// reason, until she lifts it. The sweep (prisma/anonimisering.ts) anonymises a closed case in
// one conditional statement that requires no hold; setting one is one conditional statement
// too, so whichever comes first wins and the other sees it. An anonymised case cannot be held:
// its data is gone.
import { Router } from 'express';
import type { PrismaClient } from '@prisma/client';
import { vastleggen, wieVan, type Wie } from './audit';
import { Probleem } from './problem';
import { mag, zaakInBereik, type Gebruiker } from './rechten';
import { Bewaarplicht } from './schemas';
import { toegestaan, verboden } from './toegang';
import { valideer, vereisJson } from './validatie';
import { bewaarplichtWeergave, type BewaarplichtWeergave } from './weergaven';

const dag = (op: Date, taal: 'nl-NL' | 'en-GB') =>
  new Intl.DateTimeFormat(taal, { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(op);

const geanonimiseerd = (op: Date) =>
  new Probleem(
    'conflict',
    {
      nl: `Deze zaak is al geanonimiseerd op ${dag(op, 'nl-NL')}: de gegevens zijn weg, er valt niets meer te bewaren.`,
      en: `This case was anonymised on ${dag(op, 'en-GB')}: its data is gone, there is nothing left to keep.`,
    },
    [],
    { code: 'geanonimiseerd' },
  );

/**
 * Holds the case: from now on (or from the first moment, when it is held already) until lifted,
 * with this reason. 404 outside the caller's reach, 409 once anonymised.
 */
export async function bewaarplichtInstellen(
  prisma: PrismaClient,
  g: Gebruiker,
  wie: Wie,
  id: string,
  invoer: unknown,
): Promise<BewaarplichtWeergave> {
  if (!mag(g, 'zaak.bewaarplicht')) throw verboden();
  const zaakId = await zaakInBereik(prisma, g, id);
  const { reden } = valideer(Bewaarplicht, invoer);
  // Compare and set: the hold as read stays its first moment. Held or lifted meanwhile by
  // someone else: read again; anonymised meanwhile: refused.
  for (let poging = 0; poging < 5; poging++) {
    const nu = await prisma.zaak.findUniqueOrThrow({
      where: { id: zaakId },
      select: { bewarenSinds: true, geanonimiseerdOp: true },
    });
    if (nu.geanonimiseerdOp) throw geanonimiseerd(nu.geanonimiseerdOp);
    const sinds = nu.bewarenSinds ?? new Date();
    const gezet = await prisma.$transaction(async (tx) => {
      const { count } = await tx.zaak.updateMany({
        where: { id: zaakId, geanonimiseerdOp: null, bewarenSinds: nu.bewarenSinds },
        data: { bewarenSinds: sinds, bewarenReden: reden },
      });
      // Ids only: the reason stays with the case.
      if (count === 1) await vastleggen(tx, wie, 'bewaarplicht.ingesteld', zaakId, {});
      return count === 1;
    });
    if (gezet) return bewaarplichtWeergave({ bewarenSinds: sinds, bewarenReden: reden })!;
  }
  throw new Probleem('conflict', {
    nl: 'De bewaarplicht van deze zaak werd tegelijk gewijzigd. Probeer het opnieuw.',
    en: "This case's legal hold was being changed at the same time. Please try again.",
  });
}

/** Lifts the hold; nothing to lift is fine. 404 outside the caller's reach, 409 once anonymised. */
export async function bewaarplichtOpheffen(prisma: PrismaClient, g: Gebruiker, wie: Wie, id: string): Promise<void> {
  if (!mag(g, 'zaak.bewaarplicht')) throw verboden();
  const zaakId = await zaakInBereik(prisma, g, id);
  const opgeheven = await prisma.$transaction(async (tx) => {
    const { count } = await tx.zaak.updateMany({
      where: { id: zaakId, geanonimiseerdOp: null, bewarenSinds: { not: null } },
      data: { bewarenSinds: null, bewarenReden: null },
    });
    if (count === 1) await vastleggen(tx, wie, 'bewaarplicht.opgeheven', zaakId, {});
    return count === 1;
  });
  if (opgeheven) return;
  const { geanonimiseerdOp } = await prisma.zaak.findUniqueOrThrow({
    where: { id: zaakId },
    select: { geanonimiseerdOp: true },
  });
  if (geanonimiseerdOp) throw geanonimiseerd(geanonimiseerdOp);
}

/** PUT and DELETE /cases/:id/bewaarplicht. Mounted under /cases, behind a token. */
export function bewaarplichtRouter({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();

  router.put('/:id/bewaarplicht', vereisJson, async (req, res) => {
    const g = toegestaan(req, 'zaak.bewaarplicht');
    const bewaarplicht = await bewaarplichtInstellen(prisma, g, wieVan(req), String(req.params.id), req.body);
    res.json({ id: req.params.id, bewaarplicht });
  });

  router.delete('/:id/bewaarplicht', async (req, res) => {
    const g = toegestaan(req, 'zaak.bewaarplicht');
    await bewaarplichtOpheffen(prisma, g, wieVan(req), String(req.params.id));
    res.status(204).end();
  });

  return router;
}
