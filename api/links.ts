// One-click links staff make for a person without an account (kring also puts them in its
// messages itself): an invitee answers the invitation, the main person, a designated person
// or a professional says "het gaat niet goed". Each is signed (activities/links.ts),
// single-purpose, expiring, single-use and revocable; its page is schermen/linkpaginas.tsx.
import { Router } from 'express';
import type { PrismaClient } from '@prisma/client';
import { z } from 'zod';
import { linkUrl, rollenInZaak, rolVoorLink } from '../activities/links';
import { vastleggen, wieVan } from './audit';
import { niemandGevonden, Probleem } from './problem';
import { zaakInBereik } from './rechten';
import { toegestaan } from './toegang';
import { valideer, vereisJson } from './validatie';

export const LinkAanvraag = z.strictObject({
  persoonId: z.uuid(),
  doel: z.enum(['aanwezigheid', 'niet-goed']),
  /** How long the link works. */
  dagen: z.int().min(1).max(90).default(14),
});

interface LinkDeps {
  prisma: PrismaClient;
  geheim: Buffer;
  publicBaseUrl: string;
}

/** Making and revoking links: staff, within their cases. Mounted under /cases, behind a token. */
export function linkbeheerRouter({ prisma, geheim, publicBaseUrl }: LinkDeps): Router {
  const router = Router();

  router.post('/:id/links', vereisJson, async (req, res) => {
    const g = toegestaan(req, 'zaak.links');
    const zaakId = await zaakInBereik(prisma, g, String(req.params.id));
    const { persoonId, doel, dagen } = valideer(LinkAanvraag, req.body);
    if (!rolVoorLink(doel, await rollenInZaak(prisma, zaakId, persoonId))) {
      const melding = {
        nl: 'Deze persoon neemt niet deel aan de zaak in een rol die deze link kan gebruiken.',
        en: 'This person does not take part in the case in a role that can use this link.',
      };
      throw new Probleem('ongeldige-invoer', melding, [{ veld: 'persoonId', regel: 'rol', melding }]);
    }
    const link = await prisma.link.create({
      data: { zaakId, persoonId, doel, verlooptOp: new Date(Date.now() + dagen * 24 * 60 * 60_000) },
    });
    await vastleggen(prisma, wieVan(req), 'link.gemaakt', zaakId, { link: link.id, doel, persoonId });
    res.status(201).json({
      id: link.id,
      url: linkUrl(publicBaseUrl, geheim, link),
      verlooptOp: link.verlooptOp.toISOString(),
    });
  });

  router.delete('/:id/links/:linkId', async (req, res) => {
    const g = toegestaan(req, 'zaak.links');
    const zaakId = await zaakInBereik(prisma, g, String(req.params.id));
    const linkId = String(req.params.linkId);
    const { count } = z.uuid().safeParse(linkId).success
      ? await prisma.link.updateMany({
          where: { id: linkId, zaakId, ingetrokkenOp: null },
          data: { ingetrokkenOp: new Date() },
        })
      : { count: 0 };
    if (count === 0) throw niemandGevonden({ nl: 'Deze link', en: 'This link' });
    await vastleggen(prisma, wieVan(req), 'link.ingetrokken', zaakId, { link: linkId });
    res.status(204).end();
  });

  return router;
}
