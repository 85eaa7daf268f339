// Authentication: personal bearer tokens. Only a token's SHA-256 is stored; a token expires,
// can be revoked, and an address or account that keeps failing is held off for a while.
// A valid token is never held off: the limits count failures and answer failures only.
import type { Gebruiker as Account, PrismaClient } from '@prisma/client';
import type { Request, RequestHandler } from 'express';
import { tokenHash } from '../beheer/accounts';
import { adresSleutel, Aanmeldlimiet } from './aanmeldlimiet';
import { Probleem } from './problem';
import { mag, type Gebruiker, type Handeling } from './rechten';

export { nieuwToken, tokenHash } from '../beheer/accounts';

declare module 'express-serve-static-core' {
  interface Request {
    gebruiker?: Gebruiker;
  }
}

const NIET_AANGEMELD = new Probleem('niet-aangemeld', {
  nl: 'Meld u aan met uw persoonlijke token (Authorization: Bearer …).',
  en: 'Authenticate with your personal token (Authorization: Bearer …).',
});

const ONGELDIG = new Probleem('niet-aangemeld', {
  nl: 'Dit token is onbekend, verlopen of ingetrokken.',
  en: 'This token is unknown, expired or revoked.',
});

/** Failed sign-ins allowed in a window of 15 minutes, per address and per account. */
export const MISLUKT_PER_ADRES = 10;
export const MISLUKT_PER_ACCOUNT = 10;

/** Sets `req.gebruiker`, or refuses with 401 (429 for an address or account that keeps failing). */
export function aanmelding(prisma: PrismaClient, limietGeheim: Buffer): RequestHandler {
  const perAdres = new Aanmeldlimiet(prisma, limietGeheim, 'token-adres', MISLUKT_PER_ADRES, 15 * 60_000);
  const perAccount = new Aanmeldlimiet(prisma, limietGeheim, 'token-account', MISLUKT_PER_ACCOUNT, 15 * 60_000);
  return async (req, res, next) => {
    const token = bearer(req);
    res.set('WWW-Authenticate', 'Bearer realm="kring"');
    // No token is no attempt: it is not counted.
    if (!token) throw NIET_AANGEMELD;
    const gevonden = await prisma.token.findUnique({
      where: { hash: tokenHash(token) },
      include: { gebruiker: true },
    });
    if (
      !gevonden ||
      gevonden.ingetrokkenOp ||
      gevonden.verlooptOp.getTime() <= Date.now() ||
      gevonden.gebruiker.geblokkeerdOp
    ) {
      // A known account's old token counts against that account too, wherever it comes from.
      const adres = await perAdres.tel(req, res, adresSleutel(req));
      const account = gevonden && (await perAccount.tel(req, res, gevonden.gebruikerId));
      if (!adres.binnen) throw teVaak(adres.wachtSeconden, 'adres');
      if (account && !account.binnen) throw teVaak(account.wachtSeconden, 'account');
      throw ONGELDIG;
    }
    res.removeHeader('WWW-Authenticate');
    req.gebruiker = await alsGebruiker(prisma, gevonden.gebruiker, `token:${gevonden.id}`);
    next();
  };
}

/** The caller an account is, signed in by token or session: her role, person and regions now. */
export async function alsGebruiker(
  prisma: PrismaClient,
  account: Pick<Account, 'id' | 'naam' | 'rol' | 'persoonId'>,
  via: string,
): Promise<Gebruiker> {
  const regios =
    account.rol === 'regiomanager' && account.persoonId
      ? (await prisma.regioManager.findMany({ where: { persoonId: account.persoonId } })).map((r) => r.regio)
      : [];
  return { id: account.id, naam: account.naam, rol: account.rol, persoonId: account.persoonId, regios, via };
}

function teVaak(wacht: number, waar: 'adres' | 'account'): Probleem {
  const minuten = Math.ceil(wacht / 60);
  return new Probleem(
    'te-vaak',
    waar === 'adres'
      ? {
          nl: `Te veel mislukte aanmeldingen vanaf dit adres. Probeer het over ${minuten} minuten opnieuw.`,
          en: `Too many failed attempts from this address. Try again in ${minuten} minutes.`,
        }
      : {
          nl: `Te veel mislukte aanmeldingen voor dit account. Probeer het over ${minuten} minuten opnieuw.`,
          en: `Too many failed attempts for this account. Try again in ${minuten} minutes.`,
        },
    [],
    {},
    wacht,
  );
}

function bearer(req: Request): string | undefined {
  const match = /^Bearer ([\x21-\x7e]{1,200})$/.exec(req.get('Authorization') ?? '');
  return match?.[1];
}

/** The authenticated caller; only for routes behind `aanmelding`. */
export function gebruikerVan(req: Request): Gebruiker {
  if (!req.gebruiker) throw NIET_AANGEMELD;
  return req.gebruiker;
}

/** The caller, if their role may do this at all (403 otherwise). */
export function toegestaan(req: Request, handeling: Handeling): Gebruiker {
  const g = gebruikerVan(req);
  if (!mag(g, handeling)) throw verboden();
  return g;
}

export function verboden(): Probleem {
  return new Probleem('verboden', {
    nl: 'Uw rol geeft geen toegang tot deze handeling.',
    en: 'Your role does not give access to this.',
  });
}
