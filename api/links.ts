// One-click links for people without an account: a participant confirms they will come, the
// main person or a professional says "het gaat niet goed". Each link is signed (HMAC over its
// stored fields), single-purpose, expiring, single-use and revocable. Its page is small,
// Dutch, accessible and works without JavaScript.
import crypto from 'node:crypto';
import express, { Router, type Response } from 'express';
import type { Link, PrismaClient } from '@prisma/client';
import { z } from 'zod';
import type { Door } from '../workflows/contract';
import { Geweigerd, ProcesNietGestart, ProcesOnbereikbaar, tekstBewaren, type Zaakproces } from '../zaakproces';
import { vastleggen, wieVan, type Wie } from './audit';
import { alsHtml } from './html';
import { niemandGevonden, Probleem } from './problem';
import { zaakInBereik } from './rechten';
import { toegestaan } from './toegang';
import { nulVeld, valideer, vereisJson } from './validatie';

export type Doel = 'aanwezigheid' | 'niet-goed';

interface Doelbeschrijving {
  titel: string;
  uitleg: string;
  knop: string;
  notitieLabel: string;
  bedankt: string;
  /** Which participants may get this link, and as whom they then act. */
  rolVan: (rollen: string[]) => Door['rol'] | undefined;
}

const DOELEN: Record<Doel, Doelbeschrijving> = {
  aanwezigheid: {
    titel: 'Komt u naar de Eigen Kracht-conferentie?',
    uitleg: 'U bent uitgenodigd voor een Eigen Kracht-conferentie. Laat de coördinator weten dat u komt.',
    knop: 'Ja, ik kom',
    notitieLabel: 'Wilt u de coördinator nog iets laten weten? (niet verplicht)',
    bedankt: 'Dank u wel. De coördinator weet nu dat u komt.',
    rolVan: (rollen) => (rollen.some((r) => r !== 'aanvrager') ? 'deelnemer' : undefined),
  },
  'niet-goed': {
    titel: 'Het gaat niet goed',
    uitleg:
      'Gaat het niet goed met het plan? Laat het weten. De persoon die de familie daarvoor heeft aangewezen, krijgt bericht om de kring bij elkaar te roepen.',
    knop: 'Het gaat niet goed',
    notitieLabel: 'Wat gaat er niet goed? (niet verplicht)',
    bedankt: 'Dank u wel. Uw melding is doorgegeven; de kring wordt bij elkaar geroepen.',
    rolVan: (rollen) =>
      rollen.includes('hoofdpersoon') ? 'hoofdpersoon' : rollen.includes('professional') ? 'professional' : undefined,
  },
};

export const LinkAanvraag = z.strictObject({
  persoonId: z.uuid(),
  doel: z.enum(['aanwezigheid', 'niet-goed']),
  /** How long the link works. */
  dagen: z.int().min(1).max(90).default(14),
});

/** The signature binds the link to its case, person and purpose; expiry and use live in the row. */
export function ondertekening(geheim: Buffer, link: Pick<Link, 'id' | 'zaakId' | 'persoonId' | 'doel'>): string {
  return crypto
    .createHmac('sha256', geheim)
    .update([link.id, link.zaakId, link.persoonId, link.doel].join('|'))
    .digest('base64url');
}

interface LinkDeps {
  prisma: PrismaClient;
  proces: Zaakproces;
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
    const rollen = await rollenIn(prisma, zaakId, persoonId);
    if (!DOELEN[doel].rolVan(rollen)) {
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
      url: `${publicBaseUrl}/l/${link.id}.${ondertekening(geheim, link)}`,
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

type Weigering = 'onbekend' | 'verlopen' | 'gebruikt' | 'ingetrokken';

const WEIGERINGEN: Record<Weigering, { status: number; titel: string; uitleg: string }> = {
  onbekend: {
    status: 404,
    titel: 'Deze link klopt niet',
    uitleg:
      'De link is niet volledig of is veranderd. Gebruik de link precies zoals u hem kreeg, of vraag de coördinator om een nieuwe.',
  },
  verlopen: {
    status: 410,
    titel: 'Deze link is verlopen',
    uitleg: 'Links werken maar een tijdje. Vraag de coördinator om een nieuwe link.',
  },
  gebruikt: {
    status: 410,
    titel: 'Deze link is al gebruikt',
    uitleg:
      'Elke link werkt één keer, en deze is al gebruikt. Wilt u nog iets doorgeven? Neem contact op met de coördinator.',
  },
  ingetrokken: {
    status: 410,
    titel: 'Deze link werkt niet meer',
    uitleg: 'De coördinator heeft deze link ingetrokken. Neem contact op met de coördinator als u iets wilt doorgeven.',
  },
};

/** The pages behind the links: /l/<id>.<signature>. No account, so no token. */
export function linkpaginasRouter({ prisma, proces, geheim }: LinkDeps): Router {
  const router = Router();
  router.use(express.urlencoded({ extended: false, limit: '10kb', parameterLimit: 5 }));
  router.use((_req, res, next) => {
    res.set(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    );
    next();
  });

  async function geldigeLink(token: string): Promise<Link | Weigering> {
    const [id, handtekening] = token.split('.');
    if (!id || !handtekening || !z.uuid().safeParse(id).success) return 'onbekend';
    const link = await prisma.link.findUnique({ where: { id } });
    if (!link) return 'onbekend';
    const verwacht = Buffer.from(ondertekening(geheim, link));
    const gekregen = Buffer.from(handtekening);
    if (verwacht.length !== gekregen.length || !crypto.timingSafeEqual(verwacht, gekregen)) return 'onbekend';
    if (link.ingetrokkenOp) return 'ingetrokken';
    if (link.gebruiktOp) return 'gebruikt';
    if (link.verlooptOp.getTime() <= Date.now()) return 'verlopen';
    return link;
  }

  router.get('/:token', async (req, res) => {
    const link = await geldigeLink(req.params.token);
    if (typeof link === 'string') return weiger(res, link);
    const doel = DOELEN[link.doel as Doel];
    res.type('html').send(
      pagina(
        doel.titel,
        `<p>${doel.uitleg}</p>
<form method="post">
  <label for="notitie">${doel.notitieLabel}</label>
  <textarea id="notitie" name="notitie" rows="4" maxlength="1000"></textarea>
  <button type="submit">${doel.knop}</button>
</form>`,
      ),
    );
  });

  router.post('/:token', async (req, res) => {
    const link = await geldigeLink(req.params.token);
    if (typeof link === 'string') return weiger(res, link);
    // A note kring cannot store is refused before the link is used: it still works.
    if (nulVeld(req.body)) {
      return res
        .status(422)
        .type('html')
        .send(
          pagina(
            'Dat lukte niet',
            '<p>Uw notitie bevat een teken dat we niet kunnen bewaren. Ga terug, pas de notitie aan en probeer het opnieuw.</p>',
          ),
        );
    }
    // Single use: whoever marks it first goes on; a second press finds it used.
    const gebruiktOp = new Date();
    const { count } = await prisma.link.updateMany({
      where: { id: link.id, gebruiktOp: null, ingetrokkenOp: null, verlooptOp: { gt: gebruiktOp } },
      data: { gebruiktOp },
    });
    if (count === 0) {
      // Someone pressed first, or it was revoked or expired in the meantime: say which.
      const nu = await geldigeLink(req.params.token);
      return weiger(res, typeof nu === 'string' ? nu : 'gebruikt');
    }
    const wie: Wie = { actor: 'link', via: `link:${link.id}` };
    const notitie = typeof req.body?.notitie === 'string' ? req.body.notitie.trim().slice(0, 1000) : '';
    try {
      await linkopdracht(link, notitie, wie);
    } catch (err) {
      if (err instanceof ProcesOnbereikbaar || err instanceof ProcesNietGestart) {
        // Not known to have happened: the link may be used again (a repeat is recognised by its id).
        await prisma.link.updateMany({ where: { id: link.id, gebruiktOp }, data: { gebruiktOp: null } });
        return res
          .status(503)
          .set('Retry-After', String(err.opnieuwNaSeconden))
          .type('html')
          .send(
            pagina(
              'Even geduld',
              '<p>Het lukte nu niet. Probeer het over een paar minuten opnieuw met dezelfde link.</p>',
            ),
          );
      }
      const uitleg =
        err instanceof Geweigerd
          ? err.tekst('nl')
          : err instanceof GeenDeelnemerMeer
            ? 'U neemt niet (meer) deel aan deze zaak.'
            : undefined;
      if (uitleg === undefined) throw err;
      return res
        .status(409)
        .type('html')
        .send(pagina('Dat kan nu niet', `<p>${alsHtml(uitleg)}</p><p>Neem contact op met de coördinator.</p>`));
    }
    res.type('html').send(pagina('Dank u wel', `<p role="status">${DOELEN[link.doel as Doel].bedankt}</p>`));
  });

  async function linkopdracht(link: Link, notitie: string, wie: Wie): Promise<void> {
    const rollen = await rollenIn(prisma, link.zaakId, link.persoonId);
    const rol = DOELEN[link.doel as Doel].rolVan(rollen);
    if (!rol) throw new GeenDeelnemerMeer();
    const door: Door = { persoonId: link.persoonId, rol };
    // The link is the command's id: a press repeated after "try again" stores nothing twice.
    const inhoud = { prisma, zaakId: link.zaakId, door, sleutel: link.id };
    if (link.doel === 'aanwezigheid') {
      if (notitie) await tekstBewaren(inhoud, 'notitie', notitie);
      await proces.opdracht(link.zaakId, 'aanwezigheidDoorgeven', { door, komt: true }, link.id);
    } else {
      const tekstId = await tekstBewaren(inhoud, 'signaal', notitie || '(gemeld via link, zonder toelichting)');
      await proces.opdracht(link.zaakId, 'nietGoedMelden', { door, tekstId }, link.id);
    }
    await vastleggen(prisma, wie, `link.${link.doel}`, link.zaakId, { persoonId: link.persoonId });
  }

  return router;
}

/** The link's person no longer takes part in the case in a role that can use it. */
class GeenDeelnemerMeer extends Error {}

/** The person's roles in the case, as far as the process accepted them. */
async function rollenIn(prisma: PrismaClient, zaakId: string, persoonId: string): Promise<string[]> {
  const rijen = await prisma.deelnemer.findMany({ where: { zaakId, persoonId, status: 'vastgelegd' } });
  return rijen.map((d) => d.rol);
}

function weiger(res: Response, reden: Weigering): void {
  const w = WEIGERINGEN[reden];
  res
    .status(w.status)
    .type('html')
    .send(pagina(w.titel, `<p>${w.uitleg}</p>`));
}

function pagina(titel: string, inhoud: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${titel} – Eigen Kracht</title>
<style>
body{font-family:system-ui,sans-serif;font-size:1.15rem;line-height:1.5;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
label{display:block;margin:1rem 0 .25rem}
textarea{width:100%;font:inherit;padding:.5rem;border:2px solid #555;border-radius:4px}
button{margin-top:1rem;font:inherit;font-weight:600;padding:.75rem 1.5rem;background:#0b5;color:#fff;border:0;border-radius:6px;cursor:pointer}
button:focus{outline:3px solid #036;outline-offset:2px}
</style>
</head>
<body><main><h1>${titel}</h1>
${inhoud}
</main></body>
</html>`;
}
