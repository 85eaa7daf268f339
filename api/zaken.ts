// /cases: requests for a conference become cases; a case is read as far as the caller's
// role allows, and every read of personal data is recorded.
import crypto from 'node:crypto';
import { Router, type Request } from 'express';
import { Prisma, type PrismaClient } from '@prisma/client';
import type { ZaakStatus } from '../workflows/contract';
import {
  aanvraagVastleggen,
  metDeelnemers,
  ProcesOnbereikbaar,
  ZaakAanvraag,
  type Zaakproces,
  type Zaakrecord,
} from '../zaakproces';
import { regioVoorAanvraag } from '../beheer/regios';
import { vastleggen, wieVan, type Wie } from './audit';
import { Probleem } from './problem';
import { dezeZaak, inzage, mag, zaakBereik, zaakNietGevonden, type Gebruiker } from './rechten';
import { IdempotencyKey, Zoekvraag } from './schemas';
import { toegestaan } from './toegang';
import { valideer, vereisJson } from './validatie';
import { afsluitingVan } from './dossier';
import {
  aanbodWeergave,
  auditregel,
  berichtregel,
  bewaarplichtWeergave,
  ingevoerdeWeergave,
  lijstregel,
  professioneleWeergave,
  samenvatting,
  tijdlijnregel,
  weergave,
} from './weergaven';

export interface ZakenDeps {
  prisma: PrismaClient;
  proces: Zaakproces;
}

export function zakenRouter({ prisma, proces }: ZakenDeps): Router {
  const router = Router();

  /** The live status for a read; without it the stored record answers (marked not live). */
  const status = (zaakId: string): Promise<ZaakStatus | undefined> =>
    proces.status(zaakId).catch((err) => {
      if (err instanceof ProcesOnbereikbaar) return undefined;
      throw err;
    });

  router.post('/', vereisJson, async (req, res) => {
    const g = toegestaan(req, 'zaak.aanvragen');
    const aanvraag = valideer(ZaakAanvraag, req.body);
    const { zaak, herhaling, begin } = await zaakAanvragen(
      { prisma, proces },
      g,
      wieVan(req),
      aanvraag,
      idempotencyKey(req),
    );
    // A new case is where its process began; a repeat may have moved on since, so it asks.
    const live = begin && (herhaling ? await status(zaak.id) : begin);
    res
      .status(begin ? 201 : 202)
      .location(`${req.baseUrl}/${zaak.id}`)
      .set('Idempotent-Replayed', String(herhaling))
      // What the caller just entered comes back to them whole. A repeat comes later, when the
      // case may hold more than they entered: it gets the summary, as a read does.
      .json(herhaling ? samenvatting(zaak, live) : ingevoerdeWeergave(zaak, live, aanvraag));
  });

  // Search within what the caller may see: phase, region, overdue, emergency.
  router.get('/', async (req, res) => {
    const g = toegestaan(req, 'zaken.zoeken');
    const vraag = valideer(Zoekvraag, req.query, 'query');
    const zaken = await prisma.zaak.findMany({
      where: {
        AND: [
          zaakBereik(g),
          vraag.fase ? { fase: vraag.fase } : {},
          vraag.regio ? { regio: vraag.regio } : {},
          vraag.noodsituatie === undefined ? {} : { noodsituatie: vraag.noodsituatie === 'true' },
          vraag.verlopen === 'true' ? { termijnOp: { lt: new Date() }, fase: { not: 'afgesloten' } } : {},
        ],
      },
      orderBy: { aangevraagdOp: 'desc' },
      take: vraag.limiet,
      skip: vraag.vanaf,
    });
    await vastleggen(prisma, wieVan(req), 'zaken.gezocht', null, { ...vraag, aantal: zaken.length });
    res.json({ zaken: zaken.map(lijstregel) });
  });

  router.get('/:id', async (req, res) => {
    const g = toegestaan(req, 'zaak.lezen');
    // A coordinator also reads a case offered to her, as far as she needs to decide.
    const zaak = await zaakVoor(g, req, g.rol === 'coordinator');
    const aanbod = g.rol === 'coordinator' && zaak.coordinatorId !== g.persoonId;
    await vastleggen(prisma, wieVan(req), 'zaak.ingezien', zaak.id, { inzage: aanbod ? 'aanbod' : inzage(g) });
    const live = await status(zaak.id);
    if (aanbod) return void res.json(aanbodWeergave(zaak, live));
    switch (inzage(g)) {
      case 'volledig':
        return void res.json({
          ...weergave(zaak, live),
          afsluiting: await afsluitingVan(prisma, zaak),
          // The legal hold and its reason are the regiomanager's: she sets and lifts it.
          ...(mag(g, 'zaak.bewaarplicht') && { bewaarplicht: bewaarplichtWeergave(zaak) }),
        });
      case 'samenvatting':
        return void res.json(samenvatting(zaak, live));
      case 'professional':
        return void res.json(await professioneleWeergave(prisma, zaak, live, g.persoonId!));
    }
  });

  // The case timeline: every transition the process accepted.
  router.get('/:id/tijdlijn', async (req, res) => {
    const g = toegestaan(req, 'zaak.tijdlijn');
    const zaak = await zaakVoor(g, req);
    const rijen = await prisma.gebeurtenis.findMany({ where: { zaakId: zaak.id }, orderBy: { id: 'asc' } });
    await vastleggen(prisma, wieVan(req), 'tijdlijn.ingezien', zaak.id);
    res.json({ gebeurtenissen: rijen.map(tijdlijnregel) });
  });

  // Who did and saw what in this case. Reading it is itself recorded.
  router.get('/:id/audit', async (req, res) => {
    const g = toegestaan(req, 'zaak.audit');
    const zaak = await zaakVoor(g, req);
    await vastleggen(prisma, wieVan(req), 'audit.ingezien', zaak.id);
    const rijen = await prisma.auditEvent.findMany({ where: { zaakId: zaak.id }, orderBy: { id: 'asc' } });
    res.json({ gebeurtenissen: rijen.map(auditregel) });
  });

  // The messages of a case and how they fared; contents stay in the outbox.
  router.get('/:id/berichten', async (req, res) => {
    const g = toegestaan(req, 'zaak.berichten');
    const zaak = await zaakVoor(g, req);
    const berichten = await prisma.bericht.findMany({
      where: { zaakId: zaak.id },
      include: { melding: true },
      orderBy: { aangemaaktOp: 'asc' },
    });
    await vastleggen(prisma, wieVan(req), 'berichten.ingezien', zaak.id);
    res.json(berichten.map(berichtregel));
  });

  /** The case, if the caller may see it at all; otherwise 404, as if it did not exist. */
  async function zaakVoor(g: Gebruiker, req: Request, aanbod = false): Promise<Zaakrecord> {
    const zaak = await prisma.zaak.findFirst({
      where: dezeZaak(g, String(req.params.id), aanbod),
      include: metDeelnemers,
    });
    if (!zaak) throw zaakNietGevonden();
    return zaak;
  }

  return router;
}

async function eerdereAanvraag(
  prisma: PrismaClient,
  sleutel: string,
  verzoekHash: string,
): Promise<Zaakrecord | undefined> {
  const zaak = await prisma.zaak.findUnique({ where: { idempotencyKey: sleutel }, include: metDeelnemers });
  if (zaak && zaak.verzoekHash !== verzoekHash) {
    const melding = {
      nl: 'Idempotency-Key is al gebruikt voor een andere aanvraag; gebruik een nieuwe sleutel.',
      en: 'Idempotency-Key was already used for a different request; use a new key.',
    };
    throw new Probleem('ongeldige-invoer', melding, [{ veld: 'Idempotency-Key', regel: 'hergebruikt', melding }]);
  }
  return zaak ?? undefined;
}

/**
 * A request for a conference becomes a case, its process started; stored is stored, so when
 * Temporal is out of reach it is accepted (`begin` undefined) and the sweep
 * (zaakproces/herstel.ts) starts it once Temporal answers again. A repeat with the same key
 * finds the first.
 */
export async function zaakAanvragen(
  { prisma, proces }: ZakenDeps,
  g: Gebruiker,
  wie: Wie,
  aanvraag: ZaakAanvraag,
  sleutel?: string,
): Promise<{ zaak: Zaakrecord; herhaling: boolean; begin: ZaakStatus | undefined }> {
  // The key is the caller's own: the same key from another account is another request.
  const verzoekHash =
    sleutel &&
    crypto
      .createHash('sha256')
      .update(`${g.id}\n${JSON.stringify(aanvraag)}`)
      .digest('hex');
  let zaak = sleutel ? await eerdereAanvraag(prisma, sleutel, verzoekHash!) : undefined;
  let herhaling = zaak !== undefined;
  if (!zaak) {
    // A new request names a region kring knows, and (where it lists them) one of its
    // funding municipalities; a repeat was checked when it was stored.
    await regioVoorAanvraag(prisma, aanvraag.regio, aanvraag.gemeente);
    try {
      zaak = await aanvraagVastleggen(prisma, aanvraag, {
        sleutel,
        verzoekHash,
        ook: (tx, id) => vastleggen(tx, wie, 'zaak.aangevraagd', id, { noodsituatie: aanvraag.noodsituatie }),
      });
    } catch (err) {
      // The same key arrived twice at once: the other request stored it first.
      zaak = sleutel && isUniekeSleutelBotsing(err) ? await eerdereAanvraag(prisma, sleutel, verzoekHash!) : undefined;
      if (!zaak) throw err;
      herhaling = true;
    }
  }
  if (herhaling) await vastleggen(prisma, wie, 'zaak.aanvraag-herhaald', zaak.id);
  const begin = await proces.start(zaak).catch((err) => {
    if (err instanceof ProcesOnbereikbaar) return undefined;
    throw err;
  });
  return { zaak, herhaling, begin };
}

function isUniekeSleutelBotsing(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
}

function idempotencyKey(req: Request): string | undefined {
  const waarde = req.get('Idempotency-Key');
  return waarde === undefined ? undefined : valideer(IdempotencyKey, waarde, 'Idempotency-Key');
}
