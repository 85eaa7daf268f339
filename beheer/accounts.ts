// Accounts, with the person behind them, made in one step: an administrator (or a
// regiomanager, for her region's coordinators) invites a colleague by name and email with a
// role; kring makes the person and the account together and sends the invitation with a
// personal token. One human is one person: someone kring knows already keeps her person.
import crypto from 'node:crypto';
import type { Gebruikersrol, PrismaClient } from '@prisma/client';
import { z } from 'zod';
import type { Verzender } from '../activities/verzenders';
import { auditVastleggen, type Wie } from '../prisma/audit';
import {
  bekendePersoon,
  normaalAdres,
  persoonGegevens,
  regiomanagersBijwerken,
  Taal,
  Telefoon,
  type Zaakproces,
} from '../zaakproces';
import { BeheerFout } from './fouten';

const VOORVOEGSEL = 'kring_';
export const STANDAARD_DAGEN = 90;
export const LANGSTE_DAGEN = 366;

export function nieuwToken(): { token: string; hash: string } {
  const token = VOORVOEGSEL + crypto.randomBytes(32).toString('base64url');
  return { token, hash: tokenHash(token) };
}

export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export const Rol = z.enum(['operations', 'regiomanager', 'coordinator', 'professional', 'admin']);

export const Uitnodiging = z.strictObject({
  naam: z.string().trim().min(1).max(200),
  email: z.email().max(254),
  rol: Rol,
  telefoon: Telefoon.optional(),
  taal: Taal.default('nl'),
  /** How long the token in the invitation works. */
  dagen: z.int().min(1).max(LANGSTE_DAGEN).default(STANDAARD_DAGEN),
});
export type Uitnodiging = z.infer<typeof Uitnodiging>;

const ROLNAAM: Record<Gebruikersrol, { nl: string; en: string }> = {
  operations: { nl: 'medewerker', en: 'operations staff' },
  regiomanager: { nl: 'regiomanager', en: 'regiomanager' },
  coordinator: { nl: 'Eigen Kracht-coördinator', en: 'Eigen Kracht coordinator' },
  professional: { nl: 'professional', en: 'professional' },
  admin: { nl: 'beheerder', en: 'administrator' },
};

/** A personal token for the account, valid for `dagen`; only its hash is kept. */
export async function tokenUitgeven(
  prisma: Pick<PrismaClient, 'token' | 'auditEvent'>,
  wie: Wie,
  gebruikerId: string,
  dagen = STANDAARD_DAGEN,
  nu = new Date(),
) {
  const { token, hash } = nieuwToken();
  const verlooptOp = new Date(nu.getTime() + dagen * 24 * 60 * 60_000);
  const rij = await prisma.token.create({ data: { gebruikerId, hash, verlooptOp } });
  await auditVastleggen(prisma, wie, 'token.uitgegeven', null, { gebruiker: gebruikerId, token: rij.id });
  return { token, verlooptOp, id: rij.id };
}

export interface Uitgenodigd {
  account: { id: string; naam: string; rol: Gebruikersrol; persoonId: string };
  token: string;
  verlooptOp: Date;
  /** Whether the invitation email went out (without a mail channel, the token is handed over). */
  verzonden: boolean;
}

export async function uitnodigen(
  prisma: PrismaClient,
  wie: Wie,
  invoer: Uitnodiging,
  verzending?: { verzender: Pick<Verzender, 'email'>; apiUrl: string },
): Promise<Uitgenodigd> {
  const email = normaalAdres(invoer.email);
  if (await prisma.gebruiker.findUnique({ where: { naam: email } })) {
    throw new BeheerFout(
      'bestaat',
      { nl: `Er is al een account voor ${email}.`, en: `There is an account for ${email} already.` },
      'email',
    );
  }
  const uitgenodigd = await prisma.$transaction(async (tx) => {
    const persoon = { naam: invoer.naam, email, telefoon: invoer.telefoon, taal: invoer.taal };
    const persoonId =
      (await bekendePersoon(tx, persoon)) ?? (await tx.persoon.create({ data: persoonGegevens(persoon) })).id;
    const account = await tx.gebruiker.create({ data: { naam: email, rol: invoer.rol, persoonId } });
    await auditVastleggen(tx, wie, 'account.uitgenodigd', null, { account: account.id, rol: invoer.rol });
    const { token, verlooptOp } = await tokenUitgeven(tx, wie, account.id, invoer.dagen);
    return { account: { id: account.id, naam: email, rol: invoer.rol, persoonId }, token, verlooptOp };
  });
  if (!verzending) return { ...uitgenodigd, verzonden: false };
  // Sent once the account exists; when sending fails, the account stays and a new token can be given.
  const verzonden = await verzending.verzender
    .email({
      id: crypto.randomUUID(),
      aan: email,
      ...uitnodigingstekst(
        invoer.taal,
        invoer.naam,
        invoer.rol,
        uitgenodigd.token,
        uitgenodigd.verlooptOp,
        verzending.apiUrl,
      ),
    })
    .then(
      () => true,
      () => false,
    );
  return { ...uitgenodigd, verzonden };
}

function uitnodigingstekst(
  taal: 'nl' | 'en',
  naam: string,
  rol: Gebruikersrol,
  token: string,
  tot: Date,
  apiUrl: string,
) {
  const datum = tot.toISOString().slice(0, 10);
  return taal === 'en'
    ? {
        onderwerp: 'Your account for kring',
        tekst:
          `Dear ${naam},\n\nYou are invited to kring, the case management of Eigen Kracht conferences, as ${ROLNAAM[rol].en}.\n` +
          `Sign in to the screens at ${apiUrl}/aanmelden with this email address; kring mails you a link.\n` +
          `For the API, your personal token (valid until ${datum}):\n\n${token}\n\n` +
          `Keep it to yourself. Use it as "Authorization: Bearer …"; the API is described at ${apiUrl}/docs.`,
      }
    : {
        onderwerp: 'Uw account voor kring',
        tekst:
          `Beste ${naam},\n\nU bent uitgenodigd voor kring, het zaakbeheer van Eigen Kracht-conferenties, als ${ROLNAAM[rol].nl}.\n` +
          `Aanmelden in de schermen: ${apiUrl}/aanmelden, met dit e-mailadres; kring mailt u een link.\n` +
          `Voor de API uw persoonlijke sleutel (geldig tot ${datum}):\n\n${token}\n\n` +
          `Deel hem met niemand. Gebruik hem als "Authorization: Bearer …"; de API staat beschreven op ${apiUrl}/docs.`,
      };
}

export async function accounts(prisma: PrismaClient, nu = new Date()) {
  const rijen = await prisma.gebruiker.findMany({
    include: { tokens: { where: { ingetrokkenOp: null, verlooptOp: { gt: nu } } } },
    orderBy: { naam: 'asc' },
  });
  return rijen.map((g) => ({
    id: g.id,
    naam: g.naam,
    rol: g.rol,
    persoonId: g.persoonId,
    geblokkeerd: g.geblokkeerdOp !== null,
    geldigeTokens: g.tokens.length,
  }));
}

/**
 * The account stops working: blocked, every token revoked. Not the last regiomanager of a
 * region with open cases: the region first gets another.
 */
export async function blokkeren(prisma: PrismaClient, wie: Wie, id: string, proces?: Zaakproces, nu = new Date()) {
  const account = await prisma.gebruiker.findUnique({ where: { id } });
  if (!account)
    throw new BeheerFout('onbekend', { nl: 'Dit account bestaat niet.', en: 'This account does not exist.' });
  // Her posts as regiomanager end with her regiomanager account (not with another account of hers).
  const alsRegiomanager = account.rol === 'regiomanager' && account.persoonId ? account.persoonId : undefined;
  await prisma.$transaction(async (tx) => {
    if (alsRegiomanager) {
      const posten = await tx.regioManager.findMany({ where: { persoonId: alsRegiomanager } });
      // Locked, so two administrators cannot each take away one of a region's last two.
      if (posten.length) {
        await tx.$queryRaw`SELECT "naam" FROM "regio" WHERE "naam" = ANY(${posten.map((p) => p.regio)}) FOR UPDATE`;
      }
      for (const { regio } of posten) {
        const anderen = await tx.regioManager.count({ where: { regio, persoonId: { not: alsRegiomanager } } });
        const open = await tx.zaak.count({ where: { regio, fase: { not: 'afgesloten' } } });
        if (open > 0 && anderen === 0) {
          throw new BeheerFout('conflict', {
            nl: `Dit is de enige regiomanager van regio ${regio}, die open zaken heeft; wijs eerst een andere aan.`,
            en: `This is the only regiomanager of region ${regio}, which has open cases; appoint another first.`,
          });
        }
      }
      await tx.regioManager.deleteMany({ where: { persoonId: alsRegiomanager } });
    }
    await tx.gebruiker.update({ where: { id }, data: { geblokkeerdOp: nu } });
    const { count } = await tx.token.updateMany({
      where: { gebruikerId: id, ingetrokkenOp: null },
      data: { ingetrokkenOp: nu },
    });
    await auditVastleggen(tx, wie, 'account.geblokkeerd', null, { account: id, tokens: count });
  });
  // Her regions' open cases are told who manages them now.
  if (proces && alsRegiomanager) await regiomanagersBijwerken(prisma, proces).catch(() => undefined);
}
