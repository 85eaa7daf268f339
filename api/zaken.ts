// /cases: requests for a conference become cases; a case can be read with its live phase.
import crypto from 'node:crypto';
import { Router, type Request, type RequestHandler } from 'express';
import { Prisma, type PrismaClient } from '@prisma/client';
import { z } from 'zod';
import { workflowIdVoorZaak, type ZaakStatus } from '../workflows/zaak-interface';
import { Probleem, niemandGevonden } from './problem';
import type { Proces } from './proces';
import { IdempotencyKey, ZaakAanvraag } from './schemas';
import { valideer } from './validatie';

export interface ZakenDeps {
  prisma: PrismaClient;
  proces: Proces;
}

// Until accounts exist (see the API issue), every change is recorded as made through the API.
const ACTOR = 'api';

const DE_ZAAK = { nl: 'Deze zaak', en: 'This case' };

const metDeelnemers = { deelnemers: { include: { persoon: true } } } satisfies Prisma.ZaakInclude;
type ZaakRecord = Prisma.ZaakGetPayload<{ include: typeof metDeelnemers }>;

export function zakenRouter({ prisma, proces }: ZakenDeps): Router {
  const router = Router();

  router.post('/', vereisJson, async (req, res) => {
    const aanvraag = valideer(ZaakAanvraag, req.body);
    const sleutel = idempotencyKey(req);
    const verzoekHash = sleutel && crypto.createHash('sha256').update(JSON.stringify(aanvraag)).digest('hex');

    let zaak = sleutel ? await eerdereAanvraag(sleutel, verzoekHash!) : undefined;
    let herhaling = zaak !== undefined;
    if (!zaak) {
      try {
        zaak = await aanvraagVastleggen(aanvraag, sleutel, verzoekHash);
      } catch (err) {
        // The same key arrived twice at once: the other request stored it first.
        zaak = sleutel && isUniekeSleutelBotsing(err) ? await eerdereAanvraag(sleutel, verzoekHash!) : undefined;
        if (!zaak) throw err;
        herhaling = true;
      }
    }

    // Stored is stored: when Temporal is out of reach the request is accepted (202) and
    // the sweep in herstel.ts starts its workflow once Temporal answers again.
    const gestart = await proces.start(zaak).then(
      () => true,
      (err) => {
        if (err instanceof Probleem && err.soort === 'onbereikbaar') return false;
        throw err;
      },
    );
    res
      .status(gestart ? 201 : 202)
      .location(`${req.baseUrl}/${zaak.id}`)
      .set('Idempotent-Replayed', String(herhaling))
      .json(weergave(zaak, gestart ? await proces.status(zaak.id) : undefined));
  });

  router.get('/:id', async (req, res) => {
    const zaak = await zaakOfNiets(String(req.params.id));
    await prisma.auditEvent.create({ data: { zaakId: zaak.id, actor: ACTOR, actie: 'zaak.ingezien' } });
    res.json(weergave(zaak, await proces.status(zaak.id)));
  });

  // The messages of a case and how they fared; contents stay in the outbox.
  router.get('/:id/berichten', async (req, res) => {
    const zaak = await zaakOfNiets(String(req.params.id));
    const berichten = await prisma.bericht.findMany({
      where: { zaakId: zaak.id },
      include: { melding: true },
      orderBy: { aangemaaktOp: 'asc' },
    });
    await prisma.auditEvent.create({ data: { zaakId: zaak.id, actor: ACTOR, actie: 'berichten.ingezien' } });
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

  async function zaakOfNiets(id: string): Promise<ZaakRecord> {
    const zaak = z.uuid().safeParse(id).success
      ? await prisma.zaak.findUnique({ where: { id }, include: metDeelnemers })
      : null;
    if (!zaak) throw niemandGevonden(DE_ZAAK);
    return zaak;
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
      await tx.auditEvent.create({
        data: { zaakId: id, actor: ACTOR, actie: 'zaak.aangevraagd', details: { noodsituatie: aanvraag.noodsituatie } },
      });
      return zaak;
    });
  }

  return router;
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

const vereisJson: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) {
    throw new Probleem('mediatype', {
      nl: 'Stuur de inhoud als JSON (Content-Type: application/json).',
      en: 'Send the body as JSON (Content-Type: application/json).',
    });
  }
  next();
};

function persoonWeergave(p: ZaakRecord['deelnemers'][number]['persoon']) {
  return { id: p.id, naam: p.naam, email: p.email, telefoon: p.telefoon, taal: p.taal, organisatie: p.organisatie };
}

/** The case as the API shows it: the stored record, with the process's live view when it answers. */
function weergave(zaak: ZaakRecord, status: ZaakStatus | undefined) {
  const rol = (r: string) => zaak.deelnemers.find((d) => d.rol === r);
  const hoofdpersoon = rol('hoofdpersoon')!;
  const aanvrager = rol('aanvrager')!;
  return {
    id: zaak.id,
    fase: status?.fase ?? zaak.fase,
    live: status !== undefined,
    noodsituatie: zaak.noodsituatie,
    regio: zaak.regio,
    vraag: zaak.vraag,
    wensen: zaak.wensen,
    aangevraagdOp: zaak.aangevraagdOp.toISOString(),
    ...(status && {
      /** The deadline that runs now, e.g. { soort: 'contact', op: … }. */
      termijn: status.termijn ?? null,
      escalaties: status.intake.escalaties,
      contactOpgenomenOp: status.intake.contactOp ?? null,
    }),
    hoofdpersoon: persoonWeergave(hoofdpersoon.persoon),
    aanvrager:
      aanvrager.persoonId === hoofdpersoon.persoonId
        ? { relatie: aanvrager.relatie }
        : { relatie: aanvrager.relatie, ...persoonWeergave(aanvrager.persoon) },
  };
}
