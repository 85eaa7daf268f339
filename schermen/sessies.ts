// Signing in to the staff screens without a password: a one-time link by email, then a
// session cookie. Links and sessions live in the database (only hashes), so every API process
// knows them; a session ends when idle too long, at its absolute end, or on sign-out.
import crypto from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import type { RequestHandler } from 'express';
import { tokenHash } from '../beheer/accounts';
import { alsGebruiker } from '../api/toegang';
import type { Gebruiker } from '../api/rechten';

export const COOKIE = 'kring_sessie';
/** A sign-in link works this long, once. */
export const LINK_GELDIG_MS = 15 * 60_000;
/** A coordinator between two home visits stays signed in; a phone left on a table does not. */
export const STIL_MS = 2 * 60 * 60_000;
export const HOOGSTENS_MS = 12 * 60 * 60_000;

const geheim = () => crypto.randomBytes(32).toString('base64url');

/** Only paths on kring itself: never a way to send someone elsewhere after signing in. */
export function veiligPad(naar: unknown): string {
  return typeof naar === 'string' && /^\/(?![/\\])[\x21-\x7e]{0,500}$/.test(naar) ? naar : '/';
}

/** A new sign-in link for the account: the secret goes in the email, its hash in the database. */
export async function aanmeldlinkMaken(prisma: PrismaClient, gebruikerId: string, naar = '/', nu = new Date()) {
  const token = geheim();
  await prisma.aanmeldlink.create({
    data: {
      gebruikerId,
      hash: tokenHash(token),
      naar: veiligPad(naar),
      verlooptOp: new Date(nu.getTime() + LINK_GELDIG_MS),
    },
  });
  return token;
}

/**
 * Uses the link up (once, atomically) and opens a session; undefined for a link that is
 * unknown, used, expired, or of a blocked account.
 */
export async function aanmelden(prisma: PrismaClient, token: string, nu = new Date()) {
  const hash = tokenHash(token);
  const gebruikt = await prisma.aanmeldlink.updateMany({
    where: { hash, gebruiktOp: null, verlooptOp: { gt: nu }, gebruiker: { geblokkeerdOp: null } },
    data: { gebruiktOp: nu },
  });
  if (gebruikt.count !== 1) return undefined;
  const link = await prisma.aanmeldlink.findUniqueOrThrow({ where: { hash } });
  const sessieToken = geheim();
  const sessie = await prisma.sessie.create({
    data: {
      gebruikerId: link.gebruikerId,
      hash: tokenHash(sessieToken),
      formulierSleutel: geheim(),
      aangemaaktOp: nu,
      laatstGebruiktOp: nu,
      verlooptOp: new Date(nu.getTime() + HOOGSTENS_MS),
    },
  });
  return { sessieToken, sessieId: sessie.id, gebruikerId: link.gebruikerId, naar: link.naar };
}

export async function afmelden(prisma: PrismaClient, sessieId: string, nu = new Date()) {
  await prisma.sessie.updateMany({ where: { id: sessieId, beeindigdOp: null }, data: { beeindigdOp: nu } });
}

export interface Sessiegebruiker extends Gebruiker {
  /** Her name as people know it (the account's login is an email address). */
  weergavenaam: string;
  /** The language her form errors are in. */
  taal: 'nl' | 'en';
  sessieId: string;
  formulierSleutel: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    sessie?: Sessiegebruiker;
  }
}

/** Reads the session cookie; sets `req.gebruiker` and `req.sessie` for a live session. */
export function sessie(prisma: PrismaClient, nu: () => Date = () => new Date()): RequestHandler {
  return async (req, _res, next) => {
    const token = (req.cookies as Record<string, string> | undefined)?.[COOKIE];
    if (!token || !/^[\w-]{20,100}$/.test(token)) return next();
    const moment = nu();
    const gevonden = await prisma.sessie.findUnique({
      where: { hash: tokenHash(token) },
      include: { gebruiker: true },
    });
    if (
      !gevonden ||
      gevonden.beeindigdOp ||
      gevonden.verlooptOp <= moment ||
      moment.getTime() - gevonden.laatstGebruiktOp.getTime() > STIL_MS ||
      gevonden.gebruiker.geblokkeerdOp
    ) {
      return next();
    }
    // Written at most once a minute: a page view is not worth a write each time.
    if (moment.getTime() - gevonden.laatstGebruiktOp.getTime() > 60_000) {
      await prisma.sessie.update({ where: { id: gevonden.id }, data: { laatstGebruiktOp: moment } });
    }
    const { gebruiker } = gevonden;
    const persoon = gebruiker.persoonId
      ? await prisma.persoon.findUnique({ where: { id: gebruiker.persoonId }, select: { naam: true, taal: true } })
      : null;
    const g: Sessiegebruiker = {
      ...(await alsGebruiker(prisma, gebruiker, `sessie:${gevonden.id}`)),
      weergavenaam: persoon?.naam ?? gebruiker.naam,
      taal: persoon?.taal === 'en' ? 'en' : 'nl',
      sessieId: gevonden.id,
      formulierSleutel: gevonden.formulierSleutel,
    };
    req.gebruiker = g;
    req.sessie = g;
    next();
  };
}

/** Whether a posted form carries this session's form token (constant-time compare). */
export function formulierSleutelKlopt(sessie: Sessiegebruiker, gegeven: unknown): boolean {
  if (typeof gegeven !== 'string') return false;
  const a = Buffer.from(sessie.formulierSleutel);
  const b = Buffer.from(gegeven);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
