// Accounts and their tokens, for `npm run users -- <command>` (launcher/users.ts). A token
// is printed once and only its hash is stored; give it to its owner over a safe channel.
//   add <naam> <rol> [--persoon <uuid>]   operations | regiomanager | coordinator | professional | admin
//   token <naam> [--dagen 90]             a new personal token, valid for that many days
//   revoke <naam>                         every token of that account stops working now
//   list                                  accounts, roles and live tokens
import type { Gebruikersrol, PrismaClient } from '@prisma/client';
import { nieuwToken } from '../api/toegang';

const ROLLEN: Gebruikersrol[] = ['operations', 'regiomanager', 'coordinator', 'professional', 'admin'];
const MET_PERSOON: Gebruikersrol[] = ['regiomanager', 'coordinator', 'professional'];
const STANDAARD_DAGEN = 90;
const LANGSTE_DAGEN = 366;

export class GebruikFout extends Error {}

function optie(args: string[], naam: string): string | undefined {
  const i = args.indexOf(`--${naam}`);
  if (i === -1) return undefined;
  const waarde = args[i + 1];
  if (waarde === undefined || waarde.startsWith('--')) throw new GebruikFout(`--${naam} needs a value`);
  return waarde;
}

/** Runs one command; returns what to print. */
export async function users(prisma: PrismaClient, args: string[], nu = new Date()): Promise<string> {
  const [commando, naam, rol] = args;
  switch (commando) {
    case 'add': {
      if (!naam || !rol) throw new GebruikFout('usage: add <naam> <rol> [--persoon <uuid>]');
      if (!ROLLEN.includes(rol as Gebruikersrol)) throw new GebruikFout(`rol must be one of ${ROLLEN.join(', ')}`);
      const persoonId = optie(args, 'persoon');
      if (MET_PERSOON.includes(rol as Gebruikersrol) && !persoonId) {
        throw new GebruikFout(`a ${rol} acts as a person in cases: give --persoon <uuid>`);
      }
      if (persoonId && !(await prisma.persoon.findUnique({ where: { id: persoonId } }).catch(() => null))) {
        throw new GebruikFout(`no person with id ${persoonId}`);
      }
      if (await prisma.gebruiker.findUnique({ where: { naam } })) throw new GebruikFout(`${naam} exists already`);
      const g = await prisma.gebruiker.create({ data: { naam, rol: rol as Gebruikersrol, persoonId } });
      await prisma.auditEvent.create({
        data: { actor: 'beheer', actie: 'gebruiker.aangemaakt', details: { id: g.id, rol } },
      });
      return `added ${naam} (${rol}), id ${g.id}`;
    }
    case 'token': {
      const g = naam && (await prisma.gebruiker.findUnique({ where: { naam } }));
      if (!g) throw new GebruikFout(`usage: token <naam> [--dagen ${STANDAARD_DAGEN}] (an existing account)`);
      const dagen = Number(optie(args, 'dagen') ?? STANDAARD_DAGEN);
      if (!Number.isInteger(dagen) || dagen < 1 || dagen > LANGSTE_DAGEN) {
        throw new GebruikFout(`--dagen must be a whole number from 1 to ${LANGSTE_DAGEN}`);
      }
      const { token, hash } = nieuwToken();
      const verlooptOp = new Date(nu.getTime() + dagen * 24 * 60 * 60_000);
      const rij = await prisma.token.create({ data: { gebruikerId: g.id, hash, verlooptOp } });
      await prisma.auditEvent.create({
        data: { actor: 'beheer', actie: 'token.uitgegeven', details: { gebruiker: g.id, token: rij.id } },
      });
      return `${token}\n(valid until ${verlooptOp.toISOString()}; shown only now)`;
    }
    case 'revoke': {
      const g = naam && (await prisma.gebruiker.findUnique({ where: { naam } }));
      if (!g) throw new GebruikFout('usage: revoke <naam> (an existing account)');
      const { count } = await prisma.token.updateMany({
        where: { gebruikerId: g.id, ingetrokkenOp: null },
        data: { ingetrokkenOp: nu },
      });
      await prisma.auditEvent.create({
        data: { actor: 'beheer', actie: 'token.ingetrokken', details: { gebruiker: g.id, count } },
      });
      return `revoked ${count} token(s) of ${naam}`;
    }
    case 'list': {
      const gebruikers = await prisma.gebruiker.findMany({
        include: { tokens: { where: { ingetrokkenOp: null, verlooptOp: { gt: nu } } } },
        orderBy: { naam: 'asc' },
      });
      return (
        gebruikers.map((g) => `${g.naam}\t${g.rol}\t${g.tokens.length} live token(s)`).join('\n') || '(no accounts)'
      );
    }
    default:
      throw new GebruikFout('usage: npm run users -- add|token|revoke|list …');
  }
}
