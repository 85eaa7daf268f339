// POST /cases/:id/<command>: the case process's commands over HTTP. Access is checked here
// (role, and the case within reach); the process then checks phase, identity and content,
// and a refusal comes back as 409 with its reason.
import crypto from 'node:crypto';
import { Router } from 'express';
import { Prisma, type PrismaClient } from '@prisma/client';
import { reden, type Door, type OpdrachtArg } from '../workflows/contract';
import { Geweigerd, type Zaakproces } from '../zaakproces';
import { vastleggen, wieVan } from './audit';
import { Probleem } from './problem';
import { API_OPDRACHTEN, pad, type Accountopdracht } from './opdrachten';
import { magOpdracht, procesrol, zaakInBereik } from './rechten';
import { IdempotencyKey } from './schemas';
import { gebruikerVan, verboden } from './toegang';
import { valideer, vereisJson } from './validatie';

export function zaakopdrachtenRouter({ prisma, proces }: { prisma: PrismaClient; proces: Zaakproces }): Router {
  const router = Router();
  for (const naam of Object.keys(API_OPDRACHTEN) as Accountopdracht[]) {
    const opdracht = API_OPDRACHTEN[naam];
    router.post(`/:id/${pad(naam)}`, vereisJson, async (req, res) => {
      const g = gebruikerVan(req);
      if (!magOpdracht(g, naam)) throw verboden();
      const zaakId = await zaakInBereik(prisma, g, String(req.params.id), naam === 'opdrachtBeantwoorden');
      const body = valideer(opdracht.body, req.body);
      const sleutel = req.get('Idempotency-Key');
      const opdrachtId =
        sleutel === undefined ? undefined : `${valideer(IdempotencyKey, sleutel, 'Idempotency-Key')}:${hash(req.body)}`;
      const door: Door = { persoonId: g.persoonId!, rol: procesrol(g)! };
      try {
        // Closed is final: nothing is stored for a case that takes no more commands (even
        // once Temporal no longer keeps its process).
        const { fase } = await prisma.zaak.findUniqueOrThrow({ where: { id: zaakId }, select: { fase: true } });
        if (fase === 'afgesloten') throw Geweigerd.om(reden('zaak-afgesloten'));
        const inhoud = { prisma, zaakId, door, sleutel: opdrachtId };
        const arg = await opdracht.naarArg(body as never, inhoud).catch(gelijktijdig);
        const resultaat = await proces.opdracht(zaakId, naam, { ...arg, door } as OpdrachtArg<typeof naam>, opdrachtId);
        await vastleggen(prisma, wieVan(req), `opdracht.${naam}`, zaakId, { fase: resultaat.fase });
        res.json({ ...resultaat, ...aangemaakt(naam, arg) });
      } catch (err) {
        // A refused attempt is part of the record too.
        const code =
          err instanceof Geweigerd
            ? err.code
            : err instanceof Probleem && err.soort === 'conflict'
              ? String(err.extra.code)
              : undefined;
        if (code) await vastleggen(prisma, wieVan(req), `opdracht.${naam}.geweigerd`, zaakId, { code });
        throw err;
      }
    });
  }
  return router;
}

/**
 * What the command stored, so the caller can refer to it next: a date to confirm, a form to
 * publish, a person to invite, a signal to take up.
 */
function aangemaakt(naam: Accountopdracht, arg: object): Record<string, string | number> {
  const velden = [
    'voorstelId',
    'formulierId',
    'versie',
    'planId',
    'herzienPlanId',
    'persoonId',
    'toetsingId',
    'bijeenkomstId',
  ];
  const ids = Object.entries(arg).filter(
    ([k, v]) => velden.includes(k) && (typeof v === 'string' || typeof v === 'number'),
  );
  // The signal is known by the note it came with.
  if (naam === 'nietGoedMelden') ids.push(['signaalId', (arg as { tekstId: string }).tekstId]);
  return Object.fromEntries(ids);
}

/** Two people storing the next version at the same moment: one of them tries again. */
function gelijktijdig(err: unknown): never {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
    throw new Probleem(
      'conflict',
      {
        nl: 'Tegelijk werd hetzelfde vastgelegd. Bekijk de zaak en probeer het opnieuw.',
        en: 'The same thing was being recorded at the same moment. Check the case and try again.',
      },
      [],
      { code: 'gelijktijdig' },
    );
  }
  throw err;
}

function hash(body: unknown): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify(body ?? {}))
    .digest('hex')
    .slice(0, 16);
}
