// POST /cases/:id/<command>: the case process's commands over HTTP. Access is checked here
// (role, and the case within reach); the process then checks phase, identity and content,
// and a refusal comes back as 409 with its reason.
import crypto from 'node:crypto';
import { Router, type Request } from 'express';
import { Prisma, type PrismaClient } from '@prisma/client';
import { reden, type Door, type OpdrachtArg } from '../workflows/contract';
import { Geweigerd, type Zaakproces } from '../zaakproces';
import { vastleggen, wieVan, type Wie } from './audit';
import { Probleem } from './problem';
import { API_OPDRACHTEN, pad, type Accountopdracht } from './opdrachten';
import { magOpdracht, procesrol, zaakInBereik, type Gebruiker } from './rechten';
import { IdempotencyKey } from './schemas';
import { gebruikerVan, verboden } from './toegang';
import { valideer, vereisJson } from './validatie';

export interface Opdrachtdeps {
  prisma: PrismaClient;
  proces: Zaakproces;
}

/**
 * One command, as every way in gives it (the JSON API, the staff screens): access (role, case
 * within reach), the body by the command's schema, the words stored as content, the process's
 * verdict, and the audit row of the attempt. Answers the phase and what the command stored.
 */
export async function opdrachtGeven(
  { prisma, proces }: Opdrachtdeps,
  g: Gebruiker,
  wie: Wie,
  gevraagd: {
    zaakId: string;
    naam: Accountopdracht;
    body: unknown;
    /** The command's key; as a function, found once access and body are checked (the API's header). */
    sleutel?: string | ((zaakId: string) => Promise<string | undefined>);
  },
) {
  const { naam } = gevraagd;
  if (!magOpdracht(g, naam)) throw verboden();
  const zaakId = await zaakInBereik(prisma, g, gevraagd.zaakId, naam === 'opdrachtBeantwoorden');
  const body = valideer(API_OPDRACHTEN[naam].body, gevraagd.body);
  const sleutel = typeof gevraagd.sleutel === 'function' ? await gevraagd.sleutel(zaakId) : gevraagd.sleutel;
  const door: Door = { persoonId: g.persoonId!, rol: procesrol(g)! };
  try {
    // Closed is final: nothing is stored for a case that takes no more commands (even
    // once Temporal no longer keeps its process).
    const { fase } = await prisma.zaak.findUniqueOrThrow({ where: { id: zaakId }, select: { fase: true } });
    if (fase === 'afgesloten') throw Geweigerd.om(reden('zaak-afgesloten'));
    const inhoud = { prisma, zaakId, door, sleutel };
    const arg = await API_OPDRACHTEN[naam].naarArg(body as never, inhoud).catch(gelijktijdig);
    const resultaat = await proces.opdracht(zaakId, naam, { ...arg, door } as OpdrachtArg<typeof naam>, sleutel);
    await vastleggen(prisma, wie, `opdracht.${naam}`, zaakId, { fase: resultaat.fase });
    return { ...resultaat, ...aangemaakt(naam, arg) };
  } catch (err) {
    // A refused attempt is part of the record too.
    const code =
      err instanceof Geweigerd
        ? err.code
        : err instanceof Probleem && err.soort === 'conflict'
          ? String(err.extra.code)
          : undefined;
    if (code) await vastleggen(prisma, wie, `opdracht.${naam}.geweigerd`, zaakId, { code });
    throw err;
  }
}

export function zaakopdrachtenRouter(deps: Opdrachtdeps): Router {
  const router = Router();
  for (const naam of Object.keys(API_OPDRACHTEN) as Accountopdracht[]) {
    router.post(`/:id/${pad(naam)}`, vereisJson, async (req, res) => {
      const g = gebruikerVan(req);
      // The key is checked only for a caller who may give the command at all, with a valid body.
      const sleutel = (zaakId: string) =>
        opdrachtsleutel(deps.prisma, req, { gebruikerId: g.id, zaakId, opdracht: naam });
      res.json(
        await opdrachtGeven(deps, g, wieVan(req), { zaakId: String(req.params.id), naam, body: req.body, sleutel }),
      );
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

/**
 * The command's Idempotency-Key, if it came with one: its own account's, for this very
 * command and request. A key used by another account, or for another request, is refused
 * (422), as for a new case; a repeat of the same request is the same command.
 */
async function opdrachtsleutel(
  prisma: PrismaClient,
  req: Request,
  van: { gebruikerId: string; zaakId: string; opdracht: string },
): Promise<string | undefined> {
  const waarde = req.get('Idempotency-Key');
  if (waarde === undefined) return undefined;
  const sleutel = valideer(IdempotencyKey, waarde, 'Idempotency-Key');
  const gebruik = { sleutel, ...van, verzoekHash: hash(req.body) };
  const eerder =
    (await prisma.opdrachtsleutel.findUnique({ where: { sleutel } })) ??
    (await prisma.opdrachtsleutel.create({ data: gebruik }).catch(async (err) => {
      // The same key at the same moment: the other request stored it first.
      const toch = isBotsing(err) ? await prisma.opdrachtsleutel.findUnique({ where: { sleutel } }) : null;
      if (!toch) throw err;
      return toch;
    }));
  const zelfde = (['gebruikerId', 'zaakId', 'opdracht', 'verzoekHash'] as const).every((k) => eerder[k] === gebruik[k]);
  if (!zelfde) {
    const melding = {
      nl: 'Idempotency-Key is al gebruikt voor een ander verzoek; gebruik een nieuwe sleutel.',
      en: 'Idempotency-Key was already used for a different request; use a new key.',
    };
    throw new Probleem('ongeldige-invoer', melding, [{ veld: 'Idempotency-Key', regel: 'hergebruikt', melding }]);
  }
  return sleutel;
}

const isBotsing = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

function hash(body: unknown): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify(body ?? {}))
    .digest('hex')
    .slice(0, 16);
}
