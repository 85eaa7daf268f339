// /cases: requests for a conference become cases; a case is read as far as the caller's
// role allows, and every read of personal data is recorded.
import crypto from 'node:crypto';
import { Router, type Request } from 'express';
import { Prisma, type PrismaClient } from '@prisma/client';
import { workflowIdVoorZaak, type ZaakStatus } from '../workflows/zaak-interface';
import { vastleggen, wieVan, type Wie } from './audit';
import { Probleem } from './problem';
import type { Proces } from './proces';
import { dezeZaak, inzage, zaakBereik, zaakNietGevonden, type Gebruiker } from './rechten';
import { IdempotencyKey, ZaakAanvraag, Zoekvraag } from './schemas';
import { toegestaan } from './toegang';
import { valideer, vereisJson } from './validatie';

export interface ZakenDeps {
  prisma: PrismaClient;
  proces: Proces;
}

const metDeelnemers = { deelnemers: { include: { persoon: true } } } satisfies Prisma.ZaakInclude;
type ZaakRecord = Prisma.ZaakGetPayload<{ include: typeof metDeelnemers }>;

export function zakenRouter({ prisma, proces }: ZakenDeps): Router {
  const router = Router();

  router.post('/', vereisJson, async (req, res) => {
    const g = toegestaan(req, 'zaak.aanvragen');
    const aanvraag = valideer(ZaakAanvraag, req.body);
    const sleutel = idempotencyKey(req);
    // The key is the caller's own: the same key from another account is another request.
    const verzoekHash =
      sleutel &&
      crypto
        .createHash('sha256')
        .update(`${g.id}\n${JSON.stringify(aanvraag)}`)
        .digest('hex');

    let zaak = sleutel ? await eerdereAanvraag(sleutel, verzoekHash!) : undefined;
    let herhaling = zaak !== undefined;
    if (!zaak) {
      try {
        zaak = await aanvraagVastleggen(aanvraag, sleutel, verzoekHash, wieVan(req));
      } catch (err) {
        // The same key arrived twice at once: the other request stored it first.
        zaak = sleutel && isUniekeSleutelBotsing(err) ? await eerdereAanvraag(sleutel, verzoekHash!) : undefined;
        if (!zaak) throw err;
        herhaling = true;
      }
    }

    // Stored is stored: when Temporal is out of reach the request is accepted (202) and
    // the sweep in herstel.ts starts its workflow once Temporal answers again.
    if (herhaling) await vastleggen(prisma, wieVan(req), 'zaak.aanvraag-herhaald', zaak.id);
    const gestart = await proces.start(zaak).then(
      () => true,
      (err) => {
        if (err instanceof Probleem && err.soort === 'onbereikbaar') return false;
        throw err;
      },
    );
    const status = gestart ? await proces.status(zaak.id) : undefined;
    res
      .status(gestart ? 201 : 202)
      .location(`${req.baseUrl}/${zaak.id}`)
      .set('Idempotent-Replayed', String(herhaling))
      // What the caller just entered comes back to them whole. A repeat comes later, when the
      // case may hold more than they entered: it gets the summary, as a read does.
      .json(herhaling ? samenvatting(zaak, status) : weergave(zaak, status));
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
    res.json({
      zaken: zaken.map((z) => ({
        id: z.id,
        fase: z.fase,
        regio: z.regio,
        noodsituatie: z.noodsituatie,
        aangevraagdOp: z.aangevraagdOp.toISOString(),
        termijn: z.termijnOp ? { soort: z.termijnSoort, op: z.termijnOp.toISOString() } : null,
        verlopen: z.termijnOp !== null && z.termijnOp < new Date() && z.fase !== 'afgesloten',
      })),
    });
  });

  router.get('/:id', async (req, res) => {
    const g = toegestaan(req, 'zaak.lezen');
    const zaak = await zaakVoor(g, req);
    await vastleggen(prisma, wieVan(req), 'zaak.ingezien', zaak.id, { inzage: inzage(g) });
    res.json(await zichtVoor(g, zaak, await proces.status(zaak.id)));
  });

  // The case timeline: every transition the process accepted.
  router.get('/:id/tijdlijn', async (req, res) => {
    const g = toegestaan(req, 'zaak.tijdlijn');
    const zaak = await zaakVoor(g, req);
    const rijen = await prisma.gebeurtenis.findMany({ where: { zaakId: zaak.id }, orderBy: { id: 'asc' } });
    await vastleggen(prisma, wieVan(req), 'tijdlijn.ingezien', zaak.id);
    res.json({
      gebeurtenissen: rijen.map((r) => ({
        soort: r.soort,
        op: r.op.toISOString(),
        doorId: r.doorId,
        details: r.details,
      })),
    });
  });

  // Who did and saw what in this case. Reading it is itself recorded.
  router.get('/:id/audit', async (req, res) => {
    const g = toegestaan(req, 'zaak.audit');
    const zaak = await zaakVoor(g, req);
    await vastleggen(prisma, wieVan(req), 'audit.ingezien', zaak.id);
    const rijen = await prisma.auditEvent.findMany({ where: { zaakId: zaak.id }, orderBy: { id: 'asc' } });
    res.json({
      gebeurtenissen: rijen.map((r) => ({
        actor: r.actor,
        via: r.via,
        actie: r.actie,
        op: r.op.toISOString(),
        details: r.details,
      })),
    });
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
    res.json(
      berichten.map((b) => ({
        id: b.id,
        soort: b.melding.soort,
        ontvangerId: b.melding.ontvangerId,
        rol: b.melding.rol,
        kanaal: b.kanaal,
        taal: b.taal,
        status: b.status,
        providerId: b.providerId,
        fout: b.fout,
        pogingen: b.pogingen,
        aangemaaktOp: b.aangemaaktOp.toISOString(),
        bijgewerktOp: b.bijgewerktOp.toISOString(),
      })),
    );
  });

  /** The case, if the caller may see it at all; otherwise 404, as if it did not exist. */
  async function zaakVoor(g: Gebruiker, req: Request): Promise<ZaakRecord> {
    const zaak = await prisma.zaak.findFirst({ where: dezeZaak(g, String(req.params.id)), include: metDeelnemers });
    if (!zaak) throw zaakNietGevonden();
    return zaak;
  }

  /** What of the case this caller reads: all, a summary, or a professional's share. */
  async function zichtVoor(g: Gebruiker, zaak: ZaakRecord, status: ZaakStatus | undefined) {
    switch (inzage(g)) {
      case 'volledig':
        return weergave(zaak, status);
      case 'samenvatting':
        return samenvatting(zaak, status);
      case 'professional':
        return { ...samenvatting(zaak, status), ...(await professioneleInzage(prisma, zaak, g.persoonId!)) };
    }
  }

  async function eerdereAanvraag(sleutel: string, verzoekHash: string): Promise<ZaakRecord | undefined> {
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

  async function aanvraagVastleggen(
    aanvraag: ZaakAanvraag,
    sleutel: string | undefined,
    verzoekHash: string | undefined,
    wie: Wie,
  ): Promise<ZaakRecord> {
    const id = crypto.randomUUID();
    return prisma.$transaction(async (tx) => {
      const hoofdpersoon = await tx.persoon.create({ data: persoonGegevens(aanvraag.hoofdpersoon) });
      const { aanvrager } = aanvraag;
      const aanvragerId =
        aanvrager.relatie === 'hoofdpersoon'
          ? hoofdpersoon.id
          : (await tx.persoon.create({ data: { ...persoonGegevens(aanvrager), organisatie: aanvrager.organisatie } }))
              .id;
      const zaak = await tx.zaak.create({
        data: {
          id,
          regio: aanvraag.regio,
          gemeente: aanvraag.gemeente,
          noodsituatie: aanvraag.noodsituatie,
          vraag: aanvraag.vraag,
          wensen: aanvraag.wensen,
          workflowId: workflowIdVoorZaak(id),
          idempotencyKey: sleutel,
          verzoekHash,
          deelnemers: {
            create: [
              { persoonId: hoofdpersoon.id, rol: 'hoofdpersoon' },
              { persoonId: aanvragerId, rol: 'aanvrager', relatie: aanvrager.relatie },
            ],
          },
        },
        include: metDeelnemers,
      });
      await vastleggen(tx, wie, 'zaak.aangevraagd', id, { noodsituatie: aanvraag.noodsituatie });
      return zaak;
    });
  }

  return router;
}

function samenvatting(zaak: ZaakRecord, status: ZaakStatus | undefined) {
  return {
    id: zaak.id,
    fase: status?.fase ?? zaak.fase,
    live: status !== undefined,
    noodsituatie: zaak.noodsituatie,
    regio: zaak.regio,
    gemeente: zaak.gemeente,
    aangevraagdOp: zaak.aangevraagdOp.toISOString(),
    /** The deadline that runs now, e.g. { soort: 'contact', op: … }. */
    termijn: status?.termijn ?? null,
    escalaties: status?.intake.escalaties ?? null,
    conferentieOp: status?.voorbereiding.bevestigd?.op ?? null,
  };
}

/** A professional reads the question, their own conditions, the presented plan and their own share of it. */
async function professioneleInzage(prisma: PrismaClient, zaak: ZaakRecord, persoonId: string) {
  const [formulieren, plan] = await Promise.all([
    prisma.voorwaardenFormulier.findMany({
      where: { zaakId: zaak.id, professionalId: persoonId },
      include: { voorwaarden: { orderBy: { nummer: 'asc' } } },
      orderBy: { versie: 'asc' },
    }),
    prisma.plan.findFirst({
      where: { zaakId: zaak.id, status: { not: 'concept' } },
      include: { acties: { orderBy: { nummer: 'asc' } }, hulpvragen: { where: { professionalId: persoonId } } },
      orderBy: { versie: 'desc' },
    }),
  ]);
  return {
    vraag: zaak.vraag,
    voorwaarden: formulieren.map((f) => ({
      id: f.id,
      versie: f.versie,
      status: f.status,
      zorgen: f.zorgen,
      voorwaarden: f.voorwaarden.map((v) => ({ nummer: v.nummer, tekst: v.tekst })),
    })),
    plan: plan && {
      versie: plan.versie,
      acties: plan.acties.map((a) => ({ nummer: a.nummer, wat: a.wat, wie: a.wie, uiterlijk: a.uiterlijk })),
      hulpvraag: plan.hulpvragen[0]?.tekst ?? null,
    },
  };
}

function persoonGegevens(p: { naam: string; email?: string; telefoon?: string; taal: string }) {
  return { naam: p.naam, email: p.email, telefoon: p.telefoon, taal: p.taal };
}

function isUniekeSleutelBotsing(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
}

function idempotencyKey(req: Request): string | undefined {
  const waarde = req.get('Idempotency-Key');
  return waarde === undefined ? undefined : valideer(IdempotencyKey, waarde, 'Idempotency-Key');
}

function persoonWeergave(p: ZaakRecord['deelnemers'][number]['persoon']) {
  return { id: p.id, naam: p.naam, email: p.email, telefoon: p.telefoon, taal: p.taal, organisatie: p.organisatie };
}

/** The case as the API shows it: the stored record, with the process's live view when it answers. */
function weergave(zaak: ZaakRecord, status: ZaakStatus | undefined) {
  const rol = (r: string) => zaak.deelnemers.find((d) => d.rol === r);
  const hoofdpersoon = rol('hoofdpersoon')!;
  const aanvrager = rol('aanvrager')!;
  return {
    ...samenvatting(zaak, status),
    vraag: zaak.vraag,
    wensen: zaak.wensen,
    contactOpgenomenOp: status?.intake.contactOp ?? null,
    hoofdpersoon: persoonWeergave(hoofdpersoon.persoon),
    aanvrager:
      aanvrager.persoonId === hoofdpersoon.persoonId
        ? { relatie: aanvrager.relatie }
        : { relatie: aanvrager.relatie, ...persoonWeergave(aanvrager.persoon) },
  };
}
