// Accounts for tests, made the way an administrator makes them: through the users CLI's core.
import crypto from 'node:crypto';
import type { Gebruikersrol, PrismaClient } from '@prisma/client';
import { users } from '../../launcher/gebruikers';

/** A new account with this role (acting as `persoonId` in cases), and a fresh token for it. */
export async function tokenVoor(prisma: PrismaClient, rol: Gebruikersrol, persoonId?: string): Promise<string> {
  const naam = `${rol}-${crypto.randomUUID()}@kring.test`;
  await users(prisma, ['add', naam, rol, ...(persoonId ? ['--persoon', persoonId] : [])]);
  return (await users(prisma, ['token', naam])).split('\n')[0]!;
}
