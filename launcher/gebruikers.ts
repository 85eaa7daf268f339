// `npm run users -- <opdracht>`: kring set up from a terminal, the same way the API does it
// (beheer/). A token is printed once and only its hash is stored; hand it to its owner over
// a safe channel.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Gebruikersrol, PrismaClient } from '@prisma/client';
import {
  accounts,
  BeheerFout,
  blokkeren,
  CoordinatorProfiel,
  coordinatoren,
  coordinatorZetten,
  LANGSTE_DAGEN,
  NieuweRegio,
  Regiomanagers,
  regioMaken,
  regioOpheffen,
  regios,
  regiomanagersZetten,
  regioWijzigen,
  RegioWijziging,
  Rol,
  STANDAARD_DAGEN,
  tokenUitgeven,
  Uitnodiging,
  uitnodigen,
} from '../beheer';
import type { z } from 'zod';
import { Probleem } from '../api/problem';
import { valideer } from '../api/validatie';
import { auditVastleggen, type Wie } from '../prisma/audit';
import { aanmeldlinkMaken, LINK_GELDIG_MS } from '../schermen/sessies';
import { normaalAdres, type Zaakproces } from '../zaakproces';

export const GEBRUIK = `gebruik: npm run users -- <opdracht>
  invite <email> <rol> --naam "<naam>" [--telefoon 06…] [--taal nl|en] [--dagen ${STANDAARD_DAGEN}]
                                       persoon en account in één stap; drukt de sleutel af
  add <naam> <rol> [--persoon <uuid>]  een account voor een persoon die kring al kent
  token <naam> [--dagen ${STANDAARD_DAGEN}]            een nieuwe persoonlijke sleutel
  aanmelden <email> [--naar /pad]      een aanmeldlink voor de schermen (15 minuten, één keer)
  revoke <naam>                        elke sleutel van dit account werkt vanaf nu niet meer
  block <naam>                         het account werkt niet meer
  list                                 accounts, rollen en geldige sleutels
  regio add <naam> [--gemeente <g>]… [--regiomanager <email>]…
  regio rename <naam> <nieuwe naam>
  regio gemeenten <naam> <gemeente>…
  regio managers <naam> <email>…       de regio gaat over naar deze regiomanager(s)
  regio retire <naam>
  regio list
  coordinator <email> --regio <r>… [--taal <t>]… [--geslacht vrouw|man|anders]
              [--achtergrond <a>]… [--max 3] [--afwezig 2026-12-20:2027-01-05]
              [--niet-beschikbaar] [--kent <email of persoon-id>]…
  coordinators [--regio <r>]
rollen: operations, regiomanager, coordinator, professional, admin`;

export class GebruikFout extends Error {}

const BEHEER: Wie = { actor: 'beheer', via: 'cli' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MET_PERSOON: Gebruikersrol[] = ['regiomanager', 'coordinator', 'professional'];

/** Runs one command; returns what to print. `proces`: to tell open cases at once of a region's new regiomanagers. */
export async function users(
  prisma: PrismaClient,
  args: string[],
  opties: { nu?: Date; proces?: Zaakproces; basis?: string } = {},
): Promise<string> {
  try {
    if (args[0] === 'aanmelden') return await aanmeldlink(prisma, args.slice(1), opties.basis ?? '', opties.nu);
    return await opdracht(prisma, args, opties.nu ?? new Date(), opties.proces);
  } catch (err) {
    if (err instanceof BeheerFout) throw new GebruikFout(err.tekst.nl);
    if (err instanceof TypeError && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      throw new GebruikFout(`${err.message}\n${GEBRUIK}`);
    }
    throw err;
  }
}

function lees(args: string[], opties: NonNullable<ParseArgsConfig['options']> = {}) {
  return parseArgs({ args, options: opties, allowPositionals: true, strict: true });
}

/** The API's rules, and its Dutch messages, for what a terminal typed. */
function geldig<S extends z.ZodType>(schema: S, waarde: unknown): z.infer<S> {
  try {
    return valideer(schema, waarde);
  } catch (err) {
    if (err instanceof Probleem) throw new GebruikFout(err.fouten.map((f) => f.melding.nl).join('\n'));
    throw err;
  }
}

/** A one-time sign-in link for the staff screens, for someone who cannot get at her mail. */
async function aanmeldlink(prisma: PrismaClient, args: string[], basis: string, nu = new Date()): Promise<string> {
  const { positionals, values } = lees(args, { naar: { type: 'string' } });
  const g = positionals[0] && (await prisma.gebruiker.findUnique({ where: { naam: normaalAdres(positionals[0]) } }));
  if (!g || g.geblokkeerdOp) throw new GebruikFout('gebruik: aanmelden <email> [--naar /pad] (een werkend account)');
  const token = await aanmeldlinkMaken(prisma, g.id, typeof values.naar === 'string' ? values.naar : '/', nu);
  await auditVastleggen(prisma, BEHEER, 'aanmeldlink.gemaakt', null, { gebruiker: g.id });
  return `${basis}/aanmelden/${token}\n(werkt ${LINK_GELDIG_MS / 60_000} minuten, één keer)`;
}

async function persoonVan(prisma: PrismaClient, email: string): Promise<string> {
  const account = await prisma.gebruiker.findUnique({ where: { naam: normaalAdres(email) } });
  if (!account?.persoonId) throw new GebruikFout(`geen account met een persoon voor ${email}`);
  return account.persoonId;
}

async function opdracht(prisma: PrismaClient, args: string[], nu: Date, proces?: Zaakproces): Promise<string> {
  const [commando, ...rest] = args;
  switch (commando) {
    case 'invite': {
      const { positionals, values } = lees(rest, {
        naam: { type: 'string' },
        telefoon: { type: 'string' },
        taal: { type: 'string' },
        dagen: { type: 'string' },
      });
      const [email, rol] = positionals;
      const invoer = geldig(Uitnodiging, {
        email,
        rol,
        naam: values.naam,
        telefoon: values.telefoon,
        taal: values.taal,
        dagen: values.dagen === undefined ? undefined : Number(values.dagen),
      });
      const { account, token, verlooptOp } = await uitnodigen(prisma, BEHEER, invoer);
      return `uitgenodigd: ${account.naam} (${account.rol}), persoon ${account.persoonId}\n${token}\n(geldig tot ${verlooptOp.toISOString()}; alleen nu te zien)`;
    }
    case 'add': {
      const { positionals, values } = lees(rest, { persoon: { type: 'string' } });
      const [naam, rol] = positionals;
      if (!naam || !rol) throw new GebruikFout('gebruik: add <naam> <rol> [--persoon <uuid>]');
      if (!Rol.safeParse(rol).success) throw new GebruikFout(`rol moet een van deze zijn: ${Rol.options.join(', ')}`);
      const persoonId = values.persoon as string | undefined;
      if (MET_PERSOON.includes(rol as Gebruikersrol) && !persoonId) {
        throw new GebruikFout(`een ${rol} handelt als persoon in zaken: geef --persoon <uuid>, of gebruik invite`);
      }
      if (persoonId && !(await prisma.persoon.findUnique({ where: { id: persoonId } }).catch(() => null))) {
        throw new GebruikFout(`geen persoon met id ${persoonId}`);
      }
      const login = naam.includes('@') ? normaalAdres(naam) : naam;
      if (await prisma.gebruiker.findUnique({ where: { naam: login } })) throw new GebruikFout(`${login} bestaat al`);
      const g = await prisma.gebruiker.create({ data: { naam: login, rol: rol as Gebruikersrol, persoonId } });
      await prisma.auditEvent.create({
        data: { actor: 'beheer', actie: 'gebruiker.aangemaakt', details: { id: g.id, rol } },
      });
      return `toegevoegd: ${login} (${rol}), id ${g.id}`;
    }
    case 'token': {
      const { positionals, values } = lees(rest, { dagen: { type: 'string' } });
      const g = positionals[0] && (await prisma.gebruiker.findUnique({ where: { naam: positionals[0] } }));
      if (!g) throw new GebruikFout(`gebruik: token <naam> [--dagen ${STANDAARD_DAGEN}] (een bestaand account)`);
      const dagen = Number(values.dagen ?? STANDAARD_DAGEN);
      if (!Number.isInteger(dagen) || dagen < 1 || dagen > LANGSTE_DAGEN) {
        throw new GebruikFout(`--dagen moet een heel getal van 1 tot ${LANGSTE_DAGEN} zijn`);
      }
      const { token, verlooptOp } = await tokenUitgeven(prisma, BEHEER, g.id, dagen, nu);
      return `${token}\n(geldig tot ${verlooptOp.toISOString()}; alleen nu te zien)`;
    }
    case 'revoke': {
      const g = rest[0] && (await prisma.gebruiker.findUnique({ where: { naam: rest[0] } }));
      if (!g) throw new GebruikFout('gebruik: revoke <naam> (een bestaand account)');
      const { count } = await prisma.token.updateMany({
        where: { gebruikerId: g.id, ingetrokkenOp: null },
        data: { ingetrokkenOp: nu },
      });
      // Her browsers too: a lost phone is signed out, an unused sign-in link stops working.
      const sessies = await prisma.sessie.updateMany({
        where: { gebruikerId: g.id, beeindigdOp: null },
        data: { beeindigdOp: nu },
      });
      await prisma.aanmeldlink.updateMany({ where: { gebruikerId: g.id, gebruiktOp: null }, data: { verlooptOp: nu } });
      await prisma.auditEvent.create({
        data: {
          actor: 'beheer',
          actie: 'token.ingetrokken',
          details: { gebruiker: g.id, count, sessies: sessies.count },
        },
      });
      return `${count} sleutel(s) van ${g.naam} ingetrokken, ${sessies.count} sessie(s) beëindigd`;
    }
    case 'block': {
      const g = rest[0] && (await prisma.gebruiker.findUnique({ where: { naam: rest[0] } }));
      if (!g) throw new GebruikFout('gebruik: block <naam> (een bestaand account)');
      await blokkeren(prisma, BEHEER, g.id, proces, nu);
      return `${g.naam} geblokkeerd`;
    }
    case 'list': {
      const lijst = await accounts(prisma, nu);
      return (
        lijst
          .map((a) => `${a.naam}\t${a.rol}\t${a.geblokkeerd ? 'geblokkeerd' : `${a.geldigeTokens} geldige sleutel(s)`}`)
          .join('\n') || '(nog geen accounts)'
      );
    }
    case 'regio':
      return regio(prisma, rest, proces);
    case 'coordinator': {
      const { positionals, values } = lees(rest, {
        regio: { type: 'string', multiple: true },
        taal: { type: 'string', multiple: true },
        geslacht: { type: 'string' },
        achtergrond: { type: 'string', multiple: true },
        max: { type: 'string' },
        afwezig: { type: 'string' },
        'niet-beschikbaar': { type: 'boolean' },
        kent: { type: 'string', multiple: true },
      });
      if (!positionals[0]) throw new GebruikFout(GEBRUIK);
      const persoonId = await persoonVan(prisma, positionals[0]);
      const [van, tot] = (values.afwezig as string | undefined)?.split(':') ?? [];
      // Someone she knows: by email address, or by the id of a person without one.
      const kent = values.kent as string[] | undefined;
      const relaties =
        kent &&
        (await Promise.all(
          kent.map(async (wie) => {
            const p = UUID.test(wie)
              ? await prisma.persoon.findUnique({ where: { id: wie } })
              : await prisma.persoon.findFirst({ where: { email: normaalAdres(wie) } });
            if (!p) throw new GebruikFout(`kring kent niemand als ${wie}`);
            return p.id;
          }),
        ));
      const profiel = geldig(CoordinatorProfiel, {
        regios: values.regio ?? [],
        talen: values.taal,
        geslacht: values.geslacht,
        achtergronden: values.achtergrond,
        maxZaken: values.max === undefined ? undefined : Number(values.max),
        beschikbaar: !values['niet-beschikbaar'],
        afwezig: van ? { van, tot } : undefined,
        relaties,
      });
      await coordinatorZetten(prisma, BEHEER, persoonId, profiel);
      return `coördinator ${positionals[0]}: ${profiel.regios.join(', ')}; ${profiel.talen.join(', ')}; hoogstens ${profiel.maxZaken} zaken`;
    }
    case 'coordinators': {
      const { values } = lees(rest, { regio: { type: 'string', multiple: true } });
      const lijst = await coordinatoren(prisma, values.regio as string[] | undefined);
      return (
        lijst
          .map(
            (c) =>
              `${c.naam}\t${c.regios.join(', ')}\t${c.talen.join(', ')}\t${c.lopendeZaken}/${c.maxZaken} zaken${c.beschikbaar ? '' : '\tniet beschikbaar'}`,
          )
          .join('\n') || '(nog geen coördinatoren)'
      );
    }
    default:
      throw new GebruikFout(GEBRUIK);
  }
}

async function regio(prisma: PrismaClient, args: string[], proces?: Zaakproces): Promise<string> {
  const [wat, ...rest] = args;
  switch (wat) {
    case 'add': {
      const { positionals, values } = lees(rest, {
        gemeente: { type: 'string', multiple: true },
        regiomanager: { type: 'string', multiple: true },
      });
      const regiomanagers = await Promise.all(
        ((values.regiomanager as string[] | undefined) ?? []).map((e) => persoonVan(prisma, e)),
      );
      const invoer = geldig(NieuweRegio, { naam: positionals[0], gemeenten: values.gemeente, regiomanagers });
      await regioMaken(prisma, BEHEER, invoer);
      if (regiomanagers.length) await regiomanagersZetten(prisma, BEHEER, invoer.naam, regiomanagers, proces);
      return `regio ${invoer.naam} aangemaakt`;
    }
    case 'rename': {
      const [naam, nieuw] = rest;
      if (!naam || !nieuw) throw new GebruikFout('gebruik: regio rename <naam> <nieuwe naam>');
      const wijziging = geldig(RegioWijziging, { naam: nieuw });
      return `regio ${naam} heet nu ${await regioWijzigen(prisma, BEHEER, naam, wijziging)}`;
    }
    case 'gemeenten': {
      const [naam, ...gemeenten] = rest;
      if (!naam) throw new GebruikFout('gebruik: regio gemeenten <naam> <gemeente>…');
      await regioWijzigen(prisma, BEHEER, naam, geldig(RegioWijziging, { gemeenten }));
      return `regio ${naam}: ${gemeenten.join(', ') || '(geen gemeenten)'}`;
    }
    case 'managers': {
      const [naam, ...emails] = rest;
      if (!naam || emails.length === 0) throw new GebruikFout('gebruik: regio managers <naam> <email>…');
      const { regiomanagers } = geldig(Regiomanagers, {
        regiomanagers: await Promise.all(emails.map((e) => persoonVan(prisma, e))),
      });
      await regiomanagersZetten(prisma, BEHEER, naam, regiomanagers, proces);
      return `regio ${naam}: regiomanager(s) ${emails.join(', ')}`;
    }
    case 'retire': {
      if (!rest[0]) throw new GebruikFout('gebruik: regio retire <naam>');
      await regioOpheffen(prisma, BEHEER, rest[0]);
      return `regio ${rest[0]} opgeheven`;
    }
    case 'list': {
      const lijst = await regios(prisma);
      return (
        lijst
          .map(
            (r) =>
              `${r.naam}\t${r.regiomanagers.map((m) => m.naam).join(', ') || '(geen regiomanager)'}\t${r.openZaken} open${r.opgehevenOp ? '\topgeheven' : ''}`,
          )
          .join('\n') || "(nog geen regio's)"
      );
    }
    default:
      throw new GebruikFout(GEBRUIK);
  }
}
