// Authentication: personal bearer tokens. Only a token's SHA-256 is stored; a token expires,
// can be revoked, and an address that keeps guessing is held off for a while.
import type { Gebruiker as Account, PrismaClient } from '@prisma/client';
import type { Request, RequestHandler } from 'express';
import { tokenHash } from '../beheer/accounts';
import { Probleem } from './problem';
import { mag, type Gebruiker, type Handeling } from './rechten';

export { nieuwToken, tokenHash } from '../beheer/accounts';

/** Failed attempts per address in a sliding window; in memory, so per API process. */
export class Pogingen {
  private readonly mislukt = new Map<string, number[]>();

  constructor(
    private readonly max = 10,
    private readonly vensterMs = 15 * 60_000,
    private readonly nu: () => number = Date.now,
  ) {}

  /** Seconds until the address may try again; 0 when it may now. */
  wachttijd(adres: string): number {
    const recent = this.recent(adres);
    return recent.length < this.max ? 0 : Math.ceil((recent[0]! + this.vensterMs - this.nu()) / 1000);
  }

  mislukte(adres: string): void {
    this.mislukt.set(adres, [...this.recent(adres), this.nu()]);
  }

  private recent(adres: string): number[] {
    const grens = this.nu() - this.vensterMs;
    const recent = (this.mislukt.get(adres) ?? []).filter((t) => t > grens);
    if (recent.length === 0) this.mislukt.delete(adres);
    return recent;
  }
}

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

/** Sets `req.gebruiker`, or refuses with 401 (429 for an address that keeps failing). */
export function aanmelding(prisma: PrismaClient, pogingen: Pogingen): RequestHandler {
  return async (req, res, next) => {
    const adres = req.ip ?? 'onbekend';
    const wacht = pogingen.wachttijd(adres);
    if (wacht > 0) {
      throw new Probleem(
        'te-vaak',
        {
          nl: `Te veel mislukte aanmeldingen vanaf dit adres. Probeer het over ${Math.ceil(wacht / 60)} minuten opnieuw.`,
          en: `Too many failed attempts from this address. Try again in ${Math.ceil(wacht / 60)} minutes.`,
        },
        [],
        {},
        wacht,
      );
    }
    const token = bearer(req);
    res.set('WWW-Authenticate', 'Bearer realm="kring"');
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
      pogingen.mislukte(adres);
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
