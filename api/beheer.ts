// Setting kring up over HTTP: regions and their regiomanagers, the coordinator pool, accounts
// with their persons, and the list of requests nobody manages. Every change is audited.
import { Router, type Request } from 'express';
import type { PrismaClient } from '@prisma/client';
import { z } from 'zod';
import type { Verzender } from '../activities/verzenders';
import { STANDAARD_BEWAARTERMIJN_DAGEN } from '../config/bewaartermijn';
import {
  accounts,
  blokkeren,
  CoordinatorProfiel,
  coordinatoren,
  coordinatorZetten,
  NieuweRegio,
  regioMaken,
  regioOpheffen,
  regios,
  Regiomanagers,
  regiomanagersZetten,
  RegioWijziging,
  regioWijzigen,
  Uitnodiging,
  uitnodigen,
  ZONDER_REGIOMANAGER,
} from '../beheer';
import type { Zaakproces } from '../zaakproces';
import { wieVan } from './audit';
import { toegestaan, verboden } from './toegang';
import { valideer, vereisJson } from './validatie';
import { lijstregel } from './weergaven';

export interface BeheerDeps {
  prisma: PrismaClient;
  proces: Zaakproces;
  /** How invitations leave; absent: the token comes back in the answer only. */
  uitnodigingen?: { verzender: Pick<Verzender, 'email'>; apiUrl: string };
  /** The configured retention period (BEWAARTERMIJN_DAGEN), for a region without its own; absent: 730. */
  bewaartermijnDagen?: number;
}

const id = (req: Request, veld = 'id') => valideer(z.uuid(), String(req.params[veld]), veld);

export function beheerRouter({ prisma, proces, uitnodigingen, bewaartermijnDagen }: BeheerDeps): Router {
  const router = Router();

  router.get('/regios', async (req, res) => {
    toegestaan(req, 'regios.lezen');
    // A region's `bewaartermijnDagen` null: this default applies.
    res.json({
      regios: await regios(prisma),
      standaardBewaartermijnDagen: bewaartermijnDagen ?? STANDAARD_BEWAARTERMIJN_DAGEN,
    });
  });

  router.post('/regios', vereisJson, async (req, res) => {
    toegestaan(req, 'regios.beheer');
    const invoer = valideer(NieuweRegio, req.body);
    await regioMaken(prisma, wieVan(req), invoer);
    if (invoer.regiomanagers.length)
      await regiomanagersZetten(prisma, wieVan(req), invoer.naam, invoer.regiomanagers, proces);
    res
      .status(201)
      .location(`/regios/${encodeURIComponent(invoer.naam)}`)
      .json({ naam: invoer.naam });
  });

  router.patch('/regios/:naam', vereisJson, async (req, res) => {
    toegestaan(req, 'regios.beheer');
    const naam = await regioWijzigen(prisma, wieVan(req), String(req.params.naam), valideer(RegioWijziging, req.body));
    res.json({ naam });
  });

  router.put('/regios/:naam/regiomanagers', vereisJson, async (req, res) => {
    toegestaan(req, 'regios.beheer');
    const { regiomanagers } = valideer(Regiomanagers, req.body);
    await regiomanagersZetten(prisma, wieVan(req), String(req.params.naam), regiomanagers, proces);
    res.json({ naam: req.params.naam, regiomanagers });
  });

  router.delete('/regios/:naam', async (req, res) => {
    toegestaan(req, 'regios.beheer');
    await regioOpheffen(prisma, wieVan(req), String(req.params.naam));
    res.status(204).end();
  });

  // The pool: the administrator sees all of it, a regiomanager her own regions'.
  router.get('/coordinatoren', async (req, res) => {
    const g = toegestaan(req, 'coordinatoren');
    res.json({ coordinatoren: await coordinatoren(prisma, g.rol === 'admin' ? undefined : g.regios) });
  });

  router.put('/coordinatoren/:persoonId', vereisJson, async (req, res) => {
    const g = toegestaan(req, 'coordinatoren');
    const persoonId = id(req, 'persoonId');
    const profiel = valideer(CoordinatorProfiel, req.body);
    await coordinatorZetten(prisma, wieVan(req), persoonId, profiel, g.rol === 'admin' ? undefined : g.regios);
    res.json({ persoonId });
  });

  router.get('/accounts', async (req, res) => {
    toegestaan(req, 'accounts.lezen');
    res.json({ accounts: await accounts(prisma) });
  });

  // An administrator invites anyone; a regiomanager, coordinators for her region's pool.
  router.post('/accounts', vereisJson, async (req, res) => {
    const g = toegestaan(req, 'accounts.uitnodigen');
    const invoer = valideer(Uitnodiging, req.body);
    if (g.rol !== 'admin' && invoer.rol !== 'coordinator') throw verboden();
    const { account, token, verlooptOp, verzonden } = await uitnodigen(prisma, wieVan(req), invoer, uitnodigingen);
    res
      .status(201)
      .location(`/accounts/${account.id}`)
      // The token is shown here only when no invitation could carry it, and only to an
      // administrator: a regiomanager never holds a coordinator's credential.
      .json({
        ...account,
        verzonden,
        verlooptOp: verlooptOp.toISOString(),
        ...(!verzonden && g.rol === 'admin' && { token }),
      });
  });

  router.delete('/accounts/:id', async (req, res) => {
    toegestaan(req, 'accounts.blokkeren');
    await blokkeren(prisma, wieVan(req), id(req), proces);
    res.status(204).end();
  });

  // Requests nobody manages: open cases of a region without a regiomanager. Ids and region only.
  router.get('/niet-toegewezen', async (req, res) => {
    toegestaan(req, 'niet-toegewezen');
    const zaken = await prisma.zaak.findMany({
      where: ZONDER_REGIOMANAGER,
      orderBy: { aangevraagdOp: 'asc' },
      take: 200,
    });
    res.json({ zaken: zaken.map(lijstregel) });
  });

  return router;
}
