// One-click links: a URL that lets a person without an account act on or read one thing of
// one case. The URL carries an HMAC over the stored fields; the row makes it expire, and
// (for links staff make) single-use and revocable. kring puts links in the messages that
// ask for an answer: one per message, purpose and recipient, made again never.
import crypto from 'node:crypto';
import type { Link, PrismaClient } from '@prisma/client';
import type { Door } from '../workflows/contract';
import type { Linkdoel } from './berichten/soorten';

export type { Linkdoel };

/** The signature binds the link to its case, person and purpose; expiry and use live in the row. */
export function ondertekening(geheim: Buffer, link: Pick<Link, 'id' | 'zaakId' | 'persoonId' | 'doel'>): string {
  return crypto
    .createHmac('sha256', geheim)
    .update([link.id, link.zaakId, link.persoonId, link.doel].join('|'))
    .digest('base64url');
}

type Getekend = Pick<Link, 'id' | 'zaakId' | 'persoonId' | 'doel'>;

// Short enough for an SMS: the id's 16 bytes and the first 16 of the signature, in base64url
// (22 + 1 + 22 characters). Links from before carry the id and the whole signature; they work too.
const kortId = (id: string) => Buffer.from(id.replaceAll('-', ''), 'hex').toString('base64url');
const kortTeken = (geheim: Buffer, link: Getekend) =>
  Buffer.from(ondertekening(geheim, link), 'base64url').subarray(0, 16).toString('base64url');

/** The token in a link's URL: `/l/<token>`. */
export const linkToken = (geheim: Buffer, link: Getekend) => `${kortId(link.id)}.${kortTeken(geheim, link)}`;

export const linkUrl = (basis: string, geheim: Buffer, link: Getekend) => `${basis}/l/${linkToken(geheim, link)}`;

/** The link id a token names, if it names one at all (the signature is checked by `tekentKlopt`). */
export function linkIdVan(token: string): string | undefined {
  const [id] = token.split('.');
  if (!id) return undefined;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return id.toLowerCase();
  if (!/^[A-Za-z0-9_-]{22}$/.test(id)) return undefined;
  const bytes = Buffer.from(id, 'base64url');
  // One spelling per id: base64url leaves spare bits in the last character.
  if (bytes.toString('base64url') !== id) return undefined;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whether the token's signature is the link's own, in constant time. */
export function tekentKlopt(geheim: Buffer, link: Getekend, token: string): boolean {
  const gekregen = Buffer.from(token.split('.')[1] ?? '');
  const verwacht = Buffer.from(
    token.split('.')[0]!.includes('-') && token.split('.')[0]!.length === 36
      ? ondertekening(geheim, link)
      : kortTeken(geheim, link),
  );
  return verwacht.length === gekregen.length && crypto.timingSafeEqual(verwacht, gekregen);
}

const DAG = 24 * 60 * 60_000;

/** How long a link in a message works at most: a plan through the monitoring. Every link stops when the case closes. */
export const GELDIG_DAGEN: Record<Linkdoel, number> = {
  aanwezigheid: 90,
  voorwaarden: 180,
  plan: 400,
  'niet-goed': 400,
  signaal: 60,
  tevredenheid: 90,
};

export interface LinkVoorBericht {
  meldingId: string;
  zaakId: string;
  persoonId: string;
  doel: Linkdoel;
  onderwerpId?: string;
}

/** The message's link for this purpose: made the first time, found again on a retry. */
export async function linkVoorBericht(
  prisma: PrismaClient,
  { meldingId, zaakId, persoonId, doel, onderwerpId }: LinkVoorBericht,
): Promise<Link> {
  const sleutel = `${meldingId}:${doel}`;
  return prisma.link.upsert({
    where: { sleutel },
    create: {
      zaakId,
      persoonId,
      doel,
      onderwerpId,
      sleutel,
      eenmalig: false,
      verlooptOp: new Date(Date.now() + GELDIG_DAGEN[doel] * DAG),
    },
    update: {},
  });
}

/** The person's roles in the case as far as the process accepted them; 'aangewezen' for a designated person. */
export async function rollenInZaak(prisma: PrismaClient, zaakId: string, persoonId: string): Promise<string[]> {
  const rijen = await prisma.deelnemer.findMany({ where: { zaakId, persoonId, status: 'vastgelegd' } });
  return [...rijen.map((d) => d.rol as string), ...(rijen.some((d) => d.aangewezen) ? ['aangewezen'] : [])];
}

/**
 * As whom the person acts through a link for this purpose, given their roles in the case
 * (with 'aangewezen' for a designated person); none: the link is not (or no longer) theirs.
 */
export function rolVoorLink(doel: Linkdoel, rollen: string[]): Door['rol'] | undefined {
  const deelnemer = rollen.some((r) => r !== 'aanvrager');
  switch (doel) {
    case 'niet-goed':
      if (rollen.includes('hoofdpersoon')) return 'hoofdpersoon';
      if (rollen.includes('aangewezen')) return 'aangewezen';
      return rollen.includes('professional') ? 'professional' : undefined;
    case 'signaal':
      return rollen.includes('aangewezen') ? 'aangewezen' : undefined;
    default:
      return deelnemer ? 'deelnemer' : undefined;
  }
}
